/** The Patterns view in real Chromium against the built api and web, on seeded events. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { derivePattern } from '@logline/log-patterns';
import { useSeededBrowser } from './support/seeded-browser';

const HOSTILE = '<img src=x onerror=window.__xss=1> rejected 42 times';

/** [message of seq, events]: three templates, busiest first, one of them hostile markup. */
const TRAFFIC: [(seq: number) => string, number][] = [
  [(seq) => `Failed password for user${seq % 7} from 10.0.${seq % 5}.${seq % 250} port ${40_000 + seq} ssh2`, 60],
  [(seq) => `cache warmed in ${seq * 3} ms`, 30],
  [() => HOSTILE, 10],
];

describe('patterns view in Chromium', () => {
  const session = useSeededBrowser('patterns', () => {
    const start = Math.floor((Date.now() - 10 * 60_000) / 1000) * 1000;
    const messages = TRAFFIC.flatMap(([message, events]) => Array.from({ length: events }, (_, index) => message(index)));
    return messages.map((message, seq) => ({ timestamp: new Date(start + seq * 5000).toISOString(), level: 'info', source: 'sshd', message, producer_id: 'patterns', seq }));
  });
  let page: Page;
  let webUrl: string;
  beforeEach(() => ({ page, webUrl } = session));

  const templates = () => page.locator('#patterns tbody td.col-message').allInnerTexts();
  const counts = () => page.locator('#patterns tbody td.col-count').allInnerTexts();

  it('opens from the explorer with its filters and lists templates busiest first, variables highlighted (screenshot saved as a test artifact)', async () => {
    await page.goto(`${webUrl}/?from=1h&source=sshd`);
    await Promise.all([page.waitForURL(/\/patterns\?/), page.click('#patterns-link')]);
    mkdirSync(join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'test-artifacts', 'patterns.png') });
    expect(new URL(page.url()).searchParams.get('from')).toBe('1h');
    expect(await page.inputValue('input[name="source"]')).toBe('sshd');
    expect(await templates()).toEqual(['Failed password for <*> from <*> port <*> ssh2', 'cache warmed in <*> ms', derivePattern(HOSTILE).template]);
    expect(await counts()).toEqual(['60', '30', '10']);
    expect(await page.locator('#patterns tbody td.col-share').first().innerText()).toBe('60.0%');
    expect(await page.locator('#patterns tbody tr').first().locator('mark.pattern-variable').count()).toBe(3);
    expect(await page.locator('#patterns tbody tr').first().locator('svg.sparkline rect[height]:not([height="0.00"])').count()).toBeGreaterThan(0);
    expect(await page.textContent('#pattern-summary')).toBe('100 events · 3 patterns shown');
  });

  it('shows a hostile template as text and runs nothing', async () => {
    await page.goto(`${webUrl}/patterns?from=1h`);
    expect(await page.locator('#patterns img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it("clicking a pattern shows exactly its events in the explorer, and 'clear' shows all again", async () => {
    await page.goto(`${webUrl}/patterns?from=1h`);
    await Promise.all([page.waitForURL(/pattern_id=/), page.click('#patterns tbody tr >> nth=1 >> a.pattern-template')]);
    const messages = await page.locator('#logs tbody td.col-message').allInnerTexts();
    expect(messages).toHaveLength(30);
    expect(messages.every((message) => /^cache warmed in \d+ ms$/.test(message))).toBe(true);
    expect(await page.textContent('#pattern-filter')).toContain('1 pattern only');
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('pattern_id')), page.click('#pattern-filter a')]);
    expect(await page.locator('#logs tbody tr').count()).toBe(100);
  });

  it('hiding a pattern leaves it out of the list and out of the events, until shown again', async () => {
    await page.goto(`${webUrl}/patterns?from=1h`);
    await Promise.all([page.waitForURL(/exclude_pattern_id=/), page.click('#patterns tbody tr >> nth=0 >> a.pattern-hide')]);
    expect(await counts()).toEqual(['30', '10']);
    expect(await page.textContent('#hidden-patterns')).toContain('1 pattern hidden');
    await Promise.all([page.waitForURL(/\/\?/), page.click('#explorer-link')]);
    expect(await page.locator('#logs tbody tr').count()).toBe(40);
    await page.goBack();
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('exclude_pattern_id')), page.click('#hidden-patterns a')]);
    expect(await counts()).toEqual(['60', '30', '10']);
  });
});

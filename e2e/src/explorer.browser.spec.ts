/** The explorer in real Chromium against the built api and web, on seeded events. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSeededBrowser } from './support/seeded-browser';

const EVENTS = 300;
const LEVELS = ['INFO', 'INFO', 'WARNING', 'ERROR', 'DEBUG', 'CRITICAL'];
const HOSTILE = '<img src=x onerror=window.__xss=1>';

describe('explorer in Chromium', () => {
  /** When the seeded event with seq 0 happened; seq n is n seconds later. */
  const seededFrom = Math.floor((Date.now() - 10 * 60_000) / 1000) * 1000;
  const session = useSeededBrowser(
    'browser',
    () =>
      Array.from({ length: EVENTS }, (_, seq) => ({
        timestamp: new Date(seededFrom + seq * 1000).toISOString(),
        level: LEVELS[seq % LEVELS.length],
        source: ['auth', 'payment', 'search'][seq % 3],
        message: seq === 123 ? 'quantum flux capacitor failed' : seq === 200 ? HOSTILE : `request ${seq} served`,
        producer_id: 'browser',
        seq,
        // Every 50th event comes from one region: the attribute filter's target.
        region: seq % 50 === 0 ? 'eu west:1' : 'us-east',
      })),
    { acceptDownloads: true },
  );
  let page: Page;
  let webUrl: string;
  beforeEach(() => ({ page, webUrl } = session));

  const cells = (column: string) => page.locator(`#logs tbody td.${column}`).allInnerTexts();

  it('looks like a product (screenshot saved as a test artifact)', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await page.waitForSelector('#logs tbody tr');
    mkdirSync(join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'test-artifacts', 'explorer.png') });
    expect(await page.locator('#histogram .histogram-bar').count()).toBeGreaterThan(10);
    expect(await page.locator('#facets .facet').count()).toBe(3);
  });

  it('filtering by a level shows only that level', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await page.check('input[name="level"][value="ERROR"]');
    await Promise.all([page.waitForURL(/level=ERROR/), page.click('button[type="submit"]')]);
    const levels = await cells('col-level');
    expect(levels).toHaveLength(EVENTS / LEVELS.length);
    expect(new Set(levels)).toEqual(new Set(['ERROR']));
  });

  it('an absolute from/to typed into the form shows exactly the events in it, and the URL keeps it', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    const field = (seq: number) => new Date(seededFrom + seq * 1000).toISOString().slice(0, 19);
    // Chromium holds a datetime-local value whose seconds are 0 as hh:mm (and page.fill refuses
    // the hh:mm:00 form), so the range starts at the first seq from 100 where neither end does.
    let first = 100;
    while (field(first).endsWith(':00') || field(first + 49).endsWith(':00')) first += 1;
    await page.fill('input[name="start"]', field(first));
    await page.fill('input[name="end"]', field(first + 49));
    expect(await page.inputValue('select[name="from"]')).toBe('custom');
    await Promise.all([page.waitForURL(/start=/), page.click('button[type="submit"]')]);
    const seqs = await page.locator('#logs tbody tr').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.seq)));
    // The range's end is exclusive, as everywhere in the api.
    expect(seqs).toEqual(Array.from({ length: 49 }, (_, i) => first + 48 - i));
    expect(await page.textContent('#time-range')).toContain(`From ${field(first).replace('T', ' ')}`);
    await page.reload();
    expect(await page.inputValue('input[name="end"]')).toBe(field(first + 49));
  });

  it('clicking the Level header sorts by severity, and clicking it again reverses that', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await Promise.all([page.waitForURL(/sort=level/), page.click('#logs thead a:has-text("Level")')]);
    const first = await page.locator('#logs tbody tr').first();
    expect([await first.getAttribute('data-level'), await first.getAttribute('data-seq')]).toEqual(['CRITICAL', '299']);
    await Promise.all([page.waitForURL(/order=asc/), page.click('#logs thead a:has-text("Level")')]);
    // 50 DEBUG, then the oldest INFO: the least severe first.
    const levels = await cells('col-level');
    expect([levels.filter((level) => level === 'DEBUG').length, levels[0], levels[50]]).toEqual([50, 'DEBUG', 'INFO']);
  });

  it('a search finds a seeded phrase', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await page.fill('input[name="q"]', '"flux capacitor"');
    await Promise.all([page.waitForURL(/q=/), page.click('button[type="submit"]')]);
    expect(await cells('col-message')).toEqual(['quantum flux capacitor failed']);
  });

  it('paging forward then back returns the same rows', async () => {
    await page.goto(`${webUrl}/?from=1h&limit=50`);
    const first = await cells('col-message');
    await Promise.all([page.waitForURL(/cursor=/), page.click('#next-page')]);
    const second = await cells('col-message');
    expect(second[0]).not.toBe(first[0]);
    await Promise.all([page.waitForURL(/before=/), page.click('#previous-page')]);
    expect(await cells('col-message')).toEqual(first);
  });

  it('a histogram bar click narrows the range, and the URL reproduces the view in a fresh page', async () => {
    await page.goto(`${webUrl}/?from=1h&source=payment`);
    const before = Number((await page.locator('#histogram figcaption strong').innerText()).replace(/,/g, ''));
    const bar = page.locator('#histogram .histogram-bar').filter({ has: page.locator('rect.bar') }).first();
    await Promise.all([page.waitForURL(/to=/), bar.click()]);
    const after = Number((await page.locator('#histogram figcaption strong').innerText()).replace(/,/g, ''));
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const rows = await cells('col-message');
    const fresh = await session.browser.newPage();
    await fresh.goto(page.url());
    expect(await fresh.locator('#logs tbody td.col-message').allInnerTexts()).toEqual(rows);
    expect(await fresh.locator('input[name="source"]').inputValue()).toBe('payment');
    await fresh.close();
  });

  it('export downloads every matching row', async () => {
    await page.goto(`${webUrl}/?from=1h&limit=10`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export NDJSON')]);
    const lines = readFileSync((await download.path()) as string, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(EVENTS);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).size).toBe(EVENTS);
  });

  it('a row opens its full event with its exact neighbours from the same producer', async () => {
    await page.goto(`${webUrl}/?from=1h&q=${encodeURIComponent('"flux capacitor"')}`);
    await Promise.all([page.waitForURL(/\/logs\//), page.click('#logs tbody a.row-link')]);
    const seqs = await page.locator('#context tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-seq')));
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => String(113 + i)));
    expect(await page.locator('#context tr.anchor-row td.col-message').innerText()).toBe('quantum flux capacitor failed');
    expect(JSON.parse(await page.locator('#event-json').innerText())).toMatchObject({ seq: 123, producer_id: 'browser' });
  });

  it("clicking an attribute value on an event's page shows only events with that value", async () => {
    await page.goto(`${webUrl}/?from=1h&q=${encodeURIComponent('request 150 served')}`);
    await Promise.all([page.waitForURL(/\/logs\//), page.click('#logs tbody a.row-link')]);
    await Promise.all([page.waitForURL(/q=attributes/), page.click('#attributes a.filter-link')]);
    expect(await page.inputValue('input[name="q"]')).toBe('attributes.region:"eu west:1"');
    const seqs = await page.locator('#logs tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));
    expect(seqs).toEqual([250, 200, 150, 100, 50, 0]);
  });

  it('shows a hostile message as text and runs nothing', async () => {
    await page.goto(`${webUrl}/?from=1h&q=onerror`);
    expect(await cells('col-message')).toEqual([HOSTILE]);
    expect(await page.locator('#logs img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

/** Stats mode, field statistics and saved searches in real Chromium against the built api and web. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useSeededBrowser } from './support/seeded-browser';

const EVENTS = 300;
const SOURCES = ['auth', 'payment', 'search'];

describe('analysis in Chromium', () => {
  const session = useSeededBrowser('analysis', () => {
    const start = Date.now() - 10 * 60_000;
    // seq n: source SOURCES[n % 3], ERROR every 4th, duration_ms = n for payment (n % 3 = 1), no duration elsewhere.
    return Array.from({ length: EVENTS }, (_, seq) => ({
      timestamp: new Date(start + seq * 1000).toISOString(),
      level: seq % 4 === 0 ? 'ERROR' : 'INFO',
      source: SOURCES[seq % 3],
      host: `web-${seq % 2}`,
      message: `request ${seq} served`,
      producer_id: 'analysis',
      seq,
      attributes: seq % 3 === 1 ? { duration_ms: String(seq) } : {},
    }));
  });
  let page: Page;
  let webUrl: string;
  beforeEach(() => ({ page, webUrl } = session));

  const texts = (selector: string) => page.locator(selector).allInnerTexts();

  it('runs a stats query typed into the search box: a table of the groups and a line per group over time', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await page.fill('input[name="q"]', '| stats count(), max(attributes.duration_ms) by source');
    await Promise.all([page.waitForURL(/stats/), page.click('button[type="submit"]')]);
    expect(await page.locator('#stats-table thead th').allTextContents()).toEqual(['source', 'count()', 'max(attributes.duration_ms)']);
    const rows = await page.locator('#stats-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(expect.arrayContaining([['payment', '100', '298'], ['auth', '100', '—'], ['search', '100', '—']]));
    expect(await page.locator('#group-count').innerText()).toBe('3 groups');
    // The chart: one path per group, each drawn (not empty), with the groups in the legend.
    const paths = await page.locator('#stats-chart path.series').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('d') ?? ''));
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(path).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/);
    expect(new Set(await texts('#stats-chart .stats-legend li'))).toEqual(new Set(SOURCES));
    expect(await page.locator('#stats-chart figcaption').innerText()).toMatch(/^count\(\) per /);
    // The rows view is replaced, and the grammar is documented on the page.
    expect(await page.locator('#logs').count()).toBe(0);
    expect(await page.locator('#stats-syntax').count()).toBe(1);
    mkdirSync(join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'test-artifacts', 'stats.png') });
  });

  it('groups by pattern, showing each pattern as its template linked to its events', async () => {
    await page.goto(`${webUrl}/?from=1h&q=${encodeURIComponent('level:ERROR | stats count() by pattern')}`);
    expect(await page.locator('#stats-table thead th').allTextContents()).toEqual(['pattern', 'count()']);
    const template = page.locator('#stats-table tbody td a.pattern-template');
    expect(await template.allInnerTexts()).toEqual(['request <*> served']);
    expect(await template.locator('mark.pattern-variable').allInnerTexts()).toEqual(['<*>']);
    expect(await texts('#stats-table tbody td.numeric')).toEqual(['75']);
    await Promise.all([page.waitForURL(/pattern%3A/), template.click()]);
    expect(new URL(page.url()).searchParams.get('q')).toMatch(/^level:ERROR pattern:[0-9a-f]{16}$/);
    expect(await page.locator('#logs tbody tr').count()).toBe(75);
  });

  it('answers a stats query with an unknown function by saying what is allowed', async () => {
    const response = await page.goto(`${webUrl}/?from=1h&q=${encodeURIComponent('| stats median(attributes.duration_ms)')}`);
    expect(response?.status()).toBe(400);
    expect(await page.locator('main').innerText()).toContain("unknown function 'median' (functions: count, count_distinct, min, max, avg, sum, p50, p90, p99)");
  });

  it('shows a field’s top values and number summary when its name is clicked, and a value narrows the search', async () => {
    await page.goto(`${webUrl}/?from=1h&source=payment`);
    await Promise.all([page.waitForURL(/field=attributes.duration_ms/), page.click('#field-list a:text-is("attributes.duration_ms")')]);
    const panel = page.locator('#field-stats');
    expect(await panel.locator('.field-stats-head .muted').innerText()).toBe('100 events · 100 distinct values');
    const numbers = await panel.locator('.field-numbers div').evaluateAll((divs) => divs.map((div) => div.textContent));
    expect(numbers).toEqual(['min1', 'p50149.5', 'avg149.5', 'p90268.3', 'p99295.03', 'max298']);
    await Promise.all([page.waitForURL(/q=/), panel.locator('tbody a').first().click()]);
    const value = new URL(page.url()).searchParams.get('q');
    expect(value).toMatch(/^attributes\.duration_ms:"\d+"$/);
    expect(await page.locator('#logs tbody tr').count()).toBe(1);
  });

  it("lists the pattern among the fields: its top values are templates, and one narrows the search to its events", async () => {
    await page.goto(`${webUrl}/?from=1h&level=ERROR`);
    await Promise.all([page.waitForURL(/field=pattern/), page.click('#field-list a:text-is("pattern")')]);
    const panel = page.locator('#field-stats');
    expect(await panel.locator('.field-stats-head .muted').innerText()).toBe('75 events · 1 distinct value');
    const template = panel.locator('tbody a.pattern-template');
    expect(await template.allInnerTexts()).toEqual(['request <*> served']);
    expect(await template.locator('mark.pattern-variable').allInnerTexts()).toEqual(['<*>']);
    await Promise.all([page.waitForURL(/q=/), template.click()]);
    expect(new URL(page.url()).searchParams.get('q')).toMatch(/^pattern:"[0-9a-f]{16}"$/);
    expect(await page.locator('#logs tbody tr').count()).toBe(75);
  });

  it('saves the current search, lists it with who saved it, renames it, opens it and deletes it', async () => {
    await page.goto(`${webUrl}/?from=1h&level=ERROR&source=payment&q=served`);
    await page.fill('#save-search input[name="name"]', 'Payment errors');
    await Promise.all([page.waitForURL(/\/saved-searches\?saved=/), page.click('#save-search button[type="submit"]')]);
    const row = page.locator('#saved-searches tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'Payment errors',
      'served · level ERROR · source payment · Last 1 hour',
      'anonymous',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      'Rename',
      'Add to dashboard',
      'Delete',
    ]);

    // A second search under the same name is refused with the api's reason.
    await page.goto(`${webUrl}/?from=1h`);
    await page.fill('#save-search input[name="name"]', 'Payment errors');
    await page.click('#save-search button[type="submit"]');
    await page.waitForSelector('#saved-problem');
    expect(await page.locator('#saved-problem').innerText()).toMatch(/a saved search named 'Payment errors' exists already/);

    await page.fill('.saved-rename input[name="name"]', 'Card errors');
    await Promise.all([page.waitForURL(/saved=/), page.click('.saved-rename button')]);
    expect(await texts('#saved-searches .saved-open')).toEqual(['Card errors']);

    await Promise.all([page.waitForURL(/level=ERROR/), page.click('#saved-searches .saved-open')]);
    const params = new URL(page.url()).searchParams;
    expect(params.get('q')).toBe('served');
    expect(params.get('source')).toBe('payment');
    expect(params.get('from')).toBe('1h');
    const levels = await texts('#logs tbody td.col-level');
    const sources = await texts('#logs tbody td.col-source');
    expect(levels.length).toBe(25);
    expect(new Set(levels)).toEqual(new Set(['ERROR']));
    expect(new Set(sources)).toEqual(new Set(['payment']));

    await page.goto(`${webUrl}/saved-searches`);
    await Promise.all([page.waitForURL(/\/saved-searches$/), page.click('.saved-delete button')]);
    expect(await page.locator('#saved-searches tbody tr').count()).toBe(0);
    expect(await page.locator('#empty-state').isVisible()).toBe(true);
  });

  it('pins a saved search to the Dashboard, shows its count over the range, and removes it', async () => {
    await page.goto(`${webUrl}/?from=15m&level=ERROR&source=payment`);
    await page.fill('#save-search input[name="name"]', 'Failed payments');
    await Promise.all([page.waitForURL(/\/saved-searches\?saved=/), page.click('#save-search button[type="submit"]')]);
    await Promise.all([page.waitForURL(/\/dashboard$/), page.click('#saved-searches tr:has-text("Failed payments") .saved-pin button')]);
    const tile = page.locator('#panel-pinned .search-tile[data-saved-search="Failed payments"]');
    // The Dashboard's range (1h) replaces the search's own 15m.
    expect(await tile.locator('.tile-count').innerText()).toBe('25');
    expect(await tile.locator('.sparkline rect').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(__dirname, '..', '..', 'test-artifacts', 'dashboard-tiles.png') });
    await Promise.all([page.waitForURL(/level=ERROR/), tile.locator('.tile-name').click()]);
    expect(new URL(page.url()).searchParams.get('source')).toBe('payment');
    await page.goto(`${webUrl}/dashboard`);
    await Promise.all([page.waitForURL(/\/dashboard\?range=1h$/), page.locator('#panel-pinned .tile-remove button').click()]);
    expect(await page.locator('#panel-pinned .search-tile').count()).toBe(0);
    expect(await page.locator('#pinned-empty').innerText()).toMatch(/^No saved search is pinned yet/);
  });

  it('pins a stats search as its busiest groups, each a line over the range', async () => {
    await page.goto(`${webUrl}/?from=1h&q=${encodeURIComponent('| stats count() by source')}`);
    await page.fill('#save-search input[name="name"]', 'Events by source');
    await Promise.all([page.waitForURL(/\/saved-searches\?saved=/), page.click('#save-search button[type="submit"]')]);
    await Promise.all([page.waitForURL(/\/dashboard$/), page.click('#saved-searches tr:has-text("Events by source") .saved-pin button')]);
    const tile = page.locator('#panel-pinned .search-tile[data-saved-search="Events by source"]');
    expect(await tile.locator('.tile-stats tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent))).toEqual(expect.arrayContaining(['auth100', 'payment100', 'search100']));
    const paths = await tile.locator('.tile-chart path.series').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('d') ?? ''));
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(path).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/);
    expect(new Set(await tile.locator('.stats-legend li').allInnerTexts())).toEqual(new Set(SOURCES));
    await page.locator('#panel-pinned .tile-remove button').click();
  });
});

/**
 * Multi-line events as a user meets them: the built generator replays a Java log with a stack
 * trace and a Python log with a traceback into the built api, one event is stored per exception,
 * and the web page (in real Chromium) shows those messages with their line breaks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { runGenerator, type RunningProcess } from '@logline/testing';
import { startApiAndWeb } from './support/api-and-web';

const JAVA_TRACE = [
  'java.lang.IllegalStateException: cart 42 is locked',
  '\tat com.acme.shop.cart.CartService.load(CartService.java:88)',
  '\tat com.acme.shop.web.CartController.show(CartController.java:41)',
  'Caused by: java.sql.SQLException: Lock wait timeout exceeded',
  '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)',
  '\t... 52 more',
];
const JAVA_LOG = [
  '2026-11-28 17:00:00.120 INFO  [exec-3] c.a.shop.web.CartController - GET /cart/42',
  '2026-11-28 17:00:00.123 ERROR [exec-3] c.a.shop.web.CartController - Request failed: GET /cart/42',
  ...JAVA_TRACE,
  '2026-11-28 17:00:01.002 INFO  [main] c.a.shop.App - still serving',
];

const PYTHON_TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/srv/worker/jobs.py", line 57, in run',
  '    payload = json.loads(raw)',
  'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
];
const PYTHON_LOG = [
  '2026-11-28 17:00:02,001 INFO [main] worker.jobs: picked job 991',
  '2026-11-28 17:00:02,417 ERROR [main] worker.jobs: job 991 failed',
  ...PYTHON_TRACEBACK,
  '2026-11-28 17:00:03,000 INFO [main] worker.main: shutting down',
];

interface Row {
  id: string;
  message: string;
  log_level: string;
}

describe('multi-line events: replayed stack traces, shown with their line breaks', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'logline-multiline-'));
  let api: RunningProcess;
  let web: RunningProcess;
  let apiUrl: string;
  let webUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ api, web, apiUrl, webUrl } = await startApiAndWeb(dataDir));
    for (const [source, lines] of [['java-shop', JAVA_LOG], ['py-worker', PYTHON_LOG]] as const) {
      const file = join(dataDir, `${source}.log`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const run = await runGenerator(['--target', `${apiUrl}/api/v1/ingest`, '--replay', file, '--source', source, '--replay-time', 'now', '--producer', source]);
      expect(run.code).toBe(0);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function storedRows(source: string): Promise<Row[]> {
    const response = await fetch(`${apiUrl}/api/v1/logs?source=${source}&order=asc&limit=100`);
    return ((await response.json()) as { rows: Row[] }).rows;
  }

  it('stores one event per Java exception, its trace and causes in the message', async () => {
    const rows = await storedRows('java-shop');
    expect(rows.map((row) => [row.log_level, row.message])).toEqual([
      ['INFO', 'GET /cart/42'],
      ['ERROR', ['Request failed: GET /cart/42', ...JAVA_TRACE].join('\n')],
      ['INFO', 'still serving'],
    ]);
  });

  it('stores one event per Python traceback, up to the line naming the exception', async () => {
    const rows = await storedRows('py-worker');
    expect(rows.map((row) => [row.log_level, row.message])).toEqual([
      ['INFO', 'picked job 991'],
      ['ERROR', ['job 991 failed', ...PYTHON_TRACEBACK].join('\n')],
      ['INFO', 'shutting down'],
    ]);
  });

  it('shows a multi-line message with its line breaks in the list and on the event page', async () => {
    const [failure] = (await storedRows('java-shop')).filter((row) => row.log_level === 'ERROR');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${webUrl}/?from=1h&source=java-shop`);
      const listed = page.locator('#logs tbody tr', { hasText: 'Request failed' }).locator('td.col-message');
      // innerText keeps a line break only where the page lays one out.
      expect(await listed.innerText()).toBe(failure.message);
      const oneLine = await page.locator('#logs tbody tr', { hasText: 'still serving' }).locator('td.col-message').boundingBox();
      expect((await listed.boundingBox())?.height).toBeGreaterThan(5 * (oneLine?.height ?? Infinity) * 0.8);
      await page.goto(`${webUrl}/logs/${encodeURIComponent(failure.id)}`);
      expect(await page.locator('tr.anchor-row td.col-message').innerText()).toBe(failure.message);
    } finally {
      await page.close();
    }
  });
});

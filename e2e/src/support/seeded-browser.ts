/**
 * What the browser specs share: the built api and web over a fresh data directory, seeded with
 * events through the api's ingest route, and a new Chromium page for each test. Call it inside a
 * describe: it registers that describe's hooks, before the spec's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startApiAndWeb, type ApiAndWeb } from './api-and-web';

export interface SeededBrowser {
  readonly browser: Browser;
  /** This test's page (a new one per test). */
  readonly page: Page;
  readonly apiUrl: string;
  readonly webUrl: string;
}

/** `seed` is asked once, before the first test: every event it returns must be accepted. */
export function useSeededBrowser(name: string, seed: () => readonly object[], pageOptions: BrowserContextOptions = {}): SeededBrowser {
  const dataDir = mkdtempSync(join(tmpdir(), `logline-${name}-`));
  let started: ApiAndWeb | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    started = await startApiAndWeb(dataDir);
    const events = seed();
    const body = events.map((event) => JSON.stringify(event)).join('\n');
    const response = await fetch(`${started.apiUrl}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(((await response.json()) as { accepted: number }).accepted).toBe(events.length);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await required(browser).newPage({ viewport: { width: 1400, height: 900 }, ...pageOptions });
  });
  afterEach(() => page?.close());
  afterAll(async () => {
    await browser?.close();
    await started?.web.stop();
    await started?.api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get browser() {
      return required(browser);
    },
    get page() {
      return required(page);
    },
    get apiUrl() {
      return required(started).apiUrl;
    },
    get webUrl() {
      return required(started).webUrl;
    },
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the seeded browser is not started: use it inside a test of the describe that called useSeededBrowser');
  return value;
}

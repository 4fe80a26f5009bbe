/**
 * Freshness as a user sees it: real Chromium on the web's live page, one event ingested at a time
 * over HTTP, and the delay from the ingest's answer (the event is stored) to its row painted (the
 * first animation frame after the row was added to the table). Measured against the embedded api
 * and against the api in server mode on the ClickHouse HTTP front over another data directory.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { chromium, type Page } from 'playwright-core';
import { testToolPath } from '@logline/test-tools';
import { freePort, startApp, startClickHouseFront, waitForOk, type RunningProcess } from '@logline/testing';
import { percentile } from '../stats';
import { startApi } from './running-api';

export interface FreshnessResult {
  mode: 'embedded' | 'server';
  events: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Events never painted, or painted more than once: both must be 0. */
  missing: number;
  repeated: number;
}

const PRODUCER = 'bench-freshness';
/** Apart enough that each event is its own insert and its own live batch. */
const PACE_MS = 150;
const SETTLE_MS = 15_000;

/**
 * Installed before the page's scripts (as text: the bench is compiled without the DOM's types):
 * notes, for each row added to the table, the time of the first frame painted after it.
 */
const RECORD_PAINTS = `
  window.__painted = [];
  new MutationObserver((mutations) => {
    const rows = mutations.flatMap((m) => [...m.addedNodes]).filter((node) => node instanceof HTMLTableRowElement);
    if (rows.length === 0) return;
    requestAnimationFrame(() => {
      const paintedMs = Date.now();
      for (const row of rows) window.__painted.push({ seq: Number(row.dataset.seq), producer: row.dataset.producerId, paintedMs });
    });
  }).observe(document, { childList: true, subtree: true });`;

interface Painted {
  seq: number;
  producer: string;
  paintedMs: number;
}

export async function measureFreshness(dataDir: string, mode: FreshnessResult['mode'], events: number): Promise<FreshnessResult> {
  const stops: (() => Promise<unknown>)[] = [];
  try {
    let extraEnv: Record<string, string> = { INGEST_TCP_PORT: '0' };
    if (mode === 'server') {
      const port = await freePort();
      const front = startClickHouseFront(dataDir, port);
      stops.unshift(() => front.stop());
      await waitForOk(`http://127.0.0.1:${port}/ping`, front);
      extraEnv = { ...extraEnv, CLICKHOUSE_URL: `http://127.0.0.1:${port}` };
    }
    const api = await startApi(dataDir, extraEnv);
    stops.unshift(() => api.app.stop());
    const web = await startWeb(api.base.replace(/\/api\/v1$/, ''));
    stops.unshift(() => web.app.stop());
    const browser = await chromium.launch({
      executablePath: testToolPath('chromium'),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    stops.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript({ content: RECORD_PAINTS });
    await page.goto(`${web.url}/?live=1`);
    await page.waitForFunction("document.getElementById('live-status')?.textContent?.startsWith('Live')");
    const answeredMs = await sendOneByOne(api.httpTarget, events);
    return { mode, events, ...(await paintDelays(page, answeredMs)) };
  } finally {
    for (const stop of stops) await stop();
  }
}

async function startWeb(apiUrl: string): Promise<{ app: RunningProcess; url: string }> {
  const port = await freePort();
  const app = startApp('web', [], { LOG_LEVEL: 'warn', WEB_PORT: String(port), API_URL: apiUrl });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/healthz`, app);
  return { app, url };
}

/** Posts `events` events, one request each; resolves with when each answer arrived (epoch ms, by seq). */
async function sendOneByOne(target: string, events: number): Promise<number[]> {
  const answeredMs: number[] = [];
  for (let seq = 0; seq < events; seq += 1) {
    const line = JSON.stringify({ timestamp: new Date().toISOString(), log_level: 'INFO', message: `freshness probe ${seq}`, source: 'bench', producer_id: PRODUCER, seq });
    const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: `${line}\n` });
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    answeredMs.push(Date.now());
    await pause(PACE_MS);
  }
  return answeredMs;
}

async function paintDelays(page: Page, answeredMs: readonly number[]): Promise<Omit<FreshnessResult, 'mode' | 'events'>> {
  const painted = async () => ((await page.evaluate('window.__painted')) as Painted[]).filter((row) => row.producer === PRODUCER);
  for (const deadline = Date.now() + SETTLE_MS; (await painted()).length < answeredMs.length && Date.now() < deadline; ) await pause(250);
  const rows = await painted();
  const firstPaint = new Map<number, number>();
  let repeated = 0;
  for (const row of rows) {
    if (firstPaint.has(row.seq)) repeated += 1;
    else firstPaint.set(row.seq, row.paintedMs);
  }
  const delays = [...firstPaint].map(([seq, paintedMs]) => paintedMs - answeredMs[seq]);
  return {
    p50Ms: percentile(delays, 0.5),
    p95Ms: percentile(delays, 0.95),
    maxMs: Math.max(...delays),
    missing: answeredMs.length - firstPaint.size,
    repeated,
  };
}

/**
 * Trace correlation as a user meets it, in real Chromium against the built api and web: events
 * an OpenTelemetry SDK sent from two services within one trace; the event page shows the trace id,
 * links to every event of the trace (oldest first) and, with TRACE_URL_TEMPLATE, to the tracing UI.
 */
import type { Browser, Page } from 'playwright-core';
import { freePort, startApp, waitForOk, type RunningProcess } from '@logline/testing';
import { launchChromium } from './support/browser';
import { runClient } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const OTHER_TRACE = '5b8efff798038103d269b633813fc60c';
const TEMPLATE = 'http://jaeger.example:16686/trace/{trace_id}';

describe('trace correlation in Chromium', () => {
  let api: ProtocolApi;
  let web: RunningProcess;
  let webUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startProtocolApi();
    webUrl = `http://127.0.0.1:${await freePort()}`;
    web = startApp('web', [], { WEB_PORT: new URL(webUrl).port, API_URL: api.url, TRACE_URL_TEMPLATE: TEMPLATE });
    await waitForOk(`${webUrl}/healthz`, web);
    const at = Date.now() - 60_000;
    const send = (service: string, records: unknown[]) =>
      runClient('otel-emit.mjs', { url: `${api.url}/v1/logs`, encoding: 'protobuf', resource: { 'service.name': service }, scope: { name: 'web' }, records });
    const runs = await Promise.all([
      send('gateway', [
        { timestampMs: at, severityNumber: 9, body: 'request received', traceId: TRACE_ID, spanId: '1111111111111111' },
        { timestampMs: at + 300, severityNumber: 9, body: 'response sent', traceId: TRACE_ID, spanId: '1111111111111111' },
        { timestampMs: at + 100, severityNumber: 9, body: 'another request', traceId: OTHER_TRACE, spanId: '3333333333333333' },
      ]),
      send('orders', [{ timestampMs: at + 200, severityNumber: 17, body: 'order lookup failed', traceId: TRACE_ID, spanId: '2222222222222222' }]),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    await api.waitForRows('', 4);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
  });

  it('lists one trace oldest first through the API', async () => {
    const response = await fetch(`${api.url}/api/v1/logs?trace_id=${TRACE_ID}`);
    const { rows } = (await response.json()) as { rows: { message: string; source: string; span_id: string }[] };
    expect(rows.map((row) => [row.message, row.source, row.span_id])).toEqual([
      ['request received', 'gateway', '1111111111111111'],
      ['order lookup failed', 'orders', '2222222222222222'],
      ['response sent', 'gateway', '1111111111111111'],
    ]);
  });

  it("shows an event's trace, links the tracing UI, and lists all events of the trace oldest first", async () => {
    await page.goto(`${webUrl}/?q=${encodeURIComponent('"order lookup failed"')}`);
    await Promise.all([page.waitForURL(/\/logs\//), page.locator('#logs tbody a.row-link').first().click()]);
    expect(await page.locator('#trace-id').innerText()).toBe(TRACE_ID);
    expect(await page.locator('#span-id').innerText()).toBe('2222222222222222');
    expect(await page.locator('#trace-external').getAttribute('href')).toBe(`http://jaeger.example:16686/trace/${TRACE_ID}`);

    await Promise.all([page.waitForURL(/trace_id/), page.locator('#trace-events').click()]);
    expect(await page.locator('#logs tbody td.col-message').allInnerTexts()).toEqual(['request received', 'order lookup failed', 'response sent']);
    expect(await page.locator('#logs tbody td.col-source').allInnerTexts()).toEqual(['gateway', 'orders', 'gateway']);
    // The search box says what is shown, so the user can widen or change it.
    expect(await page.locator('input[name="q"]').inputValue()).toBe(`trace_id:${TRACE_ID}`);
  });
});

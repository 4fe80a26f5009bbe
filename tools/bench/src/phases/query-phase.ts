/**
 * Explorer requests on the loaded data: through the api over HTTP (with the web page's render
 * and the api's memory), through the api in server mode, then in-process through the same library
 * calls with the api stopped.
 */
import { freePort, startApp, waitForOk } from '@logline/testing';
import { settleContext, timeApiQueries } from '../api/api-queries';
import { timeServerModeQueries } from '../api/server-mode';
import { get } from '../api/http';
import { runWorker } from '../engine/run-worker';
import type { EngineFloors } from '../engine/engine-floors';
import type { LibraryTiming } from '../engine/library-queries';
import { startApi } from '../ingest/running-api';
import { sampleRss } from '../processes/rss-sampler';
import type { QueryContext } from '../queries/query-context';
import type { QueryFigures } from '../report/results';
import { medianMs } from '../stats';
import { log } from './load-phase';

export async function measureQueries(dataDir: string, nowMs: number, events: number, runs: number): Promise<{ figures: QueryFigures; context: QueryContext }> {
  const api = await startApi(dataDir, { INGEST_TCP_PORT: '0', SYSLOG_PORT: '0' });
  // The first explorer page right after start: what a user opening the page then waits for.
  const firstPageStarted = performance.now();
  await get(`${api.base}/logs?limit=100`);
  const apiFirstPageMs = api.readyMs + (performance.now() - firstPageStarted);
  const rss = sampleRss(api.app.child.pid);
  let webRenderMs: number;
  let context: QueryContext;
  let timings: QueryFigures['api'];
  try {
    context = await settleContext(api.base, nowMs, events);
    log('timing explorer requests through the api');
    timings = await timeApiQueries(api.base, context, runs);
    webRenderMs = await measureWebRender(api.base.replace(/\/api\/v1$/, ''), runs);
  } finally {
    rss.stop();
    await api.app.stop();
  }
  log('timing the same requests through the api in server mode (the ClickHouse HTTP front on the same data)');
  const serverApi = await timeServerModeQueries(dataDir, context, runs);
  log('timing the same library calls in-process');
  const library = await runWorker<Record<string, LibraryTiming>>('queries', { dataDir, runs, context });
  const floors = await runWorker<EngineFloors>('floors', { dataDir, runs, traceIds: context.lookups.traceIds, patternsRange: context.histograms.patterns });
  const apiRssMaxMiB = Math.max(...rss.samples);
  return { figures: { api: timings, serverApi, library, floors, webRenderMs, apiRssMaxMiB, apiReadyMs: api.readyMs, apiFirstPageMs }, context };
}

async function measureWebRender(apiUrl: string, runs: number): Promise<number> {
  const port = await freePort();
  const web = startApp('web', [], { LOG_LEVEL: 'warn', WEB_PORT: String(port), API_URL: apiUrl, API_TIMEOUT_MS: '60000' });
  try {
    await waitForOk(`http://127.0.0.1:${port}/healthz`, web, 180_000);
    return await medianMs(runs, () => get(`http://127.0.0.1:${port}/`));
  } finally {
    await web.stop();
  }
}

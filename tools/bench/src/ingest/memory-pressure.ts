/**
 * The api's memory while producers outrun storage: HTTP and TCP producers send as fast as they
 * can for a while; VmRSS and the ingest buffer's pending rows are sampled every second. Bounded
 * memory shows as a flat second half: its peak close to the first half's.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { get } from '../api/http';
import { startGenerator, totalOf } from '../processes/generator-run';
import { sampleRss } from '../processes/rss-sampler';
import { median } from '../stats';
import type { RunningApi } from './running-api';

export interface PressureResult {
  seconds: number;
  rssStartMiB: number;
  rssMedianMiB: number;
  rssMaxFirstHalfMiB: number;
  rssMaxSecondHalfMiB: number;
  maxPendingRows: number;
  sent: number;
  acked: number;
}

export async function measureMemoryUnderPressure(api: RunningApi, seconds: number): Promise<PressureResult> {
  const rss = sampleRss(api.app.child.pid);
  const http = startGenerator({ target: api.httpTarget, producer: 'pressure-http', producers: 8, rate: 0, batch: 5000 });
  const tcp = startGenerator({ target: api.tcpTarget, producer: 'pressure-tcp', producers: 4, rate: 0, batch: 5000 });
  let maxPendingRows = 0;
  for (let second = 0; second < seconds; second += 1) {
    await pause(1000);
    maxPendingRows = Math.max(maxPendingRows, await pendingRows(api.base));
  }
  const runs = [await http.finish(), await tcp.finish()];
  const samples = rss.stop().slice(0, seconds + 1);
  const half = Math.ceil(samples.length / 2);
  return {
    seconds,
    rssStartMiB: samples[0],
    rssMedianMiB: median(samples),
    rssMaxFirstHalfMiB: Math.max(...samples.slice(0, half)),
    rssMaxSecondHalfMiB: Math.max(...samples.slice(half)),
    maxPendingRows,
    sent: runs.reduce((sum, run) => sum + totalOf(run.summaries, 'sent'), 0),
    acked: runs.reduce((sum, run) => sum + totalOf(run.summaries, 'acked'), 0),
  };
}

async function pendingRows(base: string): Promise<number> {
  const metrics = (await get(`${base.replace(/\/api\/v1$/, '')}/metrics`)).body.toString('utf8');
  return Number(/^logline_ingest_pending_rows\s+(\S+)/m.exec(metrics)?.[1] ?? 0);
}

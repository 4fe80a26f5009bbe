/**
 * Times every explorer request through the running api over HTTP (median of `runs` after one
 * warm-up), and settles what the other sides must ask the same way: the anchor event of the
 * context and point lookups, and the bucket plan the api chose for each histogram.
 */
import { lookupRows, RARE_WORD, requestIdOf, traceIdOf } from '../dataset/bench-events';
import { QUERIES } from '../queries/catalogue';
import type { AnchorEvent, HistogramPlan, QueryContext } from '../queries/query-context';
import { medianMs } from '../stats';
import { countLines, get, getJson } from './http';

export interface ApiTiming {
  ms: number;
  /** Rows streamed, for the export. */
  rows?: number;
}

/** Distinct ids each lookup walks through, one a run (repeating one id would time the engine's caches). */
const LOOKUP_IDS = 24;

export async function settleContext(base: string, nowMs: number, events: number): Promise<QueryContext> {
  const page = await getJson<{ rows: { id: string; producer_id: string }[] }>(`${base}/logs?q=${RARE_WORD}&limit=1`);
  if (!page.rows[0]) throw new Error(`no stored event contains ${RARE_WORD}: was the data loaded?`);
  const [timestampMs, rowKey] = page.rows[0].id.split('.');
  const anchor: AnchorEvent = { id: page.rows[0].id, timestampMs: Number(timestampMs), rowKey, producerId: page.rows[0].producer_id };
  const rows = lookupRows(events, LOOKUP_IDS);
  const lookups = { traceIds: rows.map(traceIdOf), requestIds: rows.map(requestIdOf) };
  const first = await getJson<{ next_cursor: string | null }>(`${base}/logs?limit=100`);
  if (!first.next_cursor) throw new Error('the first latest-100 page has no next_cursor: was the data loaded?');
  const context: QueryContext = { nowMs, anchor, histograms: {}, lookups, nextCursor: first.next_cursor };
  // The histograms' bucket plans, and the patterns' sparkline plan (the same fields in its answer).
  for (const query of QUERIES.filter((spec) => spec.key.startsWith('histogram') || spec.key === 'patterns')) {
    const answer = await getJson<{ from: string; to: string; bucket_seconds: number }>(`${base}${query.apiPath(context)}`);
    const plan: HistogramPlan = { fromMs: Date.parse(answer.from), toMs: Date.parse(answer.to), bucketSeconds: answer.bucket_seconds };
    context.histograms[query.key] = plan;
  }
  return context;
}

export async function timeApiQueries(base: string, context: QueryContext, runs: number): Promise<Record<string, ApiTiming>> {
  const timings: Record<string, ApiTiming> = {};
  for (const query of QUERIES) {
    // Asked for each run: the lookups by id ask for another id each time.
    const url = () => `${base}${query.apiPath(context)}`;
    if (query.throughput) {
      let rows = 0;
      const ms = await medianMs(runs, async () => (rows = await countLines(url())));
      timings[query.key] = { ms, rows };
    } else {
      timings[query.key] = { ms: await medianMs(runs, () => get(url())) };
    }
  }
  return timings;
}

/**
 * Every explorer request the benchmark times, three ways: through the api over HTTP, in-process
 * through the same @logline/ch-client call the api's handler makes (the raw ClickHouse baseline),
 * and as the equivalent SQL on PostgreSQL.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { countHistogram, countTopValues, findLog, parsePageCursor, searchLogs, type LogFilters, type Store } from '@logline/ch-client';
import { DEFAULT_RETENTION_DAYS, retentionHorizonMs } from '@logline/log-schema';
import { COMMON_WORD, PHRASE, RARE_WORD } from '../dataset/bench-events';
import { exportAll } from './export-all';
import { pgQueries, type PgQuery } from './postgres-sql';
import { DAY_MS, iso, type QueryContext } from './query-context';

export interface QuerySpec {
  key: string;
  label: string;
  /** Rows per second instead of latency (the export). */
  throughput?: boolean;
  /** Path and query string under /api/v1. */
  apiPath(context: QueryContext): string;
  /**
   * The library call(s) the api's handler makes; resolves with the rows (or buckets) returned.
   * Calls the api makes through its Store (patterns, which also saves merged groups) get one.
   */
  library(client: ClickHouseClient, context: QueryContext, store: Store): Promise<number>;
  /** The equivalent SQL; none where PostgreSQL has no counterpart (patterns are Logline's own). */
  postgres?(context: QueryContext): PgQuery[];
}

const latest = (filters: LogFilters) => (client: ClickHouseClient) =>
  searchLogs(client, { ...filters, limit: 100, order: 'desc' }).then((page) => page.rows.length);
const word = (words: string[], phrase?: string): LogFilters => ({ text: [{ words, phrase, negate: false }] });
const day = (context: QueryContext) => `from=${iso(context.nowMs - DAY_MS)}&to=${iso(context.nowMs)}`;

/** The next id of a list at each call, from the first again after the last. */
function rotation(pick: (context: QueryContext) => readonly string[]): (context: QueryContext) => string {
  let next = 0;
  return (context) => {
    const ids = pick(context);
    return ids[next++ % ids.length];
  };
}
const traceIds = (context: QueryContext) => context.lookups.traceIds;
const requestIds = (context: QueryContext) => context.lookups.requestIds;
const byRequest = (id: string): LogFilters => ({ fields: [{ field: { attribute: 'request_id' }, values: [id], prefix: false, negate: false }] });
// Each side walks the ids on its own, in the same order.
const traceForApi = rotation(traceIds);
const traceForLibrary = rotation(traceIds);
const traceForPostgres = rotation(traceIds);
const requestForApi = rotation(requestIds);
const requestForLibrary = rotation(requestIds);
const requestForPostgres = rotation(requestIds);

const histogram = (key: string, filters: LogFilters) => (client: ClickHouseClient, context: QueryContext) =>
  countHistogram(client, filters, context.histograms[key]).then((result) => result.counts.length);

const nextPageAfter = (context: QueryContext) => {
  const cursor = parsePageCursor(context.nextCursor, 'time');
  if (!cursor) throw new Error(`the api's next_cursor '${context.nextCursor}' does not parse`);
  return cursor;
};

export const QUERIES: readonly QuerySpec[] = [
  { key: 'latest', label: 'latest 100', apiPath: () => '/logs', library: latest({}), postgres: pgQueries.latest },
  {
    key: 'next-page',
    label: 'next page of latest 100 (cursor)',
    apiPath: (c) => `/logs?cursor=${encodeURIComponent(c.nextCursor)}`,
    library: (client, c) => searchLogs(client, { limit: 100, order: 'desc', after: nextPageAfter(c) }).then((page) => page.rows.length),
    postgres: (c) => pgQueries.olderThan(nextPageAfter(c).timestampMs),
  },
  {
    key: 'filtered',
    label: 'latest 100, level ERROR + source payment',
    apiPath: () => '/logs?level=ERROR&source=payment',
    library: latest({ levels: ['ERROR'], sources: ['payment'] }),
    postgres: pgQueries.filtered,
  },
  { key: 'rare', label: `rare-word search (${RARE_WORD})`, apiPath: () => `/logs?q=${RARE_WORD}`, library: latest(word([RARE_WORD])), postgres: pgQueries.rare },
  { key: 'common', label: `common-word search (${COMMON_WORD})`, apiPath: () => `/logs?q=${COMMON_WORD}`, library: latest(word([COMMON_WORD])), postgres: pgQueries.common },
  {
    key: 'phrase',
    label: `phrase search ("${PHRASE}")`,
    apiPath: () => `/logs?q=${encodeURIComponent(`"${PHRASE}"`)}`,
    library: latest(word(PHRASE.split(' '), PHRASE)),
    postgres: pgQueries.phrase,
  },
  { key: 'histogram-24h', label: 'histogram 24 h (rollup)', apiPath: (c) => `/histogram?${day(c)}`, library: histogram('histogram-24h', {}), postgres: pgQueries.histogram('histogram-24h') },
  {
    key: 'histogram-7d',
    label: 'histogram 7 d (rollup)',
    apiPath: (c) => `/histogram?from=${iso(c.nowMs - 7 * DAY_MS)}&to=${iso(c.nowMs)}`,
    library: histogram('histogram-7d', {}),
    postgres: pgQueries.histogram('histogram-7d'),
  },
  {
    key: 'histogram-30d',
    label: 'histogram 30 d (rollup)',
    apiPath: (c) => `/histogram?from=${iso(c.nowMs - 30 * DAY_MS)}&to=${iso(c.nowMs)}`,
    library: histogram('histogram-30d', {}),
    postgres: pgQueries.histogram('histogram-30d'),
  },
  {
    key: 'histogram-raw',
    label: `histogram 24 h, q=${COMMON_WORD} (raw table)`,
    apiPath: (c) => `/histogram?${day(c)}&q=${COMMON_WORD}`,
    library: histogram('histogram-raw', word([COMMON_WORD])),
    postgres: pgQueries.histogram('histogram-raw', COMMON_WORD),
  },
  {
    key: 'facets',
    label: 'facets 24 h (level, source, host)',
    apiPath: (c) => `/facets?${day(c)}`,
    library: async (client, c) => {
      const filters = { fromMs: c.nowMs - DAY_MS, toMs: c.nowMs };
      // As the api's handler asks (the bench's api keeps the default retention).
      const options = { expiringBeforeMs: retentionHorizonMs(DEFAULT_RETENTION_DAYS) };
      let values = 0;
      for (const field of ['log_level', 'source', 'host'] as const) values += (await countTopValues(client, filters, field, 10, options)).values.length;
      return values;
    },
    postgres: pgQueries.facets,
  },
  {
    key: 'patterns',
    label: 'patterns 24 h (top 50, with sparklines)',
    apiPath: (c) => `/patterns?${day(c)}`,
    library: async (_client, c, store) => {
      const plan = c.histograms.patterns;
      const options = { limit: 50, sparkline: plan, expiringBeforeMs: retentionHorizonMs(DEFAULT_RETENTION_DAYS) };
      return (await store.listPatterns({ fromMs: plan.fromMs, toMs: plan.toMs }, options)).patterns.length;
    },
  },
  {
    key: 'point',
    label: 'point lookup (one event by id)',
    apiPath: (c) => `/logs?from=${iso(c.anchor.timestampMs)}&to=${iso(c.anchor.timestampMs + 1)}&order=asc`,
    library: async (client, c) => ((await findLog(client, c.anchor)) ? 1 : 0),
    postgres: pgQueries.point,
  },
  {
    key: 'context',
    label: 'context (10 before, 10 after, same producer)',
    apiPath: (c) => `/logs/${c.anchor.id}/context`,
    library: async (client, c) => {
      await findLog(client, c.anchor);
      const filters = { producerIds: [c.anchor.producerId] };
      const before = await searchLogs(client, { ...filters, order: 'desc', after: c.anchor, limit: 10 });
      const after = await searchLogs(client, { ...filters, order: 'asc', after: c.anchor, limit: 10 });
      return 1 + before.rows.length + after.rows.length;
    },
    postgres: pgQueries.context,
  },
  {
    key: 'trace',
    label: 'lookup: all events of a trace (trace_id, oldest first)',
    apiPath: (c) => `/logs?trace_id=${traceForApi(c)}&order=asc`,
    library: (client, c) => searchLogs(client, { traceIds: [traceForLibrary(c)], order: 'asc', limit: 100 }).then((page) => page.rows.length),
    postgres: (c) => pgQueries.trace(traceForPostgres(c)),
  },
  {
    key: 'request',
    label: 'lookup: the events of a request (attributes.request_id)',
    apiPath: (c) => `/logs?q=${encodeURIComponent(`attributes.request_id:${requestForApi(c)}`)}`,
    library: (client, c) => searchLogs(client, { ...byRequest(requestForLibrary(c)), order: 'desc', limit: 100 }).then((page) => page.rows.length),
    postgres: (c) => pgQueries.request(requestForPostgres(c)),
  },
  {
    key: 'export',
    label: 'export NDJSON, level CRITICAL',
    throughput: true,
    apiPath: () => '/export?format=ndjson&level=CRITICAL',
    library: (client) => exportAll(client, { levels: ['CRITICAL'] }),
    postgres: pgQueries.export,
  },
];

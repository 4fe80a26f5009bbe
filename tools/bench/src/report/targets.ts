/** Issue 9's targets (and issue 4's "a fraction of a second") for each explorer request. */

export interface QueryTarget {
  /** Most milliseconds through the api (median). */
  maxApiMs?: number;
  /** Least PostgreSQL time as a multiple of Logline's. */
  minPgRatio?: number;
  /** Most time through the api as a multiple of PostgreSQL's (issue 23's lookups by id). */
  maxPgMultiple?: number;
}

/** Every request: API overhead at most this multiple of the in-process library call. */
export const MAX_API_OVERHEAD = 2;
/** Every request on 10 million events answers within this, through the api. */
export const MAX_ANY_QUERY_MS = 500;
export const MIN_INGEST_RATIO = 0.4;
/** Issue 23: ingest answer → row painted in the browser, p95, where the api pushes its inserts (embedded). */
export const MAX_FRESHNESS_P95_MS = 300;
export const MIN_COMPRESSION = 4;
export const MIN_PG_DISK_RATIO = 5;

export const QUERY_TARGETS: Record<string, QueryTarget> = {
  latest: { maxApiMs: 10 },
  filtered: { maxApiMs: 10 },
  rare: { maxApiMs: 30 },
  'histogram-24h': { maxApiMs: 100, minPgRatio: 10 },
  'histogram-7d': { minPgRatio: 10 },
  'histogram-30d': { minPgRatio: 10 },
  'histogram-raw': { minPgRatio: 10 },
  facets: { minPgRatio: 10 },
  trace: { maxPgMultiple: 2 },
  request: { maxPgMultiple: 2 },
};

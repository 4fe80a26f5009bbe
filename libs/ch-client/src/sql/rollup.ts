/**
 * The per-minute rollups (logs.log_counts_1m: events per minute, source and level, fed by a
 * materialized view; the host and pattern rollups beside it) can stand in for counting raw events
 * when the filters are only level, source (pattern, for the pattern rollup) and time.
 */
import { dateTime64, filterConditions, type LogFilters } from './log-filters';
import { sql, type SqlFragment } from './sql';

export function servedByRollup(filters: LogFilters): boolean {
  return servedByPatternRollup(filters) && !filters.patternIds?.length && !filters.excludedPatternIds?.length;
}

/** The pattern rollup (logs.pattern_counts_1m) also has the pattern id, so pattern filters hold there too. */
export function servedByPatternRollup(filters: LogFilters): boolean {
  return !filters.words?.length && !filters.text?.length && !filters.fields?.length && !filters.producerIds?.length && !filters.traceIds?.length;
}

/** The level and source conditions of the filters: the rollup has both columns. */
export function rollupFilterConditions(filters: LogFilters): SqlFragment[] {
  return filterConditions({ levels: filters.levels, sources: filters.sources });
}

/** `minute` within [fromMs, toMs), both multiples of a minute (either may be open). */
export function minuteRange(fromMs: number | undefined, toMs: number | undefined): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (fromMs !== undefined) conditions.push(sql`minute >= toDateTime(${dateTime64(fromMs)})`);
  if (toMs !== undefined) conditions.push(sql`minute < toDateTime(${dateTime64(toMs)})`);
  return conditions;
}

const MINUTE_MS = 60_000;

/** A range cut for counting: whole minutes from a rollup, the partial minutes at its ends from raw events. */
export interface RangeSplit {
  /** The whole minutes a rollup counts: [fromMs, toMs), toMs undefined for an open end. */
  rollup?: { fromMs: number; toMs?: number };
  /** The filters, each with narrowed time bounds, whose events the raw table counts. */
  raw: LogFilters[];
}

/**
 * Splits the filters' range so counts stay exact: whole minutes from the rollup, partial minutes
 * at either end from the raw table, and anything before `expiringBeforeMs` from the raw table too
 * (events dated before it may already have expired from the table while the rollups, kept
 * longer, still count them). With neither a start nor `expiringBeforeMs`, raw events alone.
 */
export function splitRange(filters: LogFilters, expiringBeforeMs: number | undefined): RangeSplit {
  const starts = [filters.fromMs, expiringBeforeMs].filter((ms) => ms !== undefined).map((ms) => Math.ceil(ms / MINUTE_MS) * MINUTE_MS);
  if (starts.length === 0) return { raw: [filters] };
  const first = Math.max(...starts);
  const last = filters.toMs === undefined ? undefined : Math.floor(filters.toMs / MINUTE_MS) * MINUTE_MS;
  if (last !== undefined && last <= first) return { raw: [filters] };
  const raw: LogFilters[] = [];
  if (filters.fromMs === undefined || filters.fromMs < first) raw.push({ ...filters, toMs: first });
  if (last !== undefined && filters.toMs !== undefined && filters.toMs > last) raw.push({ ...filters, fromMs: last });
  return { rollup: { fromMs: first, toMs: last }, raw };
}

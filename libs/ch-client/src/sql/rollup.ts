/**
 * The per-minute rollup (logs.log_counts_1m: events per minute, source and level, fed by a
 * materialized view) can stand in for counting raw events when the filters are only level, source
 * and time.
 */
import { dateTime64, filterConditions, type LogFilters } from './log-filters';
import { sql, type SqlFragment } from './sql';

export function servedByRollup(filters: LogFilters): boolean {
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

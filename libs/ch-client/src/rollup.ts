/**
 * The per-minute rollup (logs.log_counts_1m: events per minute, source and level, fed by a
 * materialized view) can stand in for counting raw events when the filters are only level, source
 * and time.
 */
import { dateTime64, type LogFilters } from './log-filters';
import { sql, type SqlFragment } from './sql';

export function servedByRollup(filters: LogFilters): boolean {
  return !filters.words?.length && !filters.text?.length && !filters.fields?.length && !filters.producerIds?.length;
}

/** Level and source conditions, valid on the rollup and the raw table alike. */
export function rollupFilterConditions(filters: LogFilters): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filters.levels?.length) conditions.push(sql`log_level IN ${filters.levels}`);
  if (filters.sources?.length) conditions.push(sql`source IN ${filters.sources}`);
  return conditions;
}

/** `minute` within [fromMs, toMs), both multiples of a minute (either may be open). */
export function minuteRange(fromMs: number | undefined, toMs: number | undefined): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (fromMs !== undefined) conditions.push(sql`minute >= toDateTime(${dateTime64(fromMs)})`);
  if (toMs !== undefined) conditions.push(sql`minute < toDateTime(${dateTime64(toMs)})`);
  return conditions;
}

/** WHERE conditions shared by every query over logs.application_logs. */
import { formatClickHouseTime } from '@logline/log-schema';
import { bind, sql, type SqlFragment } from './sql';

export interface LogFilters {
  /** Any of these levels. */
  levels?: readonly string[];
  /** Any of these sources. */
  sources?: readonly string[];
  /** Any of these producers. */
  producerIds?: readonly string[];
  /** Every one of these words (lower case ASCII letters and digits) appears in the message. */
  words?: readonly string[];
  /** Inclusive lower bound on `timestamp`, epoch ms. */
  fromMs?: number;
  /** Exclusive upper bound on `timestamp`, epoch ms. */
  toMs?: number;
}

export function dateTime64(epochMillis: number) {
  return bind(formatClickHouseTime(epochMillis), "DateTime64(3, 'UTC')");
}

export function filterConditions(filters: LogFilters): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filters.fromMs !== undefined) conditions.push(sql`timestamp >= ${dateTime64(filters.fromMs)}`);
  if (filters.toMs !== undefined) conditions.push(sql`timestamp < ${dateTime64(filters.toMs)}`);
  if (filters.levels?.length) conditions.push(sql`log_level IN ${filters.levels}`);
  if (filters.sources?.length) conditions.push(sql`source IN ${filters.sources}`);
  if (filters.producerIds?.length) conditions.push(sql`producer_id IN ${filters.producerIds}`);
  if (filters.words?.length) conditions.push(sql`hasAllTokens(message, ${filters.words})`);
  return conditions;
}

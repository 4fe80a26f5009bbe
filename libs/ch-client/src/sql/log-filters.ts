/** WHERE conditions shared by every query over logs.application_logs. */
import { formatClickHouseTime } from '@logline/log-schema';
import { patternCondition } from './pattern-filter';
import { bind, join, sql, type SqlFragment } from './sql';

/** A column a field term can test. */
export type LogField = 'log_level' | 'source' | 'host' | 'producer_id' | 'trace_id' | 'span_id';

/** `field:value` terms: the field equals one of the values (or starts with one, for prefixes). */
export interface FieldTerm {
  field: LogField | { attribute: string };
  values: readonly string[];
  /** Values are prefixes (`source:pay*`). */
  prefix: boolean;
  negate: boolean;
}

/** Words (and optionally an exact phrase) that must appear in the message. */
export interface TextTerm {
  /** Lower-case ASCII words; every one must be a whole word of the message. */
  words: readonly string[];
  /** When set, the message also contains this text (case-insensitive). */
  phrase?: string;
  negate: boolean;
}

export interface LogFilters {
  /** Any of these levels. */
  levels?: readonly string[];
  /** Any of these sources. */
  sources?: readonly string[];
  /** Any of these producers. */
  producerIds?: readonly string[];
  /** Any of these traces (lower-case hex trace ids). */
  traceIds?: readonly string[];
  /** Events of any of these patterns: ids listed by the Patterns view or stored with events (see pattern-filter.ts). */
  patternIds?: readonly string[];
  /** Events of none of these patterns. */
  excludedPatternIds?: readonly string[];
  /** Every one of these words (lower case ASCII letters and digits) appears in the message. */
  words?: readonly string[];
  /** Terms of a parsed search query; all must hold. */
  text?: readonly TextTerm[];
  fields?: readonly FieldTerm[];
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
  // Served by the trace id's bloom-filter index (migration 10): no time range needed.
  if (filters.traceIds?.length) conditions.push(sql`trace_id IN ${filters.traceIds}`);
  if (filters.patternIds?.length) conditions.push(patternCondition(filters.patternIds));
  if (filters.excludedPatternIds?.length) conditions.push(sql`NOT ${patternCondition(filters.excludedPatternIds)}`);
  if (filters.words?.length) conditions.push(sql`hasAllTokens(message, ${filters.words})`);
  for (const term of filters.text ?? []) conditions.push(textCondition(term));
  for (const term of filters.fields ?? []) conditions.push(fieldCondition(term));
  return conditions;
}

/** `WHERE ...` for the filters, or nothing when there are none. */
export function whereClause(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : sql``;
}

function textCondition(term: TextTerm): SqlFragment {
  // hasAllTokens is served by the message's text index; the phrase check runs on what it leaves.
  const parts = [sql`hasAllTokens(message, ${term.words})`];
  if (term.phrase !== undefined) parts.push(sql`positionCaseInsensitiveUTF8(message, ${term.phrase}) > 0`);
  const condition = join(parts, ' AND ');
  return term.negate ? sql`NOT (${condition})` : condition;
}

/** The column of each field a term or a facet names. */
export const LOG_FIELD_COLUMNS: Readonly<Record<LogField, SqlFragment>> = {
  log_level: sql`log_level`,
  source: sql`source`,
  host: sql`host`,
  producer_id: sql`producer_id`,
  trace_id: sql`trace_id`,
  span_id: sql`span_id`,
};

function fieldCondition(term: FieldTerm): SqlFragment {
  const column = typeof term.field === 'string' ? LOG_FIELD_COLUMNS[term.field] : sql`attributes[${term.field.attribute}]`;
  const condition = term.prefix
    ? join(term.values.map((value) => sql`startsWith(${column}, ${value})`), ' OR ')
    : sql`${column} IN ${term.values}`;
  return term.negate ? sql`NOT (${condition})` : sql`(${condition})`;
}

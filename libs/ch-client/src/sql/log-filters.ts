/** WHERE conditions shared by every query over logs.application_logs. */
import { formatClickHouseTime } from '@logline/log-schema';
import { isLogField, PATTERN_FIELD, type FieldTerm, type LogField, type TextTerm } from '@logline/search-syntax';
import { patternCondition } from './pattern-filter';
import { bind, identifier, join, sql, type SqlFragment } from './sql';

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

/**
 * The SETTINGS a query with these filters ends with. An attribute term must reach the planner as
 * written, `attributes['key']`, to match the attribute's lookup index (see attribute-indexes.ts):
 * the engine's default rewrite of it into a subcolumn read hides the index (a full scan instead).
 */
export function filterSettings(filters: LogFilters): SqlFragment {
  const attributeTerm = (filters.fields ?? []).some((term) => typeof term.field !== 'string');
  return attributeTerm ? sql`SETTINGS optimize_functions_to_subcolumns = 0` : sql``;
}

function textCondition(term: TextTerm): SqlFragment {
  // hasAllTokens is served by the message's text index; the phrase check runs on what it leaves.
  const parts = [sql`hasAllTokens(message, ${term.words})`];
  if (term.phrase !== undefined) parts.push(sql`positionCaseInsensitiveUTF8(message, ${term.phrase}) > 0`);
  const condition = join(parts, ' AND ');
  return term.negate ? sql`NOT (${condition})` : condition;
}

/**
 * The column of a field a term, a facet or a stats query names. Only names of the allow-list
 * (LOG_FIELDS) pass, checked here again since this is where a name becomes SQL.
 */
export function logFieldColumn(field: LogField): SqlFragment {
  if (!isLogField(field)) throw new Error(`not a log field: ${String(field).slice(0, 64)}`);
  return sql`${identifier(field)}`;
}

function fieldCondition(term: FieldTerm): SqlFragment {
  // `pattern:` means what pattern_id= means (ids are whole, never prefixes).
  if (term.field === PATTERN_FIELD) return term.negate ? sql`NOT ${patternCondition(term.values)}` : patternCondition(term.values);
  const column = typeof term.field === 'string' ? logFieldColumn(term.field) : sql`attributes[${term.field.attribute}]`;
  const condition = term.prefix
    ? join(term.values.map((value) => sql`startsWith(${column}, ${value})`), ' OR ')
    : sql`${column} IN ${term.values}`;
  return term.negate ? sql`NOT (${condition})` : sql`(${condition})`;
}

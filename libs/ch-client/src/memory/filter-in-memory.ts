/**
 * LogFilters evaluated on rows held in memory, with the table's meaning (filterConditions):
 * levels, sources, producers and field terms. Text terms are left to the table (its tokenizer
 * and case folding are ClickHouse's), and so are patterns — `pattern_id=` and `pattern:` alike: a
 * listed pattern's members are the stored templates its template covers, known to the pattern
 * tables (patternCondition), not to a row — filters holding one are not answered here (the live
 * tail reads the table for them right after each insert).
 */
import { hasLoneSurrogate, type LogRow } from '@logline/log-schema';
import { PATTERN_FIELD, type FieldTerm } from '@logline/search-syntax';
import type { LogFilters } from '../sql/log-filters';

export type FilteredFields = Pick<LogRow, 'log_level' | 'source' | 'host' | 'producer_id' | 'attributes' | 'trace_id' | 'span_id'>;

/** True when `matchesFilters` decides these filters exactly as the table would. */
export function filtersHeldInMemory(filters: LogFilters): boolean {
  if (filters.words?.length || filters.text?.length || filters.patternIds?.length || filters.excludedPatternIds?.length) return false;
  if (filters.fields?.some((term) => term.field === PATTERN_FIELD)) return false;
  const values = [
    ...(filters.levels ?? []),
    ...(filters.sources ?? []),
    ...(filters.producerIds ?? []),
    ...(filters.traceIds ?? []),
    ...(filters.fields ?? []).flatMap((term) => [...term.values, ...(typeof term.field === 'string' ? [] : [term.field.attribute])]),
  ];
  // A value with a lone surrogate reaches the table as other bytes: the table compares it.
  return !values.some(hasLoneSurrogate);
}

/** Whether the row passes the filters' level, source, producer, trace and field conditions (not the time bounds). */
export function matchesFilters(row: FilteredFields, filters: LogFilters): boolean {
  if (filters.levels?.length && !filters.levels.includes(row.log_level)) return false;
  if (filters.sources?.length && !filters.sources.includes(row.source)) return false;
  if (filters.producerIds?.length && !filters.producerIds.includes(row.producer_id)) return false;
  if (filters.traceIds?.length && !filters.traceIds.includes(row.trace_id)) return false;
  return (filters.fields ?? []).every((term) => matchesTerm(row, term));
}

function matchesTerm(row: FilteredFields, term: FieldTerm): boolean {
  const value = fieldValue(row, term.field);
  const holds = term.prefix ? term.values.some((prefix) => value.startsWith(prefix)) : term.values.includes(value);
  return holds !== term.negate;
}

function fieldValue(row: FilteredFields, field: FieldTerm['field']): string {
  if (field === PATTERN_FIELD) throw new Error('a pattern term is decided by the table (filtersHeldInMemory is false for it)');
  if (typeof field === 'string') return row[field];
  // attributes[key] is '' for a key the event does not have.
  return Object.hasOwn(row.attributes, field.attribute) ? row.attributes[field.attribute] : '';
}

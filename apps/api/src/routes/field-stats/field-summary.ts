/**
 * A field's statistics as two stats commands through the one aggregation path: its most frequent
 * values (`stats count() by f`) and a summary (`stats count(), count_distinct(f)`, plus
 * min/max/avg/p50/p90/p99 when the field is an attribute, read as numbers).
 */
import type { FieldStats } from '@logline/api-contract';
import type { AggregateResult } from '@logline/ch-client';
import { fieldName, type Aggregation, type EventField, type StatsSpec } from '@logline/search-syntax';

const NUMBER_FUNCTIONS = ['min', 'max', 'avg', 'p50', 'p90', 'p99'] as const;

export function topValuesStats(field: EventField): StatsSpec {
  return { aggregations: [{ fn: 'count' }], by: [field] };
}

export function summaryStats(field: EventField): StatsSpec {
  const aggregations: Aggregation[] = [{ fn: 'count' }, { fn: 'count_distinct', field }];
  if (typeof field !== 'string') aggregations.push(...NUMBER_FUNCTIONS.map((fn) => ({ fn, field })));
  return { aggregations, by: [] };
}

export function toFieldStats(field: EventField, top: AggregateResult, summary: AggregateResult): FieldStats {
  const [events, distinct, ...numbers] = summary.rows[0]?.values ?? [];
  return {
    field: fieldName(field),
    events: events ?? 0,
    distinct: distinct ?? 0,
    top: top.rows.map((row) => ({ value: row.by[0], count: row.values[0] ?? 0 })),
    has_more: top.hasMore,
    numbers: numbers.length > 0 && numbers.every((value) => value !== null) ? (Object.fromEntries(NUMBER_FUNCTIONS.map((fn, index) => [fn, numbers[index]])) as FieldStats['numbers']) : null,
    pattern_templates: top.patternTemplates && { ...top.patternTemplates },
  };
}

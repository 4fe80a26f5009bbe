/**
 * The functions of a stats query and what each takes: `count()` nothing, `count_distinct(f)` any
 * field, the rest a number — an attribute whose values are read as numbers (values that are not
 * numbers are left out; an aggregate over none is null).
 */
import { fieldName, type AttributeField, type EventField } from './log-fields';

export const STATS_FUNCTIONS = {
  count: 'nothing',
  count_distinct: 'field',
  min: 'number',
  max: 'number',
  avg: 'number',
  sum: 'number',
  p50: 'number',
  p90: 'number',
  p99: 'number',
} as const satisfies Record<string, 'nothing' | 'field' | 'number'>;

export type StatsFunction = keyof typeof STATS_FUNCTIONS;
/** The functions over numbers. */
export type NumericFunction = { [F in StatsFunction]: (typeof STATS_FUNCTIONS)[F] extends 'number' ? F : never }[StatsFunction];

export const STATS_FUNCTION_NAMES_TEXT = Object.keys(STATS_FUNCTIONS).join(', ');

/** One function of a stats query with its argument. */
export type Aggregation =
  | { readonly fn: 'count' }
  | { readonly fn: 'count_distinct'; readonly field: EventField }
  | { readonly fn: NumericFunction; readonly field: AttributeField };

export function isStatsFunction(name: string): name is StatsFunction {
  return Object.hasOwn(STATS_FUNCTIONS, name);
}

/** How an aggregation is written and shown: `count()`, `p99(attributes.duration_ms)`. */
export function aggregationLabel(aggregation: Aggregation): string {
  return `${aggregation.fn}(${aggregation.fn === 'count' ? '' : fieldName(aggregation.field)})`;
}

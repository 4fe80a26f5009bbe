/**
 * A stats command's fields and functions as SQL. A column comes only from the LOG_FIELDS
 * allow-list (logFieldColumn); an attribute's name is always a bound value (`attributes[{p:String}]`),
 * never SQL text. Functions over numbers read an attribute with toFloat64OrNull: values that are
 * not plain decimal numbers (`12ms`, `n/a`, `nan`, an absent attribute) are NULL, which every
 * aggregate leaves out, and an aggregate over no number at all is NULL.
 */
import type { Aggregation, EventField, NumericFunction } from '@logline/search-syntax';
import { logFieldColumn } from './log-filters';
import { sql, type SqlFragment } from './sql';

/** A field's value as text: its column, or the attribute ('' when the event lacks it). */
export function fieldText(field: EventField): SqlFragment {
  return typeof field === 'string' ? logFieldColumn(field) : sql`attributes[${field.attribute}]`;
}

/** The aggregate of each function over numbers, written in code (quantile levels cannot be bound). */
const NUMERIC: Readonly<Record<NumericFunction, SqlFragment>> = {
  min: sql`min`,
  max: sql`max`,
  avg: sql`avg`,
  sum: sql`sum`,
  p50: sql`quantile(0.5)`,
  p90: sql`quantile(0.9)`,
  p99: sql`quantile(0.99)`,
};

export function aggregationSql(aggregation: Aggregation): SqlFragment {
  switch (aggregation.fn) {
    case 'count':
      return sql`count()`;
    case 'count_distinct': {
      const value = fieldText(aggregation.field);
      // An absent attribute reads as '': not a value of its own.
      return sql`uniqIf(${value}, ${value} != '')`;
    }
    default:
      return sql`${NUMERIC[aggregation.fn]}(toFloat64OrNull(${fieldText(aggregation.field)}))`;
  }
}

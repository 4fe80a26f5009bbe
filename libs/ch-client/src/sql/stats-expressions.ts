/**
 * A stats command's fields and functions as SQL. A column comes only from the LOG_FIELDS
 * allow-list (logFieldColumn); an attribute's name is always a bound value (`attributes[{p:String}]`),
 * never SQL text. Functions over numbers read an attribute with toFloat64OrNull: values that are
 * not plain decimal numbers (`12ms`, `n/a`, `nan`, an absent attribute) are NULL, which every
 * aggregate leaves out, and an aggregate over no number at all is NULL. `pattern` is the listed
 * pattern of each event (listedPatternSql), never the raw stored id.
 */
import { PATTERN_FIELD, type Aggregation, type EventField, type NumericFunction } from '@logline/search-syntax';
import { logFieldColumn } from './log-filters';
import { sql, type SqlFragment } from './sql';

/**
 * Each event's pattern as a listing groups it: the stored id mapped to the id of the group that
 * holds it (groupStoredPatterns gives both lists, member by member); ids outside them stay their own.
 */
export function listedPatternSql(storedIds: readonly string[], listedIds: readonly string[]): SqlFragment {
  return sql`transform(pattern_id, ${storedIds}, ${listedIds}, pattern_id)`;
}

/**
 * A field's value as text: its column, the listed pattern (`listedPattern`, required for
 * `pattern`), or the attribute ('' when the event lacks it).
 */
export function fieldText(field: EventField, listedPattern?: SqlFragment): SqlFragment {
  if (field === PATTERN_FIELD) {
    if (!listedPattern) throw new Error('pattern is read through the listed patterns of the range (listedPatternSql)');
    return listedPattern;
  }
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

export function aggregationSql(aggregation: Aggregation, listedPattern?: SqlFragment): SqlFragment {
  switch (aggregation.fn) {
    case 'count':
      return sql`count()`;
    case 'count_distinct': {
      const value = fieldText(aggregation.field, listedPattern);
      // An absent attribute reads as '': not a value of its own.
      return sql`uniqIf(${value}, ${value} != '')`;
    }
    default:
      return sql`${NUMERIC[aggregation.fn]}(toFloat64OrNull(${fieldText(aggregation.field)}))`;
  }
}

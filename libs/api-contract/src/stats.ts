/** GET /api/v1/stats and GET /api/v1/field-stats: aggregations over the events a search matches. */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';
import { Nullable } from './nullable';

/** Groups charted over time at most (lines on one chart stay readable). */
export const MAX_STATS_SERIES = 20;

export const StatsQuery = Type.Object({
  ...FilterParams,
  q: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'A search, a pipe and a stats command, e.g. `level:error | stats count() by source, host` or `| stats p99(attributes.duration_ms) by host`.',
  }),
  over_time: Type.Boolean({ default: false, description: `Also per time bucket (as the histogram buckets them) for the busiest ${MAX_STATS_SERIES} groups.` }),
  buckets: Type.Integer({ minimum: 10, maximum: 500, default: 60, description: 'With over_time: at most this many buckets.' }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Groups to return at most, the busiest (by the first function) first.' }),
});

const StatsValue = Nullable(Type.Number({ description: 'Null where a function had no number to work on.' }));

const StatsRow = Type.Object({
  by: Type.Array(Type.String(), {
    description: "The group's values of the by fields ('' where an event lacks the attribute; for `pattern`, the id GET /api/v1/patterns lists).",
  }),
  values: Type.Array(StatsValue, { description: 'One value per function, in the order of `functions`.' }),
});

const StatsOverTime = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket_seconds: Type.Integer(),
  buckets: Type.Array(Type.String(), { description: 'Start of each bucket, ISO 8601 UTC.' }),
  series: Type.Array(
    Type.Object({
      by: Type.Array(Type.String()),
      values: Type.Array(Type.Array(StatsValue), { description: 'Per function, one value per bucket (counts are 0 in a bucket without events, the others null).' }),
    }),
  ),
});

/** The template of each pattern id among a result's values, as the Patterns view shows it. */
const PatternTemplates = (when: string) =>
  Type.Optional(Type.Record(Type.String(), Type.String(), { description: `${when}: the template of each pattern id among the rows (as the Patterns view shows it; \`<*>\` marks a variable).` }));

export const StatsResult = Type.Object({
  by: Type.Array(Type.String(), { description: 'The by fields as written: level, attributes.region.' }),
  functions: Type.Array(Type.String(), { description: 'The functions as written: count(), p99(attributes.duration_ms).' }),
  rows: Type.Array(StatsRow),
  has_more: Type.Boolean({ description: 'More groups exist than were returned.' }),
  over_time: Type.Optional(StatsOverTime),
  pattern_templates: PatternTemplates('With `by pattern`'),
});

export const FieldStatsQuery = Type.Object({
  ...FilterParams,
  field: Type.String({ minLength: 1, maxLength: 300, description: 'level, source, host, producer_id, trace_id, span_id, pattern or attributes.<name>.' }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'Top values to list.' }),
});

export const FieldStats = Type.Object({
  field: Type.String(),
  events: Type.Integer({ description: 'Events the filters match.' }),
  distinct: Type.Integer({ description: "Distinct values of the field (not counting '')." }),
  top: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), { description: "Most frequent values, '' for events without the attribute." }),
  has_more: Type.Boolean(),
  numbers: Nullable(
    Type.Object(
      { min: Type.Number(), max: Type.Number(), avg: Type.Number(), p50: Type.Number(), p90: Type.Number(), p99: Type.Number() },
      { description: 'Over the values that are numbers; null when none is (or the field is not an attribute).' },
    ),
  ),
  pattern_templates: PatternTemplates('For `field=pattern`'),
});

export type StatsResult = Static<typeof StatsResult>;
export type FieldStats = Static<typeof FieldStats>;

/** GET /api/v1/patterns: the range's events grouped by message template, busiest first. */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';

export const PatternsQuery = Type.Object({
  ...FilterParams,
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Patterns returned, busiest first.' }),
  buckets: Type.Integer({ minimum: 10, maximum: 120, default: 30, description: 'At most this many sparkline points per pattern.' }),
});

const Pattern = Type.Object({
  pattern_id: Type.String({ description: 'Use with pattern_id= (or exclude_pattern_id=) on every read endpoint.' }),
  template: Type.String({ description: 'The message with its variables replaced by <*>.' }),
  count: Type.Integer({ description: 'Events of this pattern in the range under the filters.' }),
  share: Type.Number({ description: 'count / total, 0..1.' }),
  first_seen: Type.String({ description: 'Its first event in the range, ISO 8601 UTC.' }),
  last_seen: Type.String({ description: 'Its last event in the range, ISO 8601 UTC.' }),
  sample: Type.String({ description: 'One of its messages (at most 1,000 characters).' }),
  sparkline: Type.Array(Type.Integer(), { description: 'Events per bucket over the range (see bucket_seconds).' }),
});

export const Patterns = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket_seconds: Type.Integer(),
  total: Type.Integer({ description: 'Events in the range under the filters.' }),
  complete: Type.Boolean({ description: 'False when the range held so many distinct templates that only the busiest were grouped.' }),
  served_by: Type.Union([Type.Literal('rollup'), Type.Literal('raw')]),
  patterns: Type.Array(Pattern),
});

export type PatternRow = Static<typeof Pattern>;
export type Patterns = Static<typeof Patterns>;

/** The filter parameters every read endpoint shares (logs, histogram, facets, export, tail). */
import { Type, type Static, type TObject } from 'typebox';

/** A query parameter that may be given once or repeated. */
export const Repeatable = (description: string) =>
  Type.Array(Type.String({ maxLength: 256 }), { maxItems: 100, description });

export const FilterParams = {
  level: Type.Optional(Repeatable('Levels to include (any of); aliases such as warn are accepted.')),
  source: Type.Optional(Repeatable('Sources to include (any of).')),
  producer_id: Type.Optional(Repeatable('Producers to include (any of).')),
  trace_id: Type.Optional(Repeatable('Traces to include (any of): W3C trace ids, 32 hex digits.')),
  pattern_id: Type.Optional(Repeatable('Patterns to include (any of): ids from GET /api/v1/patterns or an event\'s pattern_id.')),
  exclude_pattern_id: Type.Optional(Repeatable('Patterns to leave out ("hide this pattern").')),
  q: Type.Optional(Type.String({ maxLength: 2000, description: 'Search: words, "phrases", field:value, -exclusions.' })),
  from: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time or a duration back from now (15m, 24h, 7d).' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time, now, or a duration back from now.' })),
};

export type FilterQuery = Static<TObject<typeof FilterParams>>;

export const SortOrderParam = Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' });

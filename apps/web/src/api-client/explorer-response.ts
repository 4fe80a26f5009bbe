// The api's histogram and facets answers, as schemas.
import { Type, type Static } from 'typebox';

const LevelCounts = Type.Record(Type.String(), Type.Integer());

export const HistogramResponseSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket_seconds: Type.Integer(),
  served_by: Type.String(),
  buckets: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), total: Type.Integer(), counts: LevelCounts })),
});

const Facet = Type.Object({
  values: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
  has_more: Type.Boolean(),
});

export const FacetsResponseSchema = Type.Object({ facets: Type.Record(Type.String(), Facet) });

export type HistogramResponse = Static<typeof HistogramResponseSchema>;
export type FacetsResponse = Static<typeof FacetsResponseSchema>;

/** GET /api/v1/facets: the most frequent levels, sources and hosts under the filters. */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';

export const FACET_NAMES = ['level', 'source', 'host'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const FacetsQuery = Type.Object({
  ...FilterParams,
  field: Type.Array(Type.Enum([...FACET_NAMES]), { default: [...FACET_NAMES], description: 'Facets to compute.' }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 10, description: 'Top values per facet.' }),
});

const Facet = Type.Object({
  values: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
  has_more: Type.Boolean({ description: 'More values exist; ask again with a larger limit.' }),
});

export const Facets = Type.Object({ facets: Type.Record(Type.String(), Facet) });

export type Facet = Static<typeof Facet>;
export type Facets = Static<typeof Facets>;

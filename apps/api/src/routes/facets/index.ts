/** GET /api/v1/facets: the most frequent levels, sources and hosts under the current filters. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { LogField } from '@logline/ch-client';
import { retentionHorizonMs } from '@logline/log-schema';
import { FilterParams, toLogFilters } from '../../query/log-filters-query';
import { ErrorBody } from '../../schemas/common';

const FACET_FIELDS: Record<string, LogField> = { level: 'log_level', source: 'source', host: 'host' };
const FacetName = Type.Union([Type.Literal('level'), Type.Literal('source'), Type.Literal('host')]);

const FacetsQuery = Type.Object({
  ...FilterParams,
  field: Type.Array(FacetName, { default: ['level', 'source', 'host'], description: 'Facets to compute.' }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 10, description: 'Top values per facet.' }),
});

const Facet = Type.Object({
  values: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
  has_more: Type.Boolean({ description: 'More values exist; ask again with a larger limit.' }),
});

const Facets = Type.Object({ facets: Type.Record(Type.String(), Facet) });

const facetsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/facets',
    { schema: { summary: 'Top values of level, source and host', tags: ['logs'], querystring: FacetsQuery, response: { 200: Facets, 400: ErrorBody } } },
    async (request) => {
      const filters = toLogFilters(request.query);
      // Events older than the retention may be gone from the table but still in the rollups.
      const options = { expiringBeforeMs: retentionHorizonMs(app.config.retentionDays) };
      const facets: Record<string, { values: { value: string; count: number }[]; has_more: boolean }> = {};
      for (const name of new Set(request.query.field)) {
        const top = await app.store.countTopValues(filters, FACET_FIELDS[name], request.query.limit, options);
        facets[name] = { values: top.values, has_more: top.hasMore };
      }
      return { facets };
    },
  );
};

export default facetsRoute;

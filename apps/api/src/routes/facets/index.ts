/** GET /api/v1/facets: the most frequent levels, sources and hosts under the current filters. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Facets, FacetsQuery, type Facet, type FacetName } from '@logline/api-contract';
import { retentionHorizonMs } from '@logline/log-schema';
import type { LogField } from '@logline/search-syntax';
import { toLogFilters } from '../../query/log-filters-query';

const FACET_FIELDS: Record<FacetName, LogField> = { level: 'log_level', source: 'source', host: 'host' };

const facetsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/facets',
    { schema: { summary: 'Top values of level, source and host', tags: ['logs'], querystring: FacetsQuery, response: { 200: Facets, 400: ErrorBody } } },
    async (request) => {
      const filters = toLogFilters(request.query);
      // Events older than the retention may be gone from the table but still in the rollups.
      const options = { expiringBeforeMs: retentionHorizonMs(app.config.retentionDays) };
      const facets: Record<string, Facet> = {};
      for (const name of new Set(request.query.field)) {
        const top = await app.store.countTopValues(filters, FACET_FIELDS[name], request.query.limit, options);
        facets[name] = { values: top.values, has_more: top.hasMore };
      }
      return { facets };
    },
  );
};

export default facetsRoute;

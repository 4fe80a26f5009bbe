/** GET /api/v1/field-stats: one field's top values and, for numbers, min/max/avg/percentiles over the matching events. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, FieldStats, FieldStatsQuery } from '@logline/api-contract';
import { FIELD_NAMES_TEXT, fieldNamed } from '@logline/search-syntax';
import { BadRequestError } from '../../errors';
import { toLogFilters } from '../../query/log-filters-query';
import { summaryStats, toFieldStats, topValuesStats } from './field-summary';

const fieldStatsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/field-stats',
    { schema: { summary: "A field's top values and number summary", tags: ['logs'], querystring: FieldStatsQuery, response: { 200: FieldStats, 400: ErrorBody } } },
    async (request) => {
      const field = fieldNamed(request.query.field);
      if (!field) throw new BadRequestError(`field: unknown field '${request.query.field.slice(0, 64)}' (fields: ${FIELD_NAMES_TEXT})`);
      const filters = toLogFilters(request.query);
      const top = await app.store.aggregateLogs(filters, { stats: topValuesStats(field), limit: request.query.limit });
      const summary = await app.store.aggregateLogs(filters, { stats: summaryStats(field), limit: 1 });
      return toFieldStats(field, top, summary);
    },
  );
};

export default fieldStatsRoute;

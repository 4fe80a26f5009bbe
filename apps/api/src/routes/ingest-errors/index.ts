/** GET /api/v1/ingest-errors: recent rejected input (dead letters) and counts by reason. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IngestErrors, IngestErrorsQuery } from '@logline/api-contract';
import { parseTimeBound } from '../../query/time-bound';

const ingestErrorsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/ingest-errors',
    {
      schema: {
        summary: 'Recent rejected input and counts by reason',
        tags: ['operations'],
        querystring: IngestErrorsQuery,
        response: { 200: IngestErrors, 400: ErrorBody },
      },
    },
    async (request) => {
      const sinceMs = parseTimeBound('from', request.query.from, Date.now()) as number;
      const summary = await app.store.summarizeIngestErrors(sinceMs, request.query.limit);
      return { total: summary.total, by_code: summary.byCode, recent: summary.recent };
    },
  );
};

export default ingestErrorsRoute;

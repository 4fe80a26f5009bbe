/** GET /api/v1/ingest-errors: recent rejected input (dead letters) and counts by reason. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseTimeBound } from '../../query/time-bound';
import { ErrorBody } from '../../schemas/common';

const IngestErrors = Type.Object({
  total: Type.Integer({ description: 'Rejected lines since `from`.' }),
  by_code: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })),
  recent: Type.Array(
    Type.Object({
      received_at: Type.String(),
      transport: Type.String(),
      peer: Type.String(),
      line: Type.Integer(),
      code: Type.String(),
      reason: Type.String(),
      raw: Type.String({ description: 'The input as received, truncated to 4 KiB.' }),
    }),
  ),
});

const ingestErrorsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/ingest-errors',
    {
      schema: {
        summary: 'Recent rejected input and counts by reason',
        tags: ['operations'],
        querystring: Type.Object({
          from: Type.String({ default: '24h', maxLength: 64 }),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
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

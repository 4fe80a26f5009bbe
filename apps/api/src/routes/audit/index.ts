/**
 * GET /api/v1/audit: per producer, whether every event it sent is stored exactly once — expected
 * (from each boot's seq range), stored, missing ranges, duplicates — plus last seen and lag.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseTimeBound } from '../../query/time-bound';
import { ErrorBody } from '../../schemas/common';
import { summariseAudit } from './summarise-audit';

const Boot = Type.Object({
  boot: Type.Integer({ description: 'Counts restarts: a new boot begins where seq goes back down.' }),
  first_seq: Type.Integer(),
  last_seq: Type.Integer(),
  expected: Type.Integer(),
  stored: Type.Integer(),
  missing: Type.Integer(),
  missing_ranges: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), { description: 'Inclusive; at most 100.' }),
  duplicates_stored: Type.Integer({ description: 'Rows stored more than once for one seq (should be 0).' }),
  first_timestamp: Type.String(),
  last_timestamp: Type.String(),
});

const ProducerAudit = Type.Object({
  producer_id: Type.String(),
  status: Type.Union([Type.Literal('complete'), Type.Literal('missing'), Type.Literal('duplicated')]),
  expected: Type.Integer(),
  stored: Type.Integer(),
  missing: Type.Integer(),
  duplicates_stored: Type.Integer(),
  duplicates_absorbed: Type.Integer({ description: 'Retried events the api recognised and dropped.' }),
  last_ingested_at: Type.Union([Type.String(), Type.Null()]),
  lag_p50_ms: Type.Union([Type.Integer(), Type.Null()]),
  lag_p95_ms: Type.Union([Type.Integer(), Type.Null()]),
  boots: Type.Array(Boot),
});

const Audit = Type.Object({
  since: Type.String(),
  producers: Type.Array(ProducerAudit),
});

const auditRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        summary: 'Delivery audit per producer',
        tags: ['operations'],
        querystring: Type.Object({
          from: Type.String({ default: '24h', maxLength: 64, description: 'Audit events with timestamps since.' }),
          producer_id: Type.Optional(Type.String({ maxLength: 256 })),
        }),
        response: { 200: Audit, 400: ErrorBody },
      },
    },
    async (request) => {
      const sinceMs = parseTimeBound('from', request.query.from, Date.now()) as number;
      const boots = await app.store.auditDelivery({ sinceMs, producerId: request.query.producer_id });
      const activity = await app.store.readProducerActivity(sinceMs);
      return { since: new Date(sinceMs).toISOString(), producers: summariseAudit(boots, activity) };
    },
  );
};

export default auditRoute;

/**
 * GET /api/v1/audit: per producer, whether every event it sent is stored exactly once — expected
 * (from each boot's seq range), stored, missing ranges, duplicates — plus last seen and lag.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Audit, AuditQuery, ErrorBody } from '@logline/api-contract';
import { parseTimeBound } from '../../query/time-bound';
import { summariseAudit } from './summarise-audit';

const auditRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        summary: 'Delivery audit per producer',
        tags: ['operations'],
        querystring: AuditQuery,
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

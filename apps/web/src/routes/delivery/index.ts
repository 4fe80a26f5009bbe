// The Delivery page: per-producer delivery audit and recent rejected input.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildDeliveryPage } from '../../view-models/delivery-page';

const DeliveryQuery = Type.Object({
  from: Type.String({ default: '24h', pattern: '^(\\d{1,6}[smhdw]|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?)$', maxLength: 40 }),
});

const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/delivery', { schema: { querystring: DeliveryQuery } }, async (request, reply) => {
    const { from } = request.query;
    const [audit, errors] = await Promise.all([app.api.getAudit(from), app.api.getIngestErrors(from)]);
    return reply.header('cache-control', 'no-store').view('delivery.hbs', buildDeliveryPage(from, audit, errors));
  });
};

export default deliveryRoutes;

/** GET /api/v1/producers/:producer_id: what is stored for one producer (count and seq range). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const ProducerStats = Type.Object({
  producer_id: Type.String(),
  stored: Type.Integer(),
  distinct_seq: Type.Integer(),
  min_seq: Type.Union([Type.Integer(), Type.Null()]),
  max_seq: Type.Union([Type.Integer(), Type.Null()]),
  first_timestamp: Type.Union([Type.String(), Type.Null()]),
  last_timestamp: Type.Union([Type.String(), Type.Null()]),
});

const producersRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/producers/:producer_id',
    {
      schema: {
        summary: 'Stored events of one producer',
        tags: ['operations'],
        params: Type.Object({ producer_id: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: ProducerStats },
      },
    },
    async (request) => app.store.getProducerStats(request.params.producer_id),
  );
};

export default producersRoute;

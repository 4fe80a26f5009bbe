/** GET /api/v1/producers/:producer_id: what is stored for one producer (count and seq range). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProducerParams, ProducerStats } from '@logline/api-contract';

const producersRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/producers/:producer_id',
    {
      schema: {
        summary: 'Stored events of one producer',
        tags: ['operations'],
        params: ProducerParams,
        response: { 200: ProducerStats },
      },
    },
    async (request) => app.store.getProducerStats(request.params.producer_id),
  );
};

export default producersRoute;

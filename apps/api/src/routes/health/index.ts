/** GET /api/v1/health: 200 when storage answers, 503 otherwise; says which version answers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health } from '@logline/api-contract';
import { LOGLINE_VERSION } from '@logline/version';

const healthRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/health', { schema: { summary: 'Liveness of the api and its storage', tags: ['operations'], response: { 200: Health, 503: Health } } }, async (request, reply) => {
    const healthy = await app.store.ping().catch((error: unknown) => {
      request.log.warn({ err: error }, 'storage ping failed');
      return false;
    });
    return reply.code(healthy ? 200 : 503).send({
      status: healthy ? 'ok' : 'unavailable',
      storage: app.store.mode,
      pending_rows: app.ingest.pendingRows,
      version: LOGLINE_VERSION,
    });
  });
};

export default healthRoute;

/** GET /api/v1/health: 200 when storage answers, 503 otherwise; says which version answers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LOGLINE_VERSION } from '@logline/version';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  storage: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
  pending_rows: Type.Integer({ description: 'Accepted rows waiting to be stored.' }),
  version: Type.String({ description: "Logline's version (the api's --version)." }),
});

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

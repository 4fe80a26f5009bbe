/**
 * GET and POST /api/v1/web/session-ends: the web's signed-out sessions, kept in ClickHouse so that
 * a sign-out on one web replica ends the session on all of them. Both need the `web` scope, as the
 * web's other shared state does. A row names only the digest of a session id, which only that
 * session's holder knows, so recording one can end nothing but a session the caller already holds.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, SessionEnd, SessionEnds } from '@logline/api-contract';

const webSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/web/session-ends',
    { schema: { summary: 'Web sessions signed out and not yet expired', tags: ['operations'], response: { 200: SessionEnds } } },
    async () => {
      const ends = await app.store.readSessionEnds(Date.now());
      return { sessions: ends.map((end) => ({ session: end.session, until_ms: end.untilMs })) };
    },
  );

  app.post(
    '/api/v1/web/session-ends',
    { schema: { summary: 'Record a web sign-out', tags: ['operations'], body: SessionEnd, response: { 204: Type.Null(), 400: ErrorBody } } },
    async (request, reply) => {
      await app.store.recordSessionEnd({ session: request.body.session, untilMs: request.body.until_ms });
      return reply.code(204).send(null);
    },
  );
};

export default webSessionRoutes;

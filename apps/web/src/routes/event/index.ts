// GET /logs/:id: one event in full (pretty JSON, attributes) with its exact neighbours.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildEventPage } from '../../view-models/event-page';

const CONTEXT_SIZE = 10;

const eventRoutes: FastifyPluginAsyncTypebox<{ traceUrlTemplate?: string }> = async (app, { traceUrlTemplate }) => {
  app.get(
    '/logs/:id',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const context = await app.api.getContext(request.params.id, CONTEXT_SIZE);
      if (!context) return reply.callNotFound();
      return reply.header('cache-control', 'no-store').view('event.hbs', buildEventPage(context, traceUrlTemplate));
    },
  );
};

export default eventRoutes;

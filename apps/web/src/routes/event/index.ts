// GET /logs/:id: one event in full (pretty JSON, attributes) with its exact neighbours.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LogIdParam } from '@logline/api-contract';
import { buildEventPage } from '../../view-models/event-page';

const CONTEXT_SIZE = 10;

const eventRoutes: FastifyPluginAsyncTypebox<{ traceUrlTemplate?: string }> = async (app, { traceUrlTemplate }) => {
  app.get(
    '/logs/:id',
    { schema: { params: Type.Object({ id: LogIdParam }) } },
    async (request, reply) => {
      const context = await app.api.getContext(request.params.id, CONTEXT_SIZE);
      if (!context) return reply.callNotFound();
      return reply.header('cache-control', 'no-store').view('event.hbs', buildEventPage(context, traceUrlTemplate));
    },
  );
};

export default eventRoutes;

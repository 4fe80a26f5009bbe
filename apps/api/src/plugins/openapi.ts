/** The OpenAPI document (from the routes' TypeBox schemas) and its browsable UI at /api/docs. */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export default fp(async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Logline API',
        version: '1',
        description: 'Ingest log events and search, chart and export them. See the README for the search syntax.',
      },
      tags: [
        { name: 'ingest', description: 'Send events' },
        { name: 'logs', description: 'Search, histogram, facets, context, export' },
        { name: 'operations', description: 'Health and delivery figures' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});

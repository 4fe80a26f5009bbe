// GET /metrics: the web server's own metrics in Prometheus text format (no log content).
import type { FastifyPluginAsync } from 'fastify';

const metricsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/metrics', async (_request, reply) =>
    reply.header('cache-control', 'no-store').type(app.metricsRegistry.contentType).send(await app.metricsRegistry.metrics()),
  );
};

export default metricsRoutes;

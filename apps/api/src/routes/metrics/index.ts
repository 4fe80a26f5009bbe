/** GET /metrics: Prometheus text exposition. */
import type { FastifyPluginAsync } from 'fastify';

const metricsRoute: FastifyPluginAsync = async (app) => {
  app.get('/metrics', async (_request, reply) => {
    app.metrics.pendingRows.set(app.ingest.pendingRows);
    app.metrics.tailViewers.set(app.tail.viewers);
    app.metrics.tailPollers.set(app.tail.feedCount);
    return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });
};

export default metricsRoute;

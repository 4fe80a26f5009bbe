/**
 * Observes every answered request in logline_http_request_duration_seconds. The route label is
 * the route's template (`/api/v1/logs/:id/context`), never the raw URL, so its values are bounded
 * by the routes the api has; requests that match no route share `unmatched`.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async function httpMetrics(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    app.metrics.httpRequestSeconds.observe(labels, reply.elapsedTime / 1000);
  });
});

/** Observes every answered request in logline_http_request_duration_seconds (see @logline/metrics). */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { observeHttpRequests } from '@logline/metrics';

export default fp(async function httpMetrics(app: FastifyInstance) {
  observeHttpRequests(app, app.metrics.httpRequestSeconds);
});

/**
 * The web server's Prometheus registry: process metrics and every answered request in
 * logline_web_http_request_duration_seconds, labelled by route template (never the raw URL, so
 * the label's values are bounded by the routes the app has; unknown paths share `unmatched`).
 */
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** The registry GET /metrics exposes. */
    metricsRegistry: Registry;
  }
}

// prom-client's defaults name three gauges *_total, which promtool rejects as counter names.
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

export default fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
    const requestSeconds = new Histogram({
      name: 'logline_web_http_request_duration_seconds',
      help: 'HTTP requests to the web app by method, route template (unmatched for unknown paths) and status code; page time includes its api calls.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    app.decorate('metricsRegistry', registry);
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      requestSeconds.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
  },
  { name: 'metrics' },
);

// The web server's Prometheus registry: process metrics and every answered request in
// logline_web_http_request_duration_seconds, labelled by route template (see @logline/metrics).
import fp from 'fastify-plugin';
import type { Registry } from 'prom-client';
import { createHttpRequestHistogram, createProcessRegistry, observeHttpRequests } from '@logline/metrics';

declare module 'fastify' {
  interface FastifyInstance {
    /** The registry GET /metrics exposes. */
    metricsRegistry: Registry;
  }
}

export default fp(
  async (app) => {
    const registry = createProcessRegistry();
    const requests = createHttpRequestHistogram({
      name: 'logline_web_http_request_duration_seconds',
      help: 'HTTP requests to the web app by method, route template (unmatched for unknown paths) and status code; page time includes its api calls.',
      registers: [registry],
    });
    app.decorate('metricsRegistry', registry);
    observeHttpRequests(app, requests);
  },
  { name: 'metrics' },
);

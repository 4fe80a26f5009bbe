/**
 * Request latency of a fastify server by method, route and status. The route label is the
 * route's template (`/api/v1/logs/:id/context`), never the raw URL, so its values are bounded by
 * the routes the server has; requests that match no route share `unmatched`.
 */
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

export type HttpRequestHistogram = Histogram<'method' | 'route' | 'status_code'>;

export function createHttpRequestHistogram(options: { name: string; help: string; registers: Registry[] }): HttpRequestHistogram {
  return new Histogram({
    ...options,
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
}

/** Observes every answered request of `app` (and of the plugins registered in its scope). */
export function observeHttpRequests(app: FastifyInstance, histogram: HttpRequestHistogram): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    histogram.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}

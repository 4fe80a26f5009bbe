/** Messages for a source named on the command line that has no templates of its own. */
import type { SourceTemplates } from './template';
import { latencyMs, slowLatencyMs } from './vocabulary';

const ROUTES = ['/v1/items', '/v1/orders', '/v1/status', '/v1/sessions', '/v1/export'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

export const GENERIC_TEMPLATES: SourceTemplates = {
  DEBUG: [
    (r) => {
      const key = `k${r.hex(6)}`;
      return { message: `Cache miss for ${key}`, attributes: { cache_key: key } };
    },
  ],
  INFO: [
    (r) => {
      const [method, route, latency] = [r.pick(METHODS), r.pick(ROUTES), String(latencyMs(r, 35))];
      return {
        message: `${method} ${route} completed in ${latency} ms`,
        attributes: { method, route, latency_ms: latency, status: r.pick(['200', '200', '201', '204']) },
      };
    },
  ],
  WARNING: [
    (r) => {
      const [route, latency] = [r.pick(ROUTES), String(slowLatencyMs(r, 1_000))];
      return { message: `Slow request ${route}: ${latency} ms`, attributes: { route, latency_ms: latency, status: '200' } };
    },
  ],
  ERROR: [
    (r) => {
      const route = r.pick(ROUTES);
      return { message: `Unhandled exception on ${route}`, attributes: { route, status: '500' } };
    },
  ],
  CRITICAL: [
    () => ({ message: 'Out of memory; worker restarting', attributes: { status: '503' } }),
  ],
};

/**
 * Who may call what, in one table: the scope each route needs and the rate limit that applies.
 * Unlisted /api/v1 routes are reads. Public: health and the API docs. The standard protocols'
 * endpoints take events like /api/v1/ingest (`GET /` answers Elasticsearch clients' handshake).
 */
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Scope } from '../auth/token-store';

interface RoutePolicy {
  scope?: Scope;
  limit?: 'ingest' | 'query';
}

const INGEST: RoutePolicy = { scope: 'ingest', limit: 'ingest' };

const POLICIES: Record<string, RoutePolicy> = {
  '/api/v1/ingest': INGEST,
  '/v1/logs': INGEST,
  '/loki/api/v1/push': INGEST,
  '/_bulk': INGEST,
  '/:index/_bulk': INGEST,
  '/': INGEST,
  '/api/v1/health': {},
  '/metrics': { scope: 'read' },
};

function policyFor(url: string): RoutePolicy | undefined {
  if (url in POLICIES) return POLICIES[url];
  if (url.startsWith('/api/v1/')) return { scope: 'read', limit: 'query' };
  return undefined;
}

export interface AccessPolicyOptions {
  /** Requests per minute per client; 0 turns the limit off. */
  ingestPerMinute: number;
  queryPerMinute: number;
}

export default fp(async function accessPolicy(app: FastifyInstance, options: AccessPolicyOptions) {
  const perMinute = { ingest: options.ingestPerMinute, query: options.queryPerMinute };
  app.addHook('onRoute', (route: RouteOptions) => {
    const policy = policyFor(route.url ?? '');
    if (!policy) return;
    route.config = { ...route.config, scope: route.config?.scope ?? policy.scope };
    const max = policy.limit ? perMinute[policy.limit] : 0;
    if (max > 0) route.config = { ...route.config, rateLimit: { max, timeWindow: 60_000 } };
  });
  // Registered after the hook above so the limiter sees each route's rateLimit config.
  await app.register(rateLimit, {
    global: false,
    // A token's name identifies a client better than its address (the web app relays many users).
    keyGenerator: (request) => request.principal?.name ?? request.ip,
  });
});

/**
 * Who may call what, in one table: the scope each route needs and the rate limit that applies.
 * Unlisted /api/v1 routes are reads, but those under /api/v1/web/ (the web's shared state) need
 * the `web` scope. Public: health and the API docs. The standard protocols' endpoints take events
 * like /api/v1/ingest (`GET /` answers Elasticsearch clients' handshake).
 * Reads are limited per client and, when the client relays whom it asks for (the web app names
 * its signed-in user in X-Logline-User), per user of that client, so that one busy user cannot
 * use up everyone's budget. The counts hold across every api replica (SharedRateCounts over
 * logs.rate_limit_hits, exchanged every second).
 */
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { relayedUser } from '../auth/relayed-user';
import type { Scope } from '../auth/token-store';
import { SharedRateCounts, sharedRateLimitStore } from '@logline/security';

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

/**
 * Under /api/v1/web/: the web's own shared state (sign-in budgets, sign-outs, rate-limit counts),
 * called per sign-in and every second or few per web replica, whoever is signed in: not a user's
 * query, so no rate limit.
 */
const WEB_STATE_PREFIX = '/api/v1/web/';

function policyFor(url: string): RoutePolicy | undefined {
  if (url in POLICIES) return POLICIES[url];
  if (url.startsWith(WEB_STATE_PREFIX)) return { scope: 'web' };
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
    const keyGenerator = policy.limit === 'query' ? clientAndUserKey : clientKey;
    if (max > 0) route.config = { ...route.config, rateLimit: { max, timeWindow: WINDOW_MS, keyGenerator } };
  });
  // Registered after the hook above so the limiter sees each route's rateLimit config.
  await app.register(rateLimit, { global: false, keyGenerator: clientKey, store: sharedRateLimitStore(shareCounts(app)) });
});

const WINDOW_MS = 60_000;

/** This replica's counts, exchanged with the other api replicas' through ClickHouse every second while the app runs. */
function shareCounts(app: FastifyInstance): SharedRateCounts {
  const counts = new SharedRateCounts(
    async ({ windowStartMs, hits }) => app.store.exchangeRateLimitHits({ limiter: 'api', windowStartMs, replica: app.store.replicaId, hits }),
    { windowMs: WINDOW_MS },
  );
  counts.shareWhile(app, 'api replicas');
  return counts;
}

/** A token's name identifies a client better than its address. */
function clientKey(request: FastifyRequest): string {
  return request.principal?.name ?? request.ip;
}

/** The client, and the user it relays when it names one. */
function clientAndUserKey(request: FastifyRequest): string {
  const relayed = relayedUser(request);
  return relayed === undefined ? clientKey(request) : `${clientKey(request)}\n${relayed}`;
}

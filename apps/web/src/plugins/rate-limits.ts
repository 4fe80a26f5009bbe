/**
 * Requests per minute per signed-in user (per client address without sign-in), so one user or
 * script cannot take the web app, and the api behind it, for themselves. Health checks and the
 * static assets every page loads are not counted. The counts hold across every web replica: each
 * counts its own and exchanges them every second with the others' through the api
 * (logs.rate_limit_hits; SharedRateCounts says how late another replica's requests can count).
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SharedRateCounts, sharedRateLimitStore } from '@logline/security';
import { TooManyRequestsError } from '../limits/too-many-requests-error';

export interface RateLimitsOptions {
  /** 0 turns the limit off. */
  readonly perMinute: number;
}

const WINDOW_MS = 60_000;

export default fp<RateLimitsOptions>(
  async (app, { perMinute }) => {
    if (perMinute === 0) return;
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: WINDOW_MS,
      store: sharedRateLimitStore(shareCounts(app)),
      keyGenerator: (request) => (request.account ? `user ${request.account.username}` : `address ${request.ip}`),
      allowList: (request) => request.url === '/healthz' || request.url.startsWith('/assets/'),
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.max, context.after),
    });
  },
  { name: 'rate-limits', dependencies: ['sessions', 'api-client'] },
);

/** This replica's counts, exchanged with the other web replicas' through the api every second while the app runs. */
function shareCounts(app: FastifyInstance): SharedRateCounts {
  const replica = randomUUID();
  const counts = new SharedRateCounts(
    async ({ windowStartMs, hits }) => {
      const report = { replica, window_start_ms: windowStartMs, hits: [...hits].map(([key, count]) => ({ key, hits: count })) };
      const totals = await app.api.exchangeRateLimitHits(report);
      return new Map(totals.hits.map(({ key, hits: count }) => [key, count]));
    },
    { windowMs: WINDOW_MS },
  );
  counts.shareWhile(app, 'web replicas (through the api)');
  return counts;
}

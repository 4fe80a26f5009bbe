/**
 * Requests per minute per signed-in user (per client address without sign-in), so one user or
 * script cannot take the web app, and the api behind it, for themselves. Health checks and the
 * static assets every page loads are not counted.
 */
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../limits/too-many-requests-error';

export interface RateLimitsOptions {
  /** 0 turns the limit off. */
  readonly perMinute: number;
}

export default fp<RateLimitsOptions>(
  async (app, { perMinute }) => {
    if (perMinute === 0) return;
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => (request.account ? `user ${request.account.username}` : `address ${request.ip}`),
      allowList: (request) => request.url === '/healthz' || request.url.startsWith('/assets/'),
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.max, context.after),
    });
  },
  { name: 'rate-limits', dependencies: ['sessions'] },
);

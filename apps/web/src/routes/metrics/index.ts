/**
 * GET /metrics: the web server's own metrics in Prometheus text format (no log content). With
 * WEB_METRICS_TOKEN(_FILE) it needs that bearer token; with sign-in on it needs one at all, since
 * request counts per route say who uses the explorer how much.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isSameSecret } from '@logline/security';
import { MetricsTokenError } from '../../auth/access-errors';

export interface MetricsRoutesOptions {
  /** The bearer token scrapers must send; unset: none (and no /metrics at all with sign-in). */
  readonly token?: string;
}

const metricsRoutes: FastifyPluginAsync<MetricsRoutesOptions> = async (app, { token }) => {
  app.get('/metrics', async (request, reply) => {
    if (token !== undefined && !isSameSecret(token, /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1])) {
      throw new MetricsTokenError('Send the token of WEB_METRICS_TOKEN_FILE as Authorization: Bearer <token>.');
    }
    if (token === undefined && app.signIn) {
      throw new MetricsTokenError('With sign-in on, /metrics needs a token: set WEB_METRICS_TOKEN_FILE and give it to Prometheus.');
    }
    return reply.header('cache-control', 'no-store').type(app.metricsRegistry.contentType).send(await app.metricsRegistry.metrics());
  });
};

export default metricsRoutes;

// Builds the web app (plugins, then decorators, then routes); never listens, so tests inject.
import Fastify from 'fastify';
import { join } from 'node:path';
import { createLogger, DebugRequestLog } from '@logline/logging';
import { requestGuard } from '@logline/security';
import { CrossSiteRequestError } from './auth/access-errors';
import type { WebConfig } from './config';
import apiClient from './plugins/api-client';
import assets from './plugins/assets';
import errorPages from './plugins/error-pages';
import metrics from './plugins/metrics';
import security from './plugins/security';
import signIn from './plugins/sign-in';
import views from './plugins/views';
import alertsRoutes from './routes/alerts';
import dashboardRoutes from './routes/dashboard';
import deliveryRoutes from './routes/delivery';
import eventRoutes from './routes/event';
import exportRoutes from './routes/export';
import healthRoutes from './routes/health';
import liveRoutes from './routes/live';
import logsRoutes from './routes/logs';
import metricsRoutes from './routes/metrics';
import patternsRoutes from './routes/patterns';
import savedSearchesRoutes from './routes/saved-searches';
import sessionRoutes from './routes/session';

/**
 * Requests not worth a log line each, even at debug: the live view polls every 2 s and every page
 * load fetches assets. Failures on them are still logged by the error handler.
 */
const QUIET_PATHS = ['/partials/', '/assets/', '/healthz', '/metrics', '/live'];

export async function buildApp(config: WebConfig) {
  const app = Fastify({
    loggerInstance: createLogger(config.log),
    trustProxy: config.trustProxy,
    logController: new DebugRequestLog((request) => QUIET_PATHS.some((path) => request.url.startsWith(path))),
  });
  // First, so that a request another site made a browser send is refused before anything runs;
  // forms are urlencoded by nature, so state changes rely on the Origin and the CSRF token here.
  await app.register(requestGuard, {
    allowedHosts: config.allowedHosts,
    hostsSetting: 'WEB_ALLOWED_HOSTS',
    refuseSimpleRequests: false,
    toError: (refusal) => new CrossSiteRequestError(refusal.message),
  });
  await app.register(metrics);
  await app.register(security);
  // Templates and assets sit beside this file in src/, and beside main.js in the bundle.
  await app.register(assets, { root: join(__dirname, 'assets') });
  await app.register(views, { root: join(__dirname, 'views') });
  await app.register(apiClient, { baseUrl: config.apiUrl, timeoutMs: config.apiTimeoutMs, token: config.apiToken });
  await app.register(errorPages, { apiUrl: config.apiUrl });
  await app.register(signIn, { config: config.signIn, host: config.host, rateLimitPerMinute: config.rateLimitPerMinute });
  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(logsRoutes);
  await app.register(patternsRoutes);
  await app.register(liveRoutes);
  await app.register(deliveryRoutes);
  await app.register(exportRoutes);
  await app.register(eventRoutes, { traceUrlTemplate: config.traceUrlTemplate });
  await app.register(dashboardRoutes);
  await app.register(alertsRoutes);
  await app.register(savedSearchesRoutes);
  await app.register(metricsRoutes, { token: config.metricsToken });
  return app;
}

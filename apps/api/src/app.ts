/** Builds the api as a fastify instance over its services (never listens; server.ts does). */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@logline/ch-client';
import { requestGuard } from '@logline/security';
import type { AlertEvaluator } from './alerts/alert-evaluator';
import type { ApiConfig } from './config';
import { HttpError } from './errors';
import type { IngestPipeline } from './ingest/ingest-pipeline';
import type { TailHub } from './live/tail-hub';
import type { ApiMetrics } from './metrics';
import type { ApiServices } from './services';
import accessPolicy from './plugins/access-policy';
import auth from './plugins/auth';
import errorHandler from './plugins/error-handler';
import httpMetrics from './plugins/http-metrics';
import ingestAdmission from './plugins/ingest-admission';
import securityHeaders from './plugins/security-headers';
import openapi from './plugins/openapi';
import alertsRoute from './routes/alerts';
import auditRoute from './routes/audit';
import contextRoute from './routes/context';
import elasticsearchRoute from './routes/elasticsearch';
import exportRoute from './routes/export';
import facetsRoute from './routes/facets';
import fieldStatsRoute from './routes/field-stats';
import freshnessRoute from './routes/freshness';
import webSessionRoutes from './routes/web-sessions';
import webLimitRoutes from './routes/web-limits';
import healthRoute from './routes/health';
import histogramRoute from './routes/histogram';
import ingestErrorsRoute from './routes/ingest-errors';
import ingestRoute from './routes/ingest';
import logsRoute from './routes/logs';
import lokiRoute from './routes/loki';
import metricsRoute from './routes/metrics';
import otlpRoute from './routes/otlp';
import patternsRoute from './routes/patterns';
import producersRoute from './routes/producers';
import savedSearchesRoute from './routes/saved-searches';
import dashboardTilesRoute from './routes/dashboard-tiles';
import statsRoute from './routes/stats';
import tailRoute from './routes/tail';

declare module 'fastify' {
  interface FastifyInstance {
    config: ApiConfig;
    store: Store;
    ingest: IngestPipeline;
    metrics: ApiMetrics;
    tail: TailHub;
    alerts: AlertEvaluator;
  }
}

export async function buildApp(deps: ApiServices, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...options,
    bodyLimit: deps.config.ingest.maxBodyBytes,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('config', deps.config);
  app.decorate('store', deps.store);
  app.decorate('ingest', deps.ingest);
  app.decorate('metrics', deps.metrics);
  app.decorate('tail', deps.tail);
  app.decorate('alerts', deps.alerts);
  // First, so that a request another site made a browser send is refused before anything runs.
  await app.register(requestGuard, {
    allowedHosts: deps.config.allowedHosts,
    hostsSetting: 'API_ALLOWED_HOSTS',
    refuseSimpleRequests: true,
    toError: (refusal) => new HttpError(refusal.statusCode, refusal.message),
  });
  await app.register(securityHeaders);
  await app.register(openapi);
  await app.register(errorHandler);
  await app.register(httpMetrics);
  await app.register(auth, { tokens: deps.tokens });
  await app.register(accessPolicy, deps.config.rateLimits);
  await app.register(ingestAdmission);
  await app.register(ingestRoute);
  if (deps.config.ingest.enabled) {
    await app.register(otlpRoute);
    await app.register(lokiRoute);
    await app.register(elasticsearchRoute);
  }
  await app.register(logsRoute);
  await app.register(histogramRoute);
  await app.register(facetsRoute);
  await app.register(patternsRoute);
  await app.register(statsRoute);
  await app.register(fieldStatsRoute);
  await app.register(savedSearchesRoute);
  await app.register(dashboardTilesRoute);
  await app.register(contextRoute);
  await app.register(exportRoute);
  await app.register(tailRoute);
  await app.register(freshnessRoute);
  await app.register(webSessionRoutes);
  await app.register(webLimitRoutes);
  await app.register(auditRoute);
  await app.register(ingestErrorsRoute);
  await app.register(healthRoute);
  await app.register(producersRoute);
  await app.register(alertsRoute);
  await app.register(metricsRoute);
  return app;
}

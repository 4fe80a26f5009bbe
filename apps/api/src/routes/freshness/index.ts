/** GET /api/v1/freshness: ingest lag (event time → stored) percentiles per source, recent window. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Freshness, FreshnessQuery } from '@logline/api-contract';
import { parseTimeBound } from '../../query/time-bound';

const freshnessRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/freshness',
    {
      schema: {
        summary: 'End-to-end ingest lag per source',
        tags: ['operations'],
        querystring: FreshnessQuery,
        response: { 200: Freshness, 400: ErrorBody },
      },
    },
    async (request) => {
      const sinceMs = parseTimeBound('window', request.query.window, Date.now()) as number;
      const lags = await app.store.measureIngestLag(sinceMs);
      return {
        since: new Date(sinceMs).toISOString(),
        tail_poll_ms: app.config.tail.pollMs,
        tail_safety_ms: app.config.tail.safetyMs,
        sources: lags.map((lag) => ({
          source: lag.source,
          events: lag.events,
          p50_ms: lag.p50Ms,
          p95_ms: lag.p95Ms,
          p99_ms: lag.p99Ms,
          last_ingested_at: lag.lastIngestedAt,
        })),
      };
    },
  );
};

export default freshnessRoute;

/** GET /api/v1/freshness: ingest lag (event time → stored) percentiles per source, recent window. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseTimeBound } from '../../query/time-bound';
import { ErrorBody } from '../../schemas/common';

const Freshness = Type.Object({
  since: Type.String(),
  tail_poll_ms: Type.Integer({ description: 'Live tail adds up to this (plus tail_safety_ms) from stored to visible.' }),
  tail_safety_ms: Type.Integer(),
  sources: Type.Array(
    Type.Object({
      source: Type.String(),
      events: Type.Integer(),
      p50_ms: Type.Integer(),
      p95_ms: Type.Integer(),
      p99_ms: Type.Integer(),
      last_ingested_at: Type.String(),
    }),
  ),
});

const freshnessRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/freshness',
    {
      schema: {
        summary: 'End-to-end ingest lag per source',
        tags: ['operations'],
        querystring: Type.Object({ window: Type.String({ default: '5m', maxLength: 16, description: 'Duration back from now.' }) }),
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

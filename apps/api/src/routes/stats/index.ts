/** GET /api/v1/stats: a search, a pipe and a stats command — aggregations per group, as a table or over time. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, MAX_STATS_SERIES, StatsQuery, StatsResult } from '@logline/api-contract';
import { retentionHorizonMs } from '@logline/log-schema';
import { planFilterBuckets } from '../../query/histogram-buckets';
import { toStatsRequest } from '../../query/log-filters-query';
import { toStatsAnswer } from './stats-answer';

const statsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/stats',
    {
      schema: {
        summary: 'Aggregations over the matching events: count, count_distinct, min, max, avg, sum, p50, p90, p99 by up to three fields',
        tags: ['logs'],
        querystring: StatsQuery,
        response: { 200: StatsResult, 400: ErrorBody },
      },
    },
    async (request) => {
      const now = Date.now();
      const { filters, stats } = toStatsRequest(request.query, now);
      const plan = request.query.over_time ? planFilterBuckets(filters, now, request.query.buckets) : undefined;
      const limit = plan ? Math.min(request.query.limit, MAX_STATS_SERIES) : request.query.limit;
      // Events older than the retention may be gone from the table but still in the rollup (as for GET /api/v1/patterns).
      const expiringBeforeMs = retentionHorizonMs(app.config.retentionDays);
      const result = await app.store.aggregateLogs(filters, { stats, limit, overTime: plan, expiringBeforeMs });
      return toStatsAnswer(stats, result, plan);
    },
  );
};

export default statsRoute;

/** GET /api/v1/histogram: event counts per time bucket, stacked by level. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Histogram, HistogramQuery } from '@logline/api-contract';
import { LOG_LEVELS } from '@logline/log-schema';
import { planFilterBuckets } from '../../query/histogram-buckets';
import { toLogFilters } from '../../query/log-filters-query';

const histogramRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/histogram',
    { schema: { summary: 'Event counts over time by level', tags: ['logs'], querystring: HistogramQuery, response: { 200: Histogram, 400: ErrorBody } } },
    async (request) => {
      const now = Date.now();
      const filters = toLogFilters(request.query, now);
      const plan = planFilterBuckets(filters, now, request.query.buckets);
      const result = await app.store.countHistogram(filters, plan);
      const bucketMs = plan.bucketSeconds * 1000;
      const buckets = new Map<number, Record<string, number>>();
      for (let start = plan.fromMs; start < plan.toMs; start += bucketMs) {
        buckets.set(start, Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])));
      }
      for (const count of result.counts) {
        const counts = buckets.get(count.bucketMs);
        if (counts && count.level in counts) counts[count.level] += count.count;
      }
      return {
        from: new Date(plan.fromMs).toISOString(),
        to: new Date(plan.toMs).toISOString(),
        bucket_seconds: plan.bucketSeconds,
        served_by: result.servedBy,
        buckets: [...buckets].map(([start, counts]) => ({
          start: new Date(start).toISOString(),
          end: new Date(start + bucketMs).toISOString(),
          total: Object.values(counts).reduce((sum, n) => sum + n, 0),
          counts,
        })),
      };
    },
  );
};

export default histogramRoute;

/** GET /api/v1/patterns: the range's events grouped by message template, with a sparkline each. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Patterns, PatternsQuery } from '@logline/api-contract';
import { retentionHorizonMs } from '@logline/log-schema';
import { DEFAULT_RANGE_MS, planBuckets } from '../../query/histogram-buckets';
import { toLogFilters } from '../../query/log-filters-query';

const patternsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/patterns',
    { schema: { summary: 'Events grouped by message pattern', tags: ['logs'], querystring: PatternsQuery, response: { 200: Patterns, 400: ErrorBody } } },
    async (request) => {
      const now = Date.now();
      const requested = toLogFilters(request.query, now);
      const toMs = requested.toMs ?? now;
      const filters = { ...requested, fromMs: requested.fromMs ?? toMs - DEFAULT_RANGE_MS, toMs };
      const plan = planBuckets(filters.fromMs, toMs, request.query.buckets);
      const list = await app.store.listPatterns(filters, {
        limit: request.query.limit,
        sparkline: plan,
        // Events older than the retention may be gone from the table but still in the rollup.
        expiringBeforeMs: retentionHorizonMs(app.config.retentionDays),
      });
      return {
        from: new Date(filters.fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
        bucket_seconds: plan.bucketSeconds,
        total: list.totalEvents,
        complete: list.complete,
        served_by: list.servedBy,
        patterns: list.patterns.map((pattern) => ({
          pattern_id: pattern.patternId,
          template: pattern.template,
          count: pattern.count,
          share: list.totalEvents === 0 ? 0 : pattern.count / list.totalEvents,
          first_seen: new Date(pattern.firstSeenMs).toISOString(),
          last_seen: new Date(pattern.lastSeenMs).toISOString(),
          sample: pattern.sample,
          sparkline: pattern.sparkline,
        })),
      };
    },
  );
};

export default patternsRoute;

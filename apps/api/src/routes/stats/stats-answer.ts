/** A stats command's result in the wire shape: a table, and per-bucket series when asked over time. */
import type { StatsResult } from '@logline/api-contract';
import type { AggregateResult } from '@logline/ch-client';
import { aggregationLabel, fieldName, type StatsSpec } from '@logline/search-syntax';
import type { BucketPlan } from '../../query/histogram-buckets';

export function toStatsAnswer(stats: StatsSpec, result: AggregateResult, plan?: BucketPlan): StatsResult {
  return {
    by: stats.by.map(fieldName),
    functions: stats.aggregations.map(aggregationLabel),
    rows: result.rows.map((row) => ({ by: [...row.by], values: [...row.values] })),
    has_more: result.hasMore,
    over_time: plan && overTime(stats, result, plan),
    pattern_templates: result.patternTemplates && { ...result.patternTemplates },
  };
}

function overTime(stats: StatsSpec, result: AggregateResult, plan: BucketPlan): StatsResult['over_time'] {
  const bucketMs = plan.bucketSeconds * 1000;
  const starts: number[] = [];
  for (let start = plan.fromMs; start < plan.toMs; start += bucketMs) starts.push(start);
  const slot = new Map(starts.map((start, index) => [start, index]));
  // A bucket without events counted nothing (0) and has no other value (null).
  const empty = stats.aggregations.map((aggregation): number | null => (aggregation.fn === 'count' || aggregation.fn === 'count_distinct' ? 0 : null));
  const series = result.rows.map((row) => ({ key: groupKey(row.by), by: [...row.by], values: empty.map((value) => starts.map(() => value)) }));
  const seriesByKey = new Map(series.map((entry) => [entry.key, entry]));
  for (const bucket of result.buckets ?? []) {
    const index = slot.get(bucket.bucketMs);
    const entry = seriesByKey.get(groupKey(bucket.by));
    if (index === undefined || !entry) continue;
    bucket.values.forEach((value, fn) => (entry.values[fn][index] = value));
  }
  return {
    from: new Date(plan.fromMs).toISOString(),
    to: new Date(plan.toMs).toISOString(),
    bucket_seconds: plan.bucketSeconds,
    buckets: starts.map((start) => new Date(start).toISOString()),
    series: series.map(({ by, values }) => ({ by, values })),
  };
}

function groupKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** Chooses histogram bucket sizes: round intervals, at most `maxBuckets` over the range. */
import type { LogFilters } from '@logline/ch-client';

const STEPS_SECONDS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 604_800,
];

/** The range of a request that names no start (histogram, patterns). */
export const DEFAULT_RANGE_MS = 24 * 3_600_000;

export interface BucketPlan {
  bucketSeconds: number;
  /** The range widened to whole buckets. */
  fromMs: number;
  toMs: number;
}

export function planBuckets(fromMs: number, toMs: number, maxBuckets: number): BucketPlan {
  const spanSeconds = Math.max(1, (toMs - fromMs) / 1000);
  const bucketSeconds =
    STEPS_SECONDS.find((step) => spanSeconds / step <= maxBuckets) ?? Math.ceil(spanSeconds / maxBuckets / 86_400) * 86_400;
  const bucketMs = bucketSeconds * 1000;
  return {
    bucketSeconds,
    fromMs: Math.floor(fromMs / bucketMs) * bucketMs,
    toMs: Math.ceil(toMs / bucketMs) * bucketMs,
  };
}

/** Buckets over the filters' range: up to `to` (default now), from `from` (default a day before). */
export function planFilterBuckets(filters: LogFilters, nowMs: number, maxBuckets: number): BucketPlan {
  const toMs = filters.toMs ?? nowMs;
  return planBuckets(filters.fromMs ?? toMs - DEFAULT_RANGE_MS, toMs, maxBuckets);
}

/**
 * Event counts per time bucket and level, for the explorer's histogram. The per-minute rollup
 * serves minute-or-coarser buckets when the filters are only level, source and time; anything
 * else is counted from the raw table.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { minuteRange, rollupFilterConditions, servedByRollup } from '../sql/rollup';
import { selectRows } from '../sql/run-query';
import { bind, join, sql, type SqlFragment } from '../sql/sql';
import { timeBucketMs } from '../sql/time-bucket';

export interface HistogramRequest {
  /** Start of the first bucket, epoch ms, a multiple of the bucket size. */
  fromMs: number;
  /** End of the last bucket (exclusive), epoch ms, a multiple of the bucket size. */
  toMs: number;
  bucketSeconds: number;
}

export interface HistogramCount {
  bucketMs: number;
  level: string;
  count: number;
}

export interface HistogramResult {
  counts: HistogramCount[];
  /** Which table answered. */
  servedBy: 'rollup' | 'raw';
}

export async function countHistogram(
  client: ClickHouseClient,
  filters: LogFilters,
  request: HistogramRequest,
): Promise<HistogramResult> {
  const useRollup = request.bucketSeconds % 60 === 0 && servedByRollup(filters);
  const query = useRollup ? rollupQuery(filters, request) : rawQuery(filters, request);
  const rows = await selectRows<{ bucket_ms: string | number; level: string; count: string | number }>(client, query);
  return {
    counts: rows.map((row) => ({ bucketMs: Number(row.bucket_ms), level: row.level, count: Number(row.count) })),
    servedBy: useRollup ? 'rollup' : 'raw',
  };
}

function rawQuery(filters: LogFilters, request: HistogramRequest): SqlFragment {
  const conditions = filterConditions({ ...filters, fromMs: request.fromMs, toMs: request.toMs });
  return sql`SELECT ${timeBucketMs(request.bucketSeconds)} AS bucket_ms, log_level AS level, count() AS count
             FROM logs.application_logs
             ${whereClause(conditions)}
             GROUP BY bucket_ms, level
             ORDER BY bucket_ms, level
             ${filterSettings(filters)}`;
}

function rollupQuery(filters: LogFilters, request: HistogramRequest): SqlFragment {
  const conditions = [...minuteRange(request.fromMs, request.toMs), ...rollupFilterConditions(filters)];
  const interval = bind(request.bucketSeconds, 'UInt32');
  return sql`SELECT toUnixTimestamp(toStartOfInterval(minute, toIntervalSecond(${interval}))) * 1000 AS bucket_ms,
                    log_level AS level, sum(events) AS count
             FROM logs.log_counts_1m
             WHERE ${join(conditions, ' AND ')}
             GROUP BY bucket_ms, level
             ORDER BY bucket_ms, level`;
}

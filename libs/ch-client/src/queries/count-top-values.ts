/** The most frequent values of a field under the current filters (the explorer's facets). */
import type { ClickHouseClient } from '@clickhouse/client';
import type { LogField } from '@logline/search-syntax';
import { filterConditions, logFieldColumn, whereClause, type LogFilters } from '../sql/log-filters';
import { minuteRange, rollupFilterConditions, servedByRollup, splitRange } from '../sql/rollup';
import { selectRows } from '../sql/run-query';
import { bind, join, sql, type SqlFragment } from '../sql/sql';

export interface TopValues {
  values: { value: string; count: number }[];
  /** More distinct values exist than were returned. */
  hasMore: boolean;
}

/** The per-minute rollup that counts by each field (both also count by source and level). */
const ROLLUPS: Partial<Record<LogField, SqlFragment>> = {
  log_level: sql`logs.log_counts_1m`,
  source: sql`logs.log_counts_1m`,
  host: sql`logs.log_counts_host_1m`,
};

export interface TopValuesOptions {
  /**
   * Events dated before this may already have expired from the raw table (`retentionHorizonMs`),
   * while the rollups, kept longer, still count them: only minutes from here on are read from a
   * rollup. Unset, a range with an open start is counted from raw events alone.
   */
  expiringBeforeMs?: number;
}

export async function countTopValues(
  client: ClickHouseClient,
  filters: LogFilters,
  field: LogField,
  limit: number,
  options: TopValuesOptions = {},
): Promise<TopValues> {
  const rollup = ROLLUPS[field];
  const counts = rollup && servedByRollup(filters) ? rollupCounts(rollup, filters, field, options.expiringBeforeMs) : rawCounts(filters, field);
  const rows = await selectRows<{ value: string; count: string | number }>(
    client,
    sql`SELECT value, sum(events) AS count
        FROM (${counts})
        GROUP BY value
        ORDER BY count DESC, value
        LIMIT ${bind(limit + 1, 'UInt32')}`,
  );
  return {
    values: rows.slice(0, limit).map((row) => ({ value: row.value, count: Number(row.count) })),
    hasMore: rows.length > limit,
  };
}

function rawCounts(filters: LogFilters, field: LogField): SqlFragment {
  return sql`SELECT ${logFieldColumn(field)} AS value, count() AS events
             FROM logs.application_logs
             ${whereClause(filterConditions(filters))}
             GROUP BY value`;
}

/**
 * Whole minutes from the rollup (24 h: 1,440 rows per source and level instead of every event);
 * the raw table counts the rest of the range (see splitRange), so counts stay exact.
 */
function rollupCounts(rollup: SqlFragment, filters: LogFilters, field: LogField, expiringBeforeMs: number | undefined): SqlFragment {
  const split = splitRange(filters, expiringBeforeMs);
  if (split.rollup === undefined) return rawCounts(filters, field);
  const minutes = [...minuteRange(split.rollup.fromMs, split.rollup.toMs), ...rollupFilterConditions(filters)];
  const parts = [
    sql`SELECT ${logFieldColumn(field)} AS value, sum(events) AS events
        FROM ${rollup}
        ${whereClause(minutes)}
        GROUP BY value`,
    ...split.raw.map((raw) => rawCounts(raw, field)),
  ];
  return join(parts, ' UNION ALL ');
}

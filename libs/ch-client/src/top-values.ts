/** The most frequent values of a field under the current filters (the explorer's facets). */
import type { ClickHouseClient } from '@clickhouse/client';
import { filterConditions, whereClause, type LogField, type LogFilters } from './log-filters';
import { minuteRange, rollupFilterConditions, servedByRollup } from './rollup';
import { selectRows } from './run-query';
import { bind, join, sql, type SqlFragment } from './sql';

export interface TopValues {
  values: { value: string; count: number }[];
  /** More distinct values exist than were returned. */
  hasMore: boolean;
}

const COLUMNS: Record<LogField, SqlFragment> = {
  log_level: sql`log_level`,
  source: sql`source`,
  host: sql`host`,
  producer_id: sql`producer_id`,
};

/** Fields the per-minute rollup counts by. */
const ROLLUP_FIELDS: ReadonlySet<LogField> = new Set(['log_level', 'source']);

const MINUTE_MS = 60_000;

export async function topValues(client: ClickHouseClient, filters: LogFilters, field: LogField, limit: number): Promise<TopValues> {
  const counts = ROLLUP_FIELDS.has(field) && servedByRollup(filters) ? rollupCounts(filters, field) : rawCounts(filters, field);
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
  return sql`SELECT ${COLUMNS[field]} AS value, count() AS events
             FROM logs.application_logs
             ${whereClause(filterConditions(filters))}
             GROUP BY value`;
}

/**
 * Whole minutes from the rollup (24 h: 1,440 rows per source and level instead of every event),
 * the partial minutes at either end of the range from the raw table, so counts stay exact.
 */
function rollupCounts(filters: LogFilters, field: LogField): SqlFragment {
  const first = filters.fromMs === undefined ? undefined : Math.ceil(filters.fromMs / MINUTE_MS) * MINUTE_MS;
  const last = filters.toMs === undefined ? undefined : Math.floor(filters.toMs / MINUTE_MS) * MINUTE_MS;
  // An open start would count minutes the raw table has already dropped (the rollup is kept longer).
  if (first === undefined || (last !== undefined && last <= first)) return rawCounts(filters, field);
  const minutes = [...minuteRange(first, last), ...rollupFilterConditions(filters)];
  const parts = [
    sql`SELECT ${COLUMNS[field]} AS value, sum(events) AS events
        FROM logs.log_counts_1m
        ${whereClause(minutes)}
        GROUP BY value`,
  ];
  if (filters.fromMs !== undefined && filters.fromMs < first) {
    parts.push(rawCounts({ ...filters, toMs: first }, field));
  }
  if (last !== undefined && filters.toMs !== undefined && filters.toMs > last) {
    parts.push(rawCounts({ ...filters, fromMs: last }, field));
  }
  return join(parts, ' UNION ALL ');
}

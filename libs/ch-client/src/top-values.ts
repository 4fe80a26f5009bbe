/** The most frequent values of a field under the current filters (the explorer's facets). */
import type { ClickHouseClient } from '@clickhouse/client';
import { filterConditions, whereClause, type LogField, type LogFilters } from './log-filters';
import { selectRows } from './run-query';
import { bind, sql, type SqlFragment } from './sql';

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

export async function topValues(client: ClickHouseClient, filters: LogFilters, field: LogField, limit: number): Promise<TopValues> {
  const rows = await selectRows<{ value: string; count: string | number }>(
    client,
    sql`SELECT ${COLUMNS[field]} AS value, count() AS count
        FROM logs.application_logs
        ${whereClause(filterConditions(filters))}
        GROUP BY value
        ORDER BY count DESC, value
        LIMIT ${bind(limit + 1, 'UInt32')}`,
  );
  return {
    values: rows.slice(0, limit).map((row) => ({ value: row.value, count: Number(row.count) })),
    hasMore: rows.length > limit,
  };
}

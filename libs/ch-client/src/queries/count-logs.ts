/**
 * How many events match filters in a time window: one bounded count for an alert rule. The window
 * is required, so the count never scans more than [fromMs, toMs) of the table's time order.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';

export interface CountWindow {
  /** Inclusive start, epoch ms. */
  fromMs: number;
  /** Exclusive end, epoch ms. */
  toMs: number;
}

export async function countLogs(client: ClickHouseClient, filters: LogFilters, window: CountWindow): Promise<number> {
  const conditions = filterConditions({ ...filters, fromMs: window.fromMs, toMs: window.toMs });
  const rows = await selectRows<{ count: string | number }>(
    client,
    sql`SELECT count() AS count FROM logs.application_logs ${whereClause(conditions)} ${filterSettings(filters)}`,
  );
  return Number(rows[0]?.count ?? 0);
}

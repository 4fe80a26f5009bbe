/**
 * Reads events in the order they became visible (ingested_at, then row key), strictly after a
 * position and up to a visibility watermark, so a live tail neither skips nor repeats a row.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredLog } from '@logline/log-schema';
import { dateTime64, filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { searchRowColumns, ROW_KEY, toStoredLog, type LogRecord } from '../sql/log-record';
import { bind, sql } from '../sql/sql';

/** A point in visibility order: `ingested_at` (ms) and the row key among rows sharing it. */
export interface TailPosition {
  ingestedMs: number;
  rowKey: string;
}

export interface TailPage {
  rows: StoredLog[];
  /** Position of the last row returned, or the request's `after` when none. */
  last: TailPosition;
  /** More rows exist before the watermark than `limit`. */
  more: boolean;
}

export async function tailLogs(
  client: ClickHouseClient,
  filters: LogFilters,
  options: { after: TailPosition; visibleUntilMs: number; limit: number },
): Promise<TailPage> {
  const at = dateTime64(options.after.ingestedMs);
  const key = bind(options.after.rowKey, 'UInt64');
  const conditions = [
    ...filterConditions(filters),
    sql`ingested_at >= ${at} AND (ingested_at > ${at} OR ${ROW_KEY} > ${key})`,
    sql`ingested_at <= ${dateTime64(options.visibleUntilMs)}`,
  ];
  const records = await selectRows<LogRecord>(
    client,
    sql`SELECT ${searchRowColumns()}
        FROM logs.application_logs
        ${whereClause(conditions)}
        ORDER BY ingested_at, ${ROW_KEY}
        LIMIT ${bind(options.limit + 1, 'UInt32')}
        ${filterSettings(filters)}`,
  );
  const page = records.slice(0, options.limit);
  const lastRecord = page[page.length - 1];
  return {
    rows: page.map(toStoredLog),
    last: lastRecord ? { ingestedMs: Number(lastRecord.ingested_ms), rowKey: lastRecord.row_key } : options.after,
    more: records.length > options.limit,
  };
}

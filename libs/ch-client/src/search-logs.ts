/** The explorer's main query: matching events, newest (or oldest) first, with keyset paging. */
import type { ClickHouseClient } from '@clickhouse/client';
import type { LogLevel, StoredLog } from '@logline/log-schema';
import { dateTime64, filterConditions, type LogFilters } from './log-filters';
import { selectRows } from './run-query';
import { bind, join, sql } from './sql';

/** Where a page ends: the last row's timestamp and its tie-breaking key. */
export interface LogCursor {
  timestampMs: number;
  /** `row_key` of the last row (a 64-bit hash of the row's identity, as decimal text). */
  rowKey: string;
}

export interface SearchLogsOptions extends LogFilters {
  limit: number;
  order: 'asc' | 'desc';
  /** Continue after this row (in the chosen order). */
  after?: LogCursor;
}

export interface SearchLogsResult {
  rows: StoredLog[];
  /** Cursor for the next page, or null when this page is the last. */
  next: LogCursor | null;
}

// 64-bit integers may arrive as JSON numbers or strings depending on the server's settings.
interface LogRecord {
  ts_ms: string | number;
  log_level: LogLevel;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: string | number | null;
  attributes: Record<string, string>;
  ingested_ms: string | number;
  row_key: string;
}

// Rows with equal timestamps are ordered by this hash so pages never skip or repeat a row.
const ROW_KEY = sql`sipHash64(producer_id, seq, source, host, message)`;

export async function searchLogs(client: ClickHouseClient, options: SearchLogsOptions): Promise<SearchLogsResult> {
  const conditions = filterConditions(options);
  if (options.after) conditions.push(afterCursor(options.after, options.order));
  const where = conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : sql``;
  const direction = options.order === 'asc' ? sql`ASC` : sql`DESC`;
  const records = await selectRows<LogRecord>(
    client,
    sql`SELECT toUnixTimestamp64Milli(timestamp) AS ts_ms, log_level, message, source, host, producer_id,
               seq, attributes, toUnixTimestamp64Milli(ingested_at) AS ingested_ms, toString(${ROW_KEY}) AS row_key
        FROM logs.application_logs
        ${where}
        ORDER BY timestamp ${direction}, ${ROW_KEY} ${direction}
        LIMIT ${bind(options.limit + 1, 'UInt32')}`,
  );
  const page = records.slice(0, options.limit);
  const last = page[page.length - 1];
  const next = records.length > options.limit && last ? { timestampMs: Number(last.ts_ms), rowKey: last.row_key } : null;
  return { rows: page.map(toStoredLog), next };
}

function afterCursor(cursor: LogCursor, order: 'asc' | 'desc') {
  const at = dateTime64(cursor.timestampMs);
  const key = bind(cursor.rowKey, 'UInt64');
  return order === 'asc'
    ? sql`timestamp >= ${at} AND (timestamp > ${at} OR ${ROW_KEY} > ${key})`
    : sql`timestamp <= ${at} AND (timestamp < ${at} OR ${ROW_KEY} < ${key})`;
}

function toStoredLog(record: LogRecord): StoredLog {
  return {
    timestamp: new Date(Number(record.ts_ms)).toISOString(),
    log_level: record.log_level,
    message: record.message,
    source: record.source,
    host: record.host,
    producer_id: record.producer_id,
    seq: record.seq === null ? null : Number(record.seq),
    attributes: record.attributes,
    ingested_at: new Date(Number(record.ingested_ms)).toISOString(),
  };
}

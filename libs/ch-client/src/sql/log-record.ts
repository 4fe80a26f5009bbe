/** The columns every event query selects, and their conversion into the API's StoredLog. */
import { ROW_HASH_COLUMN, type LogLevel, type StoredLog } from '@logline/log-schema';
import { formatLogId } from '../cursors/log-id';
import { identifier, sql } from './sql';

// 64-bit integers may arrive as JSON numbers or strings depending on the server's settings.
export interface LogRecord {
  ts_ms: string | number;
  log_level: LogLevel;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: string | number | null;
  attributes: Record<string, string>;
  trace_id: string;
  span_id: string;
  pattern_id: string;
  ingested_ms: string | number;
  row_key: string;
}

/**
 * Orders rows that share a timestamp, so pages never skip or repeat a row: the stored
 * sipHash64(producer_id, seq, source, host, message) (see migration 7).
 */
export const ROW_KEY = identifier(ROW_HASH_COLUMN);

export function searchRowColumns() {
  return sql`toUnixTimestamp64Milli(timestamp) AS ts_ms, log_level, message, source, host, producer_id, seq,
             attributes, trace_id, span_id, pattern_id, toUnixTimestamp64Milli(ingested_at) AS ingested_ms, toString(${ROW_KEY}) AS row_key`;
}

export function toStoredLog(record: LogRecord): StoredLog {
  return {
    id: formatLogId({ timestampMs: Number(record.ts_ms), rowKey: record.row_key }),
    timestamp: new Date(Number(record.ts_ms)).toISOString(),
    log_level: record.log_level,
    message: record.message,
    source: record.source,
    host: record.host,
    producer_id: record.producer_id,
    seq: record.seq === null ? null : Number(record.seq),
    attributes: record.attributes,
    trace_id: record.trace_id,
    span_id: record.span_id,
    pattern_id: record.pattern_id,
    ingested_at: new Date(Number(record.ingested_ms)).toISOString(),
  };
}

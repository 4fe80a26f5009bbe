import type { LogLevel } from './levels';

/** One event as producers send it on the wire (canonical field names). */
export interface LogEvent {
  /** RFC 3339 / ISO 8601; UTC when no offset is given. */
  timestamp: string;
  log_level: LogLevel;
  message: string;
  source: string;
  host?: string;
  producer_id?: string;
  /** Per-producer sequence number, from 0, increasing by one. */
  seq?: number;
  attributes?: Record<string, string>;
  /** W3C trace context: 32 hex digits (any case) naming the trace the event belongs to. */
  trace_id?: string;
  /** 16 hex digits naming the span within the trace. */
  span_id?: string;
}

/** A normalised event, ready for `logs.application_logs` (JSONEachRow). */
export interface LogRow {
  /** `YYYY-MM-DD hh:mm:ss.sss`, UTC: the form ClickHouse parses for DateTime64(3, 'UTC'). */
  timestamp: string;
  log_level: LogLevel;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: number | null;
  attributes: Record<string, string>;
  /** Lower-case hex (32 digits), or empty when the event names no trace. */
  trace_id: string;
  /** Lower-case hex (16 digits), or empty. */
  span_id: string;
}

/** An event as the API returns it. */
export interface StoredLog {
  /** Opaque row id: names this row for context lookups and serves as a paging cursor. */
  id: string;
  /** ISO 8601 with milliseconds, UTC (`2026-11-28T17:00:00.123Z`). */
  timestamp: string;
  log_level: LogLevel;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: number | null;
  attributes: Record<string, string>;
  /** Lower-case hex, or empty when the event names no trace. */
  trace_id: string;
  span_id: string;
  /** The message's pattern: 16 lower-case hex digits (see @logline/log-patterns). */
  pattern_id: string;
  /** When the api stored it, ISO 8601 UTC. */
  ingested_at: string;
}

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
  /** When the api stored it, ISO 8601 UTC. */
  ingested_at: string;
}

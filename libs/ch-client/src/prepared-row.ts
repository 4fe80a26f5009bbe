import type { LogRow } from '@logline/log-schema';

/** A normalised row serialised for insert, with the fields that identify the event. */
export interface PreparedLogRow {
  /** The row as one JSONEachRow line. */
  json: string;
  /** The row itself (what the sole writer holds in memory once it is stored). */
  row: LogRow;
  /** The row's timestamp, epoch ms. */
  timestampMs: number;
  producerId: string;
  seq: number | null;
  /** `YYYY-MM-DD hh:mm:ss.sss` UTC, as in LogRow. */
  timestamp: string;
}

/** `timestampMs` is the row's timestamp as epoch ms (read from `row.timestamp` when not given). */
export function prepareLogRow(row: LogRow, timestampMs = Date.parse(`${row.timestamp.replace(' ', 'T')}Z`)): PreparedLogRow {
  return { json: JSON.stringify(row), row, timestampMs, producerId: row.producer_id, seq: row.seq, timestamp: row.timestamp };
}

/** Identity of an event for deduplication: the same producer, seq and timestamp. */
export function eventKey(producerId: string, seq: number, timestamp: string): string {
  return `${producerId}\u0000${seq}\u0000${timestamp}`;
}

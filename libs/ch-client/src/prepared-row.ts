import type { LogRow } from '@logline/log-schema';

/** A normalised row serialised for insert, with the fields that identify the event. */
export interface PreparedLogRow {
  /** The row as one JSONEachRow line. */
  json: string;
  producerId: string;
  seq: number | null;
  /** `YYYY-MM-DD hh:mm:ss.sss` UTC, as in LogRow. */
  timestamp: string;
}

export function prepareLogRow(row: LogRow): PreparedLogRow {
  return { json: JSON.stringify(row), producerId: row.producer_id, seq: row.seq, timestamp: row.timestamp };
}

/** Identity of an event for deduplication: the same producer, seq and timestamp. */
export function eventKey(producerId: string, seq: number, timestamp: string): string {
  return `${producerId}\u0000${seq}\u0000${timestamp}`;
}

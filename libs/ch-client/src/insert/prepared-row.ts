import type { LogRow } from '@logline/log-schema';

/** A normalised row, serialised for insert. */
export interface PreparedLogRow {
  /** The row as one JSONEachRow line. */
  json: string;
  /** The row itself: its identity for deduplication, and what the sole writer holds once stored. */
  row: LogRow;
  /** The row's timestamp, epoch ms. */
  timestampMs: number;
}

/** `timestampMs` is the row's timestamp as epoch ms (read from `row.timestamp` when not given). */
export function prepareLogRow(row: LogRow, timestampMs = Date.parse(`${row.timestamp.replace(' ', 'T')}Z`)): PreparedLogRow {
  return { json: JSON.stringify(row), row, timestampMs };
}

/** Identity of an event for deduplication: the same producer, seq and timestamp. */
export function eventKey(producerId: string, seq: number, timestamp: string): string {
  return `${producerId}\u0000${seq}\u0000${timestamp}`;
}

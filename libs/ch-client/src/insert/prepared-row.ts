import { derivePattern } from '@logline/log-patterns';
import type { LogRow } from '@logline/log-schema';

/** A normalised row, ready for insert (encoded by the writer, as its engine takes rows). */
export interface PreparedLogRow {
  /** The row itself: its identity for deduplication, and what the sole writer holds once stored. */
  row: LogRow;
  /** The row's timestamp, epoch ms. */
  timestampMs: number;
  /** The message's pattern id (derivePattern): the value the column's default would compute. */
  patternId: string;
}

/**
 * `timestampMs` is the row's timestamp as epoch ms (read from `row.timestamp` when not given).
 * Every ingest door's rows pass here once, so this is where their pattern id is computed.
 */
export function prepareLogRow(row: LogRow, timestampMs = Date.parse(`${row.timestamp.replace(' ', 'T')}Z`)): PreparedLogRow {
  const { patternId } = derivePattern(row.message);
  return { row, timestampMs, patternId };
}

/** Identity of an event for deduplication: the same producer, seq and timestamp. */
export function eventKey(producerId: string, seq: number, timestamp: string): string {
  return `${producerId}\u0000${seq}\u0000${timestamp}`;
}

/** Row ids: `<epoch ms>.<row key>`, a row's position in timestamp order; ids double as cursors. */

/** A row's position: its timestamp and the 64-bit hash that orders rows sharing it. */
export interface LogCursor {
  timestampMs: number;
  /** Decimal text of the unsigned 64-bit row key. */
  rowKey: string;
}

const LOG_ID = /^(\d{1,15})\.(\d{1,20})$/;

export function formatLogId(cursor: LogCursor): string {
  return `${cursor.timestampMs}.${cursor.rowKey}`;
}

/** Reads an id; undefined when the text is not one. */
export function parseLogId(text: string): LogCursor | undefined {
  const match = LOG_ID.exec(text);
  if (!match || BigInt(match[2]) > 0xffffffffffffffffn) return undefined;
  return { timestampMs: Number(match[1]), rowKey: match[2] };
}

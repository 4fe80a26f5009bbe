/** Opaque paging cursors: the last row's position, base64url-encoded JSON. */
import type { LogCursor } from '@logline/ch-client';
import { BadRequestError } from '../errors';

export function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.timestampMs, k: cursor.rowKey })).toString('base64url');
}

export function decodeCursor(text: string | undefined): LogCursor | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { t: unknown; k: unknown };
    if (Number.isSafeInteger(value.t) && typeof value.k === 'string' && /^\d{1,20}$/.test(value.k)) {
      return { timestampMs: value.t as number, rowKey: value.k };
    }
  } catch {
    // falls through to the error below
  }
  throw new BadRequestError('cursor: not a cursor this api issued; take next_cursor from a previous answer');
}

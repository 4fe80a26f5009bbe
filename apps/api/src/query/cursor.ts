/** Reads `cursor`/`before` parameters: row ids, or page cursors, from a previous answer. */
import { parseLogId, parsePageCursor, type LogCursor, type PageCursor, type SortKey } from '@logline/ch-client';
import { BadRequestError } from '../errors';

export function readCursor(name: string, text: string | undefined): LogCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const cursor = parseLogId(text);
  if (!cursor) throw new BadRequestError(`${name}: '${text.slice(0, 40)}' is not a row id or cursor from a previous answer`);
  return cursor;
}

/** A page cursor issued for `sort` (a row id in time order). */
export function readPageCursor(name: string, text: string | undefined, sort: SortKey): PageCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const cursor = parsePageCursor(text, sort);
  if (!cursor) throw new BadRequestError(`${name}: '${text.slice(0, 40)}' is not a cursor from a previous answer sorted by ${sort}`);
  return cursor;
}

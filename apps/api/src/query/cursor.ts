/** Reads `cursor`/`before`/`id` parameters: row ids, or page cursors of a sorted listing, from a previous answer. */
import { parsePageCursor, type PageCursor, type SortKey } from '@logline/ch-client';
import { BadRequestError } from '../errors';

/** In time order (the default) a cursor is a row id; sorted by another column it carries its value too. */
export function readCursor(name: string, text: string | undefined, sort: SortKey = 'time'): PageCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const cursor = parsePageCursor(text, sort);
  if (cursor) return cursor;
  const expected = sort === 'time' ? 'a row id or cursor from a previous answer' : `a cursor from a previous answer sorted by ${sort}`;
  throw new BadRequestError(`${name}: '${text.slice(0, 40)}' is not ${expected}`);
}

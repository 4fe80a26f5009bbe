/**
 * Cursors of the explorer's pages. In time order a cursor is the row's id; sorted by another
 * column it also carries that column's value (base64url, so any source name survives a URL):
 * `<value>~<epoch ms>.<row key>`.
 */
import { formatLogId, parseLogId, type LogCursor } from './log-id';

/** The column a page is sorted by; ties go by time, then row key, in the same direction. */
export type SortKey = 'time' | 'level' | 'source';

/** A row's position in a sorted listing. */
export interface PageCursor extends LogCursor {
  /** The sort column's value (level or source); absent in time order. */
  sortValue?: string;
}

export function formatPageCursor(cursor: PageCursor, sort: SortKey): string {
  const id = formatLogId(cursor);
  return sort === 'time' ? id : `${Buffer.from(cursor.sortValue ?? '', 'utf8').toString('base64url')}~${id}`;
}

/** Reads a cursor issued for `sort`; undefined when the text is not one. */
export function parsePageCursor(text: string, sort: SortKey): PageCursor | undefined {
  if (sort === 'time') return parseLogId(text);
  const tilde = text.indexOf('~');
  if (tilde < 0 || !/^[A-Za-z0-9_-]*$/.test(text.slice(0, tilde))) return undefined;
  const position = parseLogId(text.slice(tilde + 1));
  return position && { ...position, sortValue: Buffer.from(text.slice(0, tilde), 'base64url').toString('utf8') };
}

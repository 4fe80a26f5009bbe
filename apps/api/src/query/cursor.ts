/** Reads `cursor`/`before` parameters: row ids from a previous answer. */
import { parseLogId, type LogCursor } from '@logline/ch-client';
import { BadRequestError } from '../errors';

export function readCursor(name: string, text: string | undefined): LogCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const cursor = parseLogId(text);
  if (!cursor) throw new BadRequestError(`${name}: '${text.slice(0, 40)}' is not a row id or cursor from a previous answer`);
  return cursor;
}

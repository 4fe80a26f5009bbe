/** The fallback for lines in no known format: an ISO-like time and a level word anywhere. */
import { parseDateTime } from './calendar';
import { findLevelWord } from './level-words';
import type { ParsedLine } from './parsed-line';

const DATE_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}(?!\d))?/i;

/** Never refuses a line: without a time in it, the event gets the time it was read. */
export function parseGeneric(line: string, nowMs: number): ParsedLine {
  const stamp = DATE_TIME.exec(line);
  return {
    timestampMs: (stamp && parseDateTime(stamp[0])) ?? nowMs,
    level: findLevelWord(line) ?? 'INFO',
    message: line,
    attributes: {},
  };
}

/**
 * Dates as log files write them. Times without a UTC offset are read as the local time of the
 * machine replaying them, as a shipper running beside the log file would read them.
 */
import { parseIsoTimestamp } from '@logline/log-schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month index (0-11) of an English abbreviation such as `Dec`, or undefined. */
export function monthIndex(abbreviation: string): number | undefined {
  const index = MONTHS.indexOf(abbreviation);
  return index < 0 ? undefined : index;
}

export interface DateParts {
  year: number;
  /** 0-11. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

/** Epoch milliseconds of a local date-time, or undefined when no such date or time exists. */
export function localTime(parts: DateParts): number | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 0 || month > 11 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(year, month, day, hour, minute, second, parts.millisecond ?? 0);
  return date.getDate() === day && date.getFullYear() === year ? date.getTime() : undefined;
}

/** Fraction digits (`978`, `5`, `123456`) as whole milliseconds. */
export function fractionToMillis(digits: string | undefined): number {
  return digits ? Number(digits.slice(0, 3).padEnd(3, '0')) : 0;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601-like date-time: with an offset it is exact; without one it is local time. */
export function parseDateTime(text: string): number | undefined {
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  if (m[8]) return parseIsoTimestamp(text);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  return localTime({ year, month: month - 1, day, hour, minute, second, millisecond: fractionToMillis(m[7]) });
}

/**
 * A date written without its year (classic syslog): this year, unless that puts it in the
 * future, in which case the line was written last year (a December line read in January).
 */
export function timeWithoutYear(parts: Omit<DateParts, 'year'>, nowMs: number): number | undefined {
  const year = new Date(nowMs).getFullYear();
  const thisYear = localTime({ ...parts, year });
  if (thisYear !== undefined && thisYear <= nowMs) return thisYear;
  return localTime({ ...parts, year: year - 1 }) ?? thisYear;
}

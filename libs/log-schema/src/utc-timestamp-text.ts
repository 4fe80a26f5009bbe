/**
 * A fast reader for the timestamp form nearly every producer sends: `YYYY-MM-DDThh:mm:ss`, an
 * optional fraction and `Z` or no offset, within the accepted years. Such text is turned into the
 * column form by slicing, without a RegExp or a Date. Anything else (offsets, other years,
 * impossible dates) is left to parseIsoTimestamp, which gives the same row or the precise refusal.
 */
import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS } from './parse-timestamp';

/** A timestamp read from text: epoch milliseconds and the `YYYY-MM-DD hh:mm:ss.sss` column form. */
export interface UtcTimestamp {
  millis: number;
  text: string;
}

const ZERO = 0x30;
/** The years the accepted range spans; any day within them is inside it. */
const FIRST_YEAR = new Date(EARLIEST_TIMESTAMP_MS).getUTCFullYear();
const LAST_YEAR = new Date(LATEST_TIMESTAMP_MS).getUTCFullYear();
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads `text` when it is in the common UTC form; undefined means "use the general parser". */
export function readUtcTimestampText(text: string): UtcTimestamp | undefined {
  const length = text.length;
  if (length < 19 || length > 30) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const separator = text.charCodeAt(10);
  if (
    (year | month | day | hour | minute | second) < 0 ||
    text.charCodeAt(4) !== 0x2d || // -
    text.charCodeAt(7) !== 0x2d ||
    (separator !== 0x54 && separator !== 0x74 && separator !== 0x20) || // T, t, space
    text.charCodeAt(13) !== 0x3a || // :
    text.charCodeAt(16) !== 0x3a
  ) {
    return undefined;
  }
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = readFraction(text);
  if (fraction === undefined) return undefined;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second, fraction.millis);
  return { millis, text: `${text.slice(0, 10)} ${text.slice(11, 19)}.${fraction.digits}` };
}

/** The fraction and the `Z` after the seconds: up to 9 digits (kept to 3), then `Z`, `z` or nothing. */
function readFraction(text: string): { millis: number; digits: string } | undefined {
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 0x5a || last === 0x7a) end -= 1; // Z, z
  if (end === 19) return { millis: 0, digits: '000' };
  const point = text.charCodeAt(19);
  if ((point !== 0x2e && point !== 0x2c) || end === 20 || end > 29) return undefined; // . or ,
  if (digits(text, 20, end - 20) < 0) return undefined;
  const kept = text.slice(20, Math.min(end, 23)).padEnd(3, '0');
  return { millis: Number(kept), digits: kept };
}

/** The decimal value of `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

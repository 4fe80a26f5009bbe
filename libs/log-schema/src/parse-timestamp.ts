/** Timestamp forms accepted on the wire, turned into epoch milliseconds (UTC). */

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Earliest and latest instants a DateTime64(3, 'UTC') column holds that we accept. */
export const EARLIEST_TIMESTAMP_MS = Date.UTC(1970, 0, 1);
export const LATEST_TIMESTAMP_MS = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

/**
 * Parses an RFC 3339 / ISO 8601 date-time (`T` or a space between date and time; `Z`, `±hh:mm`,
 * `±hhmm` or no offset, meaning UTC; up to 9 fraction digits, truncated to milliseconds).
 * Returns epoch milliseconds, or undefined when the text is not such a date-time or names a day
 * or time that does not exist.
 */
export function parseIsoTimestamp(text: string): number | undefined {
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Not Date.UTC: it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  if (date.getUTCDate() !== day) return undefined;
  const local = date.getTime();
  if (!m[9]) return local;
  const offsetHours = Number(m[10]);
  const offsetMinutes = Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = m[9] === '-' ? -1 : 1;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * Interprets a number as Unix time, choosing the unit by magnitude: below 1e11 seconds (fraction
 * allowed), below 1e14 milliseconds, below 1e17 microseconds, otherwise nanoseconds.
 */
export function epochToMillis(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude < 1e11) return Math.floor(value * 1000);
  if (magnitude < 1e14) return Math.floor(value);
  if (magnitude < 1e17) return Math.floor(value / 1e3);
  return Math.floor(value / 1e6);
}

/** `YYYY-MM-DD hh:mm:ss.sss` in UTC: the text form ClickHouse reads into DateTime64(3, 'UTC'). */
export function formatClickHouseTime(epochMillis: number): string {
  const iso = new Date(epochMillis).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

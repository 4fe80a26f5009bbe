/** `from`/`to` values: an ISO time, `now`, or a duration back from now such as `15m`, `24h`, `7d`. */
import { parseIsoTimestamp } from '@logline/log-schema';
import { BadRequestError } from '../errors';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d{1,6})(s|m|h|d|w)$/;

export function parseTimeBound(name: string, value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'now') return nowMs;
  const duration = DURATION.exec(value);
  if (duration) return nowMs - Number(duration[1]) * UNIT_MS[duration[2]];
  const millis = parseIsoTimestamp(value);
  if (millis === undefined) {
    throw new BadRequestError(
      `${name}: '${value.slice(0, 64)}' is neither an ISO time (2026-11-28T17:00:00Z) nor a duration like 15m, 24h or 7d`,
    );
  }
  return millis;
}

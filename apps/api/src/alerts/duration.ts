/**
 * Durations in rule files, written as Prometheus writes them: one or more number-unit pairs from
 * the largest unit down, `30s`, `5m`, `1h30m`, `250ms` (units w, d, h, m, s, ms).
 */

const UNITS: readonly (readonly [string, number])[] = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];
const UNIT_MS = new Map(UNITS);
const DURATION = /^(?:\d+(?:ms|[wdhms]))+$/;
const PART = /(\d+)(ms|[wdhms])/g;

/** Milliseconds, or undefined when the text is not a duration (or its units are out of order). */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  let previousUnitMs = Infinity;
  for (const [, amount, unit] of text.matchAll(PART)) {
    const unitMs = UNIT_MS.get(unit) as number;
    if (unitMs >= previousUnitMs) return undefined;
    previousUnitMs = unitMs;
    total += Number(amount) * unitMs;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

/** The shortest spelling of a duration: 60000 -> `1m`, 5400000 -> `1h30m`, 0 -> `0s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const [unit, unitMs] of UNITS) {
    const amount = Math.floor(rest / unitMs);
    if (amount > 0) text += `${amount}${unit}`;
    rest -= amount * unitMs;
  }
  return text;
}

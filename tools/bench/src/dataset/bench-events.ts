/**
 * The bench's events: already-normalised rows with levels skewed towards INFO, four sources with
 * their own message shapes, hosts, random request ids, a rare word in one event of 100,000 and a
 * phrase in a seventh of the errors — what the search figures look for.
 */
import type { Random } from './random';

export const RARE_WORD = 'zanzibarquux';
export const COMMON_WORD = 'charged';
export const PHRASE = 'gateway timeout upstream';

const LEVELS: readonly [string, number][] = [
  ['INFO', 0.75],
  ['DEBUG', 0.12],
  ['WARNING', 0.09],
  ['ERROR', 0.035],
  ['CRITICAL', 0.005],
];
const SOURCES = ['auth', 'payment', 'search', 'profile'] as const;
const MESSAGES: Record<(typeof SOURCES)[number], (r: Random) => string> = {
  auth: (r) => `User u-${r.below(100_000)} logged in from 10.${r.below(255)}.${r.below(255)}.${r.below(255)} via password`,
  payment: (r) => `Charged ${r.below(500)}.${r.below(99)} EUR for order ord_${r.below(1e9).toString(16)} via stripe`,
  search: (r) => `Query "${['winter jacket', 'red shoes', 'laptop bag', 'coffee'][r.below(4)]}" returned ${r.below(5000)} hits in ${r.below(300)} ms`,
  profile: (r) => `User u-${r.below(100_000)} updated ${['address', 'avatar', 'display_name'][r.below(3)]}`,
};
/** Producers the rows are spread over, each with its own gapless seq. */
const PRODUCERS = 8;
/** Events of one trace arrive together: ten in a row, in every third group of ten. */
const TRACE_LENGTH = 10;

/** A stored row as the engine reads it (JSONEachRow, `YYYY-MM-DD hh:mm:ss.sss` UTC). */
export interface BenchRow {
  timestamp: string;
  log_level: string;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: number;
  attributes: Record<string, string>;
  trace_id: string;
}

/** Row `i` of `count`, its time spread evenly over [startMs, endMs). */
export function benchRow(r: Random, i: number, count: number, startMs: number, endMs: number): BenchRow {
  const source = SOURCES[i % SOURCES.length];
  const level = pickLevel(r.next());
  let message = MESSAGES[source](r);
  if (i % 100_000 === 7) message += ` ${RARE_WORD}`;
  if (level === 'ERROR' && i % 7 === 0) message = `Payment ${PHRASE} after ${r.below(30_000)} ms`;
  const iso = new Date(startMs + Math.floor((i / count) * (endMs - startMs))).toISOString();
  return {
    timestamp: `${iso.slice(0, 10)} ${iso.slice(11, 23)}`,
    log_level: level,
    message,
    source,
    host: `${source}-${1 + r.below(3)}`,
    producer_id: `bench-${i % PRODUCERS}`,
    seq: Math.floor(i / PRODUCERS),
    attributes: { request_id: requestIdOf(i), latency_ms: String(r.below(2000)) },
    trace_id: traceIdOf(i),
  };
}

/** Row `i`'s request id: one per event, known without the data (for the lookups). */
export function requestIdOf(i: number): string {
  return `r${(i * 7919 + 104_729).toString(36)}`;
}

/** Row `i`'s trace id (W3C: 32 lower-case hex digits), '' for the two thirds of events in no trace. */
export function traceIdOf(i: number): string {
  const trace = Math.floor(i / TRACE_LENGTH);
  if (trace % 3 !== 0) return '';
  return `${(trace + 1).toString(16).padStart(16, '0')}${((trace * 2_654_435_761) % 2 ** 32).toString(16).padStart(16, '0')}`;
}

/** `count` rows spread evenly over `events`, each the first of a trace: the ids the lookups ask for. */
export function lookupRows(events: number, count: number): number[] {
  const group = TRACE_LENGTH * 3;
  return Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * events) / count / group) * group);
}

function pickLevel(x: number): string {
  let total = 0;
  for (const [level, weight] of LEVELS) if (x < (total += weight)) return level;
  return 'INFO';
}

/**
 * The shared normalisation vectors (normalize-vectors.json) with their shorthands expanded, and
 * the TypeScript side of a line's handling, for the specs that run both ingest paths over them.
 */
import type { LogRow } from '../log-event';
import { loneSurrogateReason } from '../lone-surrogate';
import { normalizeEvent } from '../normalize-event';
import vectorsFile from './normalize-vectors.json';

/** What one line of NDJSON turns into. */
export type LineOutcome =
  | { kind: 'row'; row: LogRow }
  | { kind: 'rejection'; code: string; reason: string }
  | { kind: 'skip' };

export interface NormalizeVector {
  name: string;
  /** The line as a producer sends it. */
  line: string;
  expected: LineOutcome;
}

type Raw = Record<string, unknown>;

export function loadNormalizeVectors(): NormalizeVector[] {
  return (vectorsFile.vectors as Raw[]).map((vector) => ({
    name: vector['name'] as string,
    line: vector['line'] === undefined ? JSON.stringify(expand(vector['event'], false)) : (expand(vector['line'], true) as string),
    expected: expectedOutcome(vector),
  }));
}

/** The line handling the api applies before normalizeEvent: blank lines carry no event. */
export function normalizeLine(line: string): LineOutcome {
  if (line.trim() === '') return { kind: 'skip' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: 'rejection', code: 'invalid_json', reason: `invalid JSON: ${(error as Error).message}` };
  }
  const surrogate = loneSurrogateReason(line, value);
  if (surrogate) return { kind: 'rejection', code: 'invalid_json', reason: surrogate };
  const result = normalizeEvent(value);
  return result.ok ? { kind: 'row', row: result.row } : { kind: 'rejection', code: result.code, reason: result.reason };
}

function expectedOutcome(vector: Raw): LineOutcome {
  if (vector['skip'] === true) return { kind: 'skip' };
  if (vector['row'] !== undefined) return { kind: 'row', row: expand(vector['row'], true) as LogRow };
  const rejection = vector['rejection'] as { code: string; reason: string };
  return { kind: 'rejection', code: rejection.code, reason: rejection.reason };
}

/** Expands `$repeat` and `$keys`; with `joinLists`, a list stands for its parts joined. */
function expand(value: unknown, joinLists: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => expand(item, joinLists));
    return joinLists ? items.join('') : items;
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Raw;
  if (typeof object['$repeat'] === 'string') return object['$repeat'].repeat(object['times'] as number);
  const out: Raw = {};
  if (typeof object['$keys'] === 'string') {
    for (let i = 0; i < (object['count'] as number); i += 1) out[`${object['$keys']}${i}`] = object['value'];
  }
  for (const [key, item] of Object.entries(object)) {
    if (!['$keys', 'count', 'value'].includes(key) || typeof object['$keys'] !== 'string') {
      // Not `out[key] =`: a `__proto__` key must become a property, not the prototype.
      Object.defineProperty(out, key, { value: expand(item, joinLists), enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

import { toLogLevel } from './levels';
import { LIMITS } from './limits';
import type { LogRow } from './log-event';
import {
  EARLIEST_TIMESTAMP_MS,
  LATEST_TIMESTAMP_MS,
  epochToMillis,
  formatClickHouseTime,
  parseIsoTimestamp,
} from './parse-timestamp';
import { jsonText } from './json-text';
import { canonicalTraceHex, SPAN_ID_DIGITS, TRACE_ID_DIGITS } from './trace-context';
import { readUtcTimestampText, type UtcTimestamp } from './utc-timestamp-text';

/** Why an event was refused; stable names for tests, metrics and dead letters. */
export type RejectionCode =
  | 'not_an_object'
  | 'missing_field'
  | 'wrong_type'
  | 'invalid_value'
  | 'too_large';

export type NormalizeResult =
  | {
      ok: true;
      row: LogRow;
      /** The row's timestamp as epoch milliseconds, so callers need not parse it back. */
      timestampMs: number;
    }
  | { ok: false; code: RejectionCode; reason: string };

/** Field names accepted for each canonical field, in order of preference. */
export const FIELD_ALIASES = Object.freeze({
  timestamp: ['timestamp', '@timestamp', 'time'],
  log_level: ['log_level', 'level', 'severity'],
  message: ['message', 'msg'],
  source: ['source', 'service'],
  host: ['host', 'hostname'],
  producer_id: ['producer_id'],
  seq: ['seq'],
  attributes: ['attributes'],
  trace_id: ['trace_id', 'traceId'],
  span_id: ['span_id', 'spanId'],
} as const);

type Field = keyof typeof FIELD_ALIASES;
type Json = Record<string, unknown>;

const FIELDS = Object.keys(FIELD_ALIASES) as Field[];

/** Each alias name and the field it names. */
const FIELD_OF_ALIAS: ReadonlyMap<string, Field> = new Map(
  FIELDS.flatMap((field) => FIELD_ALIASES[field].map((name) => [name, field] as const)),
);

/**
 * Deepest nesting of arrays and objects accepted, the event itself being level 1: the most the
 * JSON reader of Vector's VRL (serde_json) parses, so both ingest paths refuse the same events.
 */
const MAX_NESTING_LEVELS = 127;

class Rejection {
  constructor(
    readonly code: RejectionCode,
    readonly reason: string,
  ) {}
}

/**
 * Turns one decoded JSON value into a row for `logs.application_logs`, or says precisely why not.
 *
 * Rules (the Vector VRL program in deploy/vector applies the same ones):
 * - The event must be a JSON object.
 * - `timestamp` (aliases `@timestamp`, `time`) is required: an RFC 3339 / ISO 8601 string (UTC when
 *   it has no offset) or Unix time as a number (seconds, ms, µs or ns, chosen by magnitude).
 *   Milliseconds are kept; years outside 1970–2299 are refused.
 * - `log_level` (aliases `level`, `severity`) is required: a string in any case, e.g. `warn`
 *   → `WARNING`, `fatal` → `CRITICAL`, `trace` → `DEBUG` (see levels.ts for the full list).
 * - `message` (alias `msg`) is required and must be a string of at most 64 KiB.
 * - `source` (alias `service`) is required: a non-empty string.
 * - `host` (alias `hostname`) and `producer_id` are optional strings; `seq` an optional
 *   non-negative integer; `attributes` an optional object of string values.
 * - `trace_id` (alias `traceId`) and `span_id` (alias `spanId`) are optional: 32 and 16
 *   hexadecimal digits, any case, stored in lower case; empty or all zeros means no trace.
 * - When several aliases of one field are present the first listed wins and the others are kept
 *   as attributes. Every other top-level field becomes an attribute of the same name: strings
 *   as they are, other values as their JSON text (see `jsonText`). Explicit `attributes` win
 *   over such fields.
 * - `null` in a known field counts as absent. Wrong types are refused, never coerced.
 * - Arrays and objects nested deeper than MAX_NESTING_LEVELS are refused before anything else.
 *
 * It runs once per ingested event, so it avoids per-event Sets, closures and copies.
 */
export function normalizeEvent(input: unknown): NormalizeResult {
  const tooDeep = findTooDeep(input);
  if (tooDeep !== undefined) return reject('too_large', `${tooDeep} is nested too deeply to store`);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return reject('not_an_object', `event must be a JSON object, got ${describe(input)}`);
  }
  try {
    return toRow(input as Json);
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, reason: error.reason };
    throw error;
  }
}

/** The canonical fields a value read from elsewhere (e.g. parsed from the message) may set. */
export type SettableField = 'timestamp' | 'log_level' | 'source' | 'host';

export type FieldResult =
  | {
      ok: true;
      /** The column's value (for `timestamp`, its `YYYY-MM-DD hh:mm:ss.sss` UTC form). */
      value: string;
      /** For `timestamp`, the instant as epoch milliseconds. */
      timestampMs?: number;
    }
  | { ok: false; code: RejectionCode; reason: string };

/** Reads one field's value with the rules normalizeEvent applies to it (undefined = missing). */
export function normalizeField(field: SettableField, value: unknown): FieldResult {
  return attempt((): FieldResult => {
    if (field === 'timestamp') {
      const timestamp = readTimestamp(value);
      return { ok: true, value: timestamp.text, timestampMs: timestamp.millis };
    }
    if (field === 'log_level') return { ok: true, value: readLevel(value) };
    return { ok: true, value: field === 'source' ? readSource(value) : readOptionalString(value, field) };
  });
}

/**
 * Why an attribute could not be stored as the `count`-th attribute of an event (too many, name or
 * value too long), or undefined when it can.
 */
export function attributeRejection(count: number, key: string, value: string): { code: RejectionCode; reason: string } | undefined {
  const result = attempt((): FieldResult => {
    checkAttribute(count, key, value);
    return { ok: true, value };
  });
  return result.ok ? undefined : { code: result.code, reason: result.reason };
}

function attempt(read: () => FieldResult): FieldResult {
  try {
    return read();
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, reason: error.reason };
    throw error;
  }
}

/** The value each field takes: the first of its aliases that is neither absent nor null. */
type Picked = Record<Field, unknown>;

function toRow(event: Json): NormalizeResult & { ok: true } {
  const picked = pickFields(event);
  const attributes = collectAttributes(event, picked);
  const timestamp = readTimestamp(picked.timestamp);
  const row: LogRow = {
    timestamp: timestamp.text,
    log_level: readLevel(picked.log_level),
    message: readString(picked.message, 'message', LIMITS.messageBytes, true),
    source: readSource(picked.source),
    host: readOptionalString(picked.host, 'host'),
    producer_id: readOptionalString(picked.producer_id, 'producer_id'),
    seq: readSeq(picked.seq),
    attributes,
    trace_id: readTraceHex(picked.trace_id, 'trace_id', TRACE_ID_DIGITS),
    span_id: readTraceHex(picked.span_id, 'span_id', SPAN_ID_DIGITS),
  };
  return { ok: true, row, timestampMs: timestamp.millis };
}

function pickFields(event: Json): Picked {
  const picked = {} as Picked;
  for (const field of FIELDS) {
    picked[field] = undefined;
    for (const name of FIELD_ALIASES[field]) {
      const value = event[name];
      if (value === undefined || value === null) continue;
      picked[field] = value;
      break;
    }
  }
  return picked;
}

/** True when the top-level `key` is an alias that was read as a field, or a null alias (absent). */
function isFieldName(event: Json, key: string): boolean {
  const field = FIELD_OF_ALIAS.get(key);
  if (field === undefined) return false;
  if (event[key] === null) return true;
  // The first non-null alias of a field is the one read; a later one with a value is an attribute.
  for (const name of FIELD_ALIASES[field]) {
    if (name === key) return true;
    if (event[name] !== undefined && event[name] !== null) return false;
  }
  return false;
}

function collectAttributes(event: Json, picked: Picked): Record<string, string> {
  const attributes: Record<string, string> = {};
  let count = 0;
  for (const key of Object.keys(event)) {
    const value = event[key];
    if (value === undefined || isFieldName(event, key)) continue;
    // Own keys of one object are unique, so each one is a new attribute.
    count += 1;
    putAttribute(attributes, count, key, typeof value === 'string' ? value : jsonText(value));
  }
  const explicit = picked.attributes;
  if (explicit !== undefined) {
    if (typeof explicit !== 'object' || Array.isArray(explicit)) {
      throw wrongType('attributes', 'an object of strings', explicit);
    }
    // Types before sizes, so which code a refusal gets does not depend on key order (VRL sorts keys).
    const keys = Object.keys(explicit as Json);
    for (const key of keys) {
      const value = (explicit as Json)[key];
      if (typeof value !== 'string') throw wrongType(`attributes.${key}`, 'a string', value);
    }
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(attributes, key)) count += 1;
      putAttribute(attributes, count, key, (explicit as Json)[key] as string);
    }
  }
  return attributes;
}

function putAttribute(attributes: Record<string, string>, count: number, key: string, value: string): void {
  checkAttribute(count, key, value);
  // `attributes[key] =` would set the prototype for `__proto__`: it must stay an attribute.
  if (key === '__proto__') Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
  else attributes[key] = value;
}

function checkAttribute(count: number, key: string, value: string): void {
  if (count > LIMITS.attributeCount) {
    throw new Rejection('too_large', `more than ${LIMITS.attributeCount} attributes`);
  }
  checkBytes(key, `attribute name '${key.slice(0, 40)}'`, LIMITS.attributeKeyBytes);
  checkBytes(value, `attribute '${key.slice(0, 40)}'`, LIMITS.attributeValueBytes);
}

/** Names the first part of the input nested beyond MAX_NESTING_LEVELS, or undefined. */
function findTooDeep(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  if (Array.isArray(input)) return nestsDeeperThan(input, MAX_NESTING_LEVELS) ? 'event' : undefined;
  for (const key of Object.keys(input)) {
    if (!nestsDeeperThan((input as Json)[key], MAX_NESTING_LEVELS - 1)) continue;
    return `${FIELD_OF_ALIAS.has(key) ? 'field' : 'attribute'} '${key.slice(0, 40)}'`;
  }
  return undefined;
}

function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (nestsDeeperThan(child, levels - 1)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    if (nestsDeeperThan((value as Json)[key], levels - 1)) return true;
  }
  return false;
}

function readTimestamp(value: unknown): UtcTimestamp {
  if (value === undefined) throw missing('timestamp');
  let millis: number | undefined;
  if (typeof value === 'string') {
    const common = readUtcTimestampText(value);
    if (common !== undefined) return common;
    millis = parseIsoTimestamp(value);
    if (millis === undefined) {
      throw new Rejection(
        'invalid_value',
        `timestamp '${value.slice(0, 64)}' is not an RFC 3339 date-time (e.g. 2026-11-28T17:00:00.123Z)`,
      );
    }
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    millis = epochToMillis(value);
  } else {
    throw wrongType('timestamp', 'an RFC 3339 string or Unix time number', value);
  }
  if (millis < EARLIEST_TIMESTAMP_MS || millis > LATEST_TIMESTAMP_MS) {
    throw new Rejection('invalid_value', 'timestamp is outside 1970-01-01..2299-12-31');
  }
  return { millis, text: formatClickHouseTime(millis) };
}

function readLevel(value: unknown): LogRow['log_level'] {
  if (value === undefined) throw missing('log_level');
  if (typeof value !== 'string') throw wrongType('log_level', 'a string', value);
  const level = toLogLevel(value);
  if (!level) {
    throw new Rejection(
      'invalid_value',
      `unknown log_level '${value.slice(0, 32)}' (expected DEBUG, INFO, WARNING, ERROR or CRITICAL)`,
    );
  }
  return level;
}

function readSource(value: unknown): string {
  const source = readString(value, 'source', LIMITS.labelBytes, true);
  if (source.length === 0) throw new Rejection('invalid_value', 'source must not be empty');
  return source;
}

function readOptionalString(value: unknown, field: Field): string {
  return value === undefined ? '' : readString(value, field, LIMITS.labelBytes, false);
}

function readString(value: unknown, field: Field, maxBytes: number, required: boolean): string {
  if (value === undefined) {
    if (required) throw missing(field);
    return '';
  }
  if (typeof value !== 'string') throw wrongType(field, 'a string', value);
  checkBytes(value, field, maxBytes);
  return value;
}

function readSeq(value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number') throw wrongType('seq', 'a non-negative integer', value);
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.maxSeq) {
    throw new Rejection('invalid_value', `seq must be a non-negative integer, got ${jsonText(value)}`);
  }
  return value;
}

function readTraceHex(value: unknown, field: Field, digits: number): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw wrongType(field, `${digits} hexadecimal digits`, value);
  const id = canonicalTraceHex(value, digits);
  if (id === undefined) throw new Rejection('invalid_value', `${field} '${value.slice(0, 40)}' is not ${digits} hexadecimal digits`);
  return id;
}

function checkBytes(value: string, what: string, maxBytes: number): void {
  if (value.length * 3 <= maxBytes) return;
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > maxBytes) {
    throw new Rejection('too_large', `${what} is ${bytes} bytes; the limit is ${maxBytes}`);
  }
}

function missing(field: Field): Rejection {
  const names = FIELD_ALIASES[field].map((name) => `'${name}'`).join(' or ');
  return new Rejection('missing_field', `missing ${names}`);
}

function wrongType(field: string, expected: string, value: unknown): Rejection {
  return new Rejection('wrong_type', `${field} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${jsonText(value).slice(0, 40)}`;
}

function reject(code: RejectionCode, reason: string): NormalizeResult {
  return { ok: false, code, reason };
}

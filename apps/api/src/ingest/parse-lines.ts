/**
 * Turns ingest input into rows ready for insert and per-line rejections.
 * Lines count from 1 and every line counts, blank ones included; blank lines are skipped.
 */
import { isUtf8 } from 'node:buffer';
import type { PreparedLogRow } from '@logline/ch-client';
import { loneSurrogateReason, normalizeEvent, retentionHorizonMs } from '@logline/log-schema';
import type { ProcessingRule } from '@logline/processing-rules';
import { acceptEvent, refuseEvent, type DescribeEvent, type NormalisedEvent } from './accept-event';
import { jsonArrayElements, JsonArrayError } from './json-array';
import type { Rejections } from './rejections';

export interface ParsedLines {
  /** Normalised rows, ready for insert. */
  rows: PreparedLogRow[];
  rejections: Rejections;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * What a line must respect beyond the event rules: its size, and a timestamp the store keeps; and
 * what happens to it once normalised: the processing rules, after a connection's joining of
 * multi-line events where there is one.
 */
export interface LineLimits {
  maxLineBytes: number;
  /** Oldest timestamp accepted (older events would be deleted by retention at once), epoch ms. */
  earliestMs: number;
  /** Newest timestamp accepted (clock-skew allowance into the future), epoch ms. */
  latestMs: number;
  rules: readonly ProcessingRule[];
  /** Takes normalised events before the rules do, to join continuation lines (TCP and syslog streams). */
  joiner?: { push(event: NormalisedEvent): void };
}

type LimitsConfig = { maxLineBytes: number; retentionDays: number; maxFutureSeconds: number; processingRules: { rules: readonly ProcessingRule[] } };

export function lineLimits(config: LimitsConfig, nowMs = Date.now()): LineLimits {
  return {
    maxLineBytes: config.maxLineBytes,
    earliestMs: retentionHorizonMs(config.retentionDays, nowMs),
    latestMs: nowMs + config.maxFutureSeconds * 1000,
    rules: config.processingRules.rules,
  };
}

/** No rows yet; refusals go to `rejections` (one per request, or per TCP connection). */
export function emptyParsedLines(rejections: Rejections): ParsedLines {
  return { rows: [], rejections };
}

/** Parses one line (without its newline) into `out`. */
export function parseLine(bytes: Buffer, line: number, limits: LineLimits, out: ParsedLines): void {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const content = bytes.subarray(0, end);
  if (content.length > limits.maxLineBytes) {
    const reason = `line is ${content.length} bytes; the limit is ${limits.maxLineBytes}`;
    out.rejections.add({ line, code: 'too_large', reason, raw: content.subarray(0, 4096).toString('utf8') });
    return;
  }
  if (!isUtf8(content)) {
    out.rejections.add({ line, code: 'invalid_utf8', reason: 'line is not valid UTF-8', raw: content.toString('utf8') });
    return;
  }
  const text = content.toString('utf8');
  if (text.trim().length === 0) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    out.rejections.add({ line, code: 'invalid_json', reason: `invalid JSON: ${(error as Error).message}`, raw: text });
    return;
  }
  addValue(value, line, text, limits, out);
}

/** Normalises an already decoded line into `out`. */
export function addValue(value: unknown, line: number, raw: string, limits: LineLimits, out: ParsedLines): void {
  const surrogate = loneSurrogateReason(raw, value);
  if (surrogate) {
    out.rejections.add({ line, code: 'invalid_json', reason: surrogate, raw });
    return;
  }
  addEvent(value, line, limits, out, () => ({ where: undefined, raw }));
}

/**
 * Normalises a decoded event (its strings already checked for lone surrogates) and passes it on:
 * to the connection's joiner of multi-line events, or straight to the rules and into `out`.
 */
export function addEvent(value: unknown, line: number, limits: LineLimits, out: ParsedLines, describe: DescribeEvent): void {
  const result = normalizeEvent(value);
  if (!result.ok) return refuseEvent(out, line, describe, result.code, result.reason);
  const event = { row: result.row, timestampMs: result.timestampMs, line, describe };
  if (limits.joiner) limits.joiner.push(event);
  else acceptEvent(event, limits, out);
}

/** Splits an NDJSON body into lines and parses each into `out`. */
export function parseNdjson(body: Buffer, limits: LineLimits, out: ParsedLines): void {
  let start = 0;
  let line = 1;
  while (start < body.length) {
    const newline = body.indexOf(NEWLINE, start);
    const end = newline === -1 ? body.length : newline;
    parseLine(body.subarray(start, end), line, limits, out);
    start = end + 1;
    line += 1;
  }
}

/** Parses a JSON array body into `out`, each element on its own; element N counts as line N. */
export function parseJsonArray(body: Buffer, limits: LineLimits, out: ParsedLines): void {
  let line = 0;
  for (const { start, end } of jsonArrayElements(body)) parseLine(body.subarray(start, end), ++line, limits, out);
}

function isJsonArray(body: Buffer): boolean {
  const first = body.findIndex((byte) => byte !== 0x20 && byte !== 0x09 && byte !== NEWLINE && byte !== CARRIAGE_RETURN);
  return first !== -1 && body[first] === 0x5b;
}

/**
 * Lines of an NDJSON body, or elements of a JSON array body, counted before any is parsed and
 * only up to `stopAfter` (so counting a huge body stays cheap). A malformed array counts as 1.
 */
export function countBodyLines(body: Buffer, stopAfter: number): number {
  let count = 0;
  if (isJsonArray(body)) {
    try {
      for (const element of jsonArrayElements(body)) {
        void element;
        if (++count > stopAfter) break;
      }
    } catch {
      return 1;
    }
    return count;
  }
  for (let at = 0; at < body.length && count <= stopAfter; at += 1) if (body[at] === NEWLINE) count += 1;
  return body.length > 0 && body[body.length - 1] !== NEWLINE ? count + 1 : count;
}

/** Chooses the parser: a body whose first non-blank byte is `[` is a JSON array. */
export function parseIngestBody(body: Buffer, limits: LineLimits, out: ParsedLines): void {
  if (!isJsonArray(body)) return parseNdjson(body, limits, out);
  try {
    // The array's brackets are checked whole first: a malformed array is refused as one line.
    for (const element of jsonArrayElements(body)) void element;
  } catch (error) {
    if (!(error instanceof JsonArrayError)) throw error;
    out.rejections.add({ line: 1, code: 'invalid_json', reason: `invalid JSON: ${error.message}`, raw: body.subarray(0, 4096).toString('utf8') });
    return;
  }
  parseJsonArray(body, limits, out);
}

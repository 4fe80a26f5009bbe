/**
 * Finds the elements of a JSON array body without parsing it whole, so that each element is
 * parsed (and refused) on its own, like an NDJSON line, and a body of millions of tiny elements
 * costs no more memory than its bytes (JSON.parse of a 16 MiB `[{},{},…]` takes ~500 MB). Only
 * the array's own brackets and commas are checked here; JSON.parse checks each element.
 */

/** Byte offsets of one element: `body.subarray(start, end)`. */
export interface ElementSpan {
  readonly start: number;
  readonly end: number;
}

export class JsonArrayError extends Error {
  override readonly name = 'JsonArrayError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function skipSpace(body: Buffer, from: number): number {
  let at = from;
  while (at < body.length && isSpace(body[at])) at += 1;
  return at;
}

/** Yields each element's span; throws JsonArrayError when the array itself is malformed. */
export function* jsonArrayElements(body: Buffer): Generator<ElementSpan, void, void> {
  let at = skipSpace(body, 0);
  if (body[at] !== 0x5b) throw new JsonArrayError('the body is not a JSON array');
  at = skipSpace(body, at + 1);
  if (body[at] === CLOSE_ARRAY) return expectEnd(body, at + 1);
  for (let index = 1; ; index += 1) {
    const start = at;
    const end = elementEnd(body, start);
    if (end >= body.length) throw new JsonArrayError('the array is not closed');
    let last = end;
    while (last > start && isSpace(body[last - 1])) last -= 1;
    if (last === start) throw new JsonArrayError(`element ${index} is empty`);
    yield { start, end: last };
    if (body[end] === CLOSE_ARRAY) return expectEnd(body, end + 1);
    at = skipSpace(body, end + 1);
  }
}

/** Where the element starting at `from` ends: the offset of the comma or bracket after it. */
function elementEnd(body: Buffer, from: number): number {
  let depth = 0;
  let at = from;
  for (; at < body.length; at += 1) {
    const byte = body[at];
    if (byte === QUOTE) at = stringEnd(body, at + 1);
    else if (OPEN.has(byte)) depth += 1;
    else if ((byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) && depth > 0) depth -= 1;
    else if (depth === 0 && (byte === COMMA || byte === CLOSE_ARRAY)) return at;
  }
  return at;
}

/** The offset of the quote closing a string whose content starts at `from`. */
function stringEnd(body: Buffer, from: number): number {
  let at = from;
  while (at < body.length && body[at] !== QUOTE) at += body[at] === BACKSLASH ? 2 : 1;
  return at;
}

function expectEnd(body: Buffer, from: number): void {
  if (skipSpace(body, from) < body.length) throw new JsonArrayError('unexpected text after the array');
}

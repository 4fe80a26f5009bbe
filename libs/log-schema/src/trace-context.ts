/**
 * W3C trace-context ids as the wire, the table and the query parameters spell them: a trace id is
 * 32 hexadecimal digits, a span id 16, stored in lower case. An all-zero id is W3C's "invalid"
 * id, which OpenTelemetry SDKs send for a record made outside any span: it names no trace.
 */

export const TRACE_ID_DIGITS = 32;
export const SPAN_ID_DIGITS = 16;

const HEX = /^[0-9A-Fa-f]+$/;
const ALL_ZERO = /^0+$/;

/**
 * The id in lower case; '' for an empty or all-zero id; undefined when `text` is not `digits`
 * hexadecimal digits.
 */
export function canonicalTraceHex(text: string, digits: number): string | undefined {
  if (text === '') return '';
  if (text.length !== digits || !HEX.test(text)) return undefined;
  return ALL_ZERO.test(text) ? '' : text.toLowerCase();
}

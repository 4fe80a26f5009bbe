import { parseApacheError } from './apache';
import { parseGeneric } from './generic';
import { parseCompactLog4j, parseLog4j } from './log4j';
import type { LineParser, ParsedLine } from './parsed-line';
import { parseRfc3164, parseRfc3339Syslog, parseRfc5424 } from './syslog';

/**
 * Formats tried in order, the most specific first: log4j comes before the RFC 3339 syslog
 * layout, which would otherwise read a log4j level as a host name.
 */
const FORMATS = [
  ['syslog-rfc5424', parseRfc5424],
  ['syslog-rfc3164', parseRfc3164],
  ['log4j', parseLog4j],
  ['log4j-compact', parseCompactLog4j],
  ['syslog-rfc3339', parseRfc3339Syslog],
  ['apache-error', parseApacheError],
] as const satisfies readonly (readonly [string, LineParser])[];

export type FormatName = (typeof FORMATS)[number][0] | 'generic';

/** Reads a log line in the first format that fits it, falling back to the generic reading. */
export function parseLogLine(line: string, nowMs: number): ParsedLine & { format: FormatName } {
  for (const [format, parse] of FORMATS) {
    const parsed = parse(line, nowMs);
    if (parsed) return { ...parsed, format };
  }
  return { ...parseGeneric(line, nowMs), format: 'generic' };
}

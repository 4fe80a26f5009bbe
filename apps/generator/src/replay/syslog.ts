/**
 * Syslog as files hold it: RFC 3164 (`Mmm dd hh:mm:ss host tag[pid]: msg`, no year), RFC 5424
 * (`<PRI>1 timestamp host app procid msgid [sd] msg`), and the RFC 3164 layout with an RFC 3339
 * timestamp that rsyslog writes with its high-precision file format.
 */
import { findLevelWord, levelOfPriority } from './level-words';
import { monthIndex, parseDateTime, timeWithoutYear } from './calendar';
import type { LineParser, ParsedLine } from './parsed-line';

const RFC3164 = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\S+) (.*)$/;
const RFC3339_SYSLOG = /^(?:<(\d{1,3})>)?(\d{4}-\d{2}-\d{2}T\S+) (\S+) (.*)$/;
const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (.*)$/;
/** `tag[pid]: message` or `tag: message`; a tag may hold parentheses, as `sshd(pam_unix)`. */
const TAG = /^([^\s[:]+)(?:\[([^\]]*)\])?: ?(.*)$/;

export const parseRfc3164: LineParser = (line, nowMs) => {
  const m = RFC3164.exec(line);
  const month = m ? monthIndex(m[2]) : undefined;
  if (!m || month === undefined) return undefined;
  const [day, hour, minute, second] = m.slice(3, 7).map(Number);
  const timestampMs = timeWithoutYear({ month, day, hour, minute, second }, nowMs);
  return timestampMs === undefined ? undefined : withTag(timestampMs, m[1], m[7], m[8]);
};

export const parseRfc3339Syslog: LineParser = (line) => {
  const m = RFC3339_SYSLOG.exec(line);
  const timestampMs = m ? parseDateTime(m[2]) : undefined;
  return m && timestampMs !== undefined ? withTag(timestampMs, m[1], m[3], m[4]) : undefined;
};

export const parseRfc5424: LineParser = (line) => {
  const m = RFC5424.exec(line);
  const timestampMs = m ? parseDateTime(m[2]) : undefined;
  const level = m ? levelOfPriority(Number(m[1])) : undefined;
  if (!m || timestampMs === undefined || !level) return undefined;
  const split = splitStructuredData(m[7]);
  if (!split) return undefined;
  const attributes: Record<string, string> = {};
  const fields = { app: m[4], pid: m[5], msgid: m[6], structured_data: split.data };
  for (const [name, value] of Object.entries(fields)) if (value !== '-') attributes[name] = value;
  return {
    timestampMs,
    level,
    // RFC 5424 allows a UTF-8 byte order mark before the message.
    message: split.message.replace(/^\uFEFF/, ''),
    host: m[3] === '-' ? undefined : m[3],
    attributes,
  };
};

function withTag(timestampMs: number, priority: string | undefined, host: string, rest: string): ParsedLine {
  const tag = TAG.exec(rest);
  const message = tag ? tag[3] : rest;
  const attributes: Record<string, string> = {};
  if (tag) attributes.process = tag[1];
  if (tag?.[2]) attributes.pid = tag[2];
  const level = (priority === undefined ? undefined : levelOfPriority(Number(priority))) ?? findLevelWord(message);
  return { timestampMs, level: level ?? 'INFO', message, host, attributes };
}

/** Splits `-` or `[id k="v"]...` (where `\]` inside a value is escaped) from the message. */
function splitStructuredData(text: string): { data: string; message: string } | undefined {
  if (text.startsWith('-')) return { data: '-', message: text.slice(2) };
  let index = 0;
  while (text[index] === '[') {
    index += 1;
    let inQuotes = false;
    while (index < text.length && (inQuotes || text[index] !== ']')) {
      if (text[index] === '\\') index += 1;
      else if (text[index] === '"') inQuotes = !inQuotes;
      index += 1;
    }
    if (index >= text.length) return undefined;
    index += 1;
  }
  return index === 0 ? undefined : { data: text.slice(0, index), message: text.slice(index + 1) };
}

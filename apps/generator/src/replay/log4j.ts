/**
 * Java logging layouts: log4j/logback (`2015-10-18 18:01:47,978 INFO [thread] logger: msg`,
 * `... - INFO  [thread] - msg`, `... [thread] INFO logger - msg`) and the compact log4j layout
 * Hadoop HDFS writes (`081109 203615 148 INFO dfs.DataNode: msg`).
 */
import { toLogLevel } from '@logline/log-schema';
import { localTime, parseDateTime } from './calendar';
import type { LineParser, ParsedLine } from './parsed-line';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)\s+(?:-\s+)?/;
const COMPACT = /^(\d{2})(\d{2})(\d{2}) (\d{2})(\d{2})(\d{2}) (\d+) ([A-Z]+) (.*)$/;
const LEVEL = /^(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b\s*/;
/** `org.example.Class: msg`, `Class@123: msg` or `org.example.Class - msg`. */
const LOGGER = /^([\w.$]+(?:@\d+)?)(?::\s|\s+-\s)(.*)$/;

export const parseLog4j: LineParser = (line) => {
  const stamp = TIMESTAMP.exec(line);
  const timestampMs = stamp ? parseDateTime(stamp[1]) : undefined;
  if (!stamp || timestampMs === undefined) return undefined;
  let rest = line.slice(stamp[0].length);
  const attributes: Record<string, string> = {};
  const before = readBracketed(rest);
  if (before) [attributes.thread, rest] = before;
  const level = LEVEL.exec(rest);
  if (!level) return undefined;
  rest = rest.slice(level[0].length);
  const after = before ? undefined : readBracketed(rest);
  if (after) [attributes.thread, rest] = after;
  return withLogger(timestampMs, level[1], rest.replace(/^-\s+/, ''), attributes);
};

export const parseCompactLog4j: LineParser = (line) => {
  const m = COMPACT.exec(line);
  if (!m || !toLogLevel(m[8])) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const timestampMs = localTime({ year: 2000 + year, month: month - 1, day, hour, minute, second });
  return timestampMs === undefined ? undefined : withLogger(timestampMs, m[8], m[9], { pid: m[7] });
};

function withLogger(timestampMs: number, levelWord: string, rest: string, attributes: Record<string, string>): ParsedLine {
  const logger = LOGGER.exec(rest);
  if (logger) attributes.logger = logger[1];
  return {
    timestampMs,
    level: toLogLevel(levelWord) ?? 'INFO',
    message: logger ? logger[2] : rest,
    attributes,
  };
}

/** `[thread name]` at the start of the text, brackets nested inside it allowed, and the rest. */
function readBracketed(text: string): [string, string] | undefined {
  if (!text.startsWith('[')) return undefined;
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '[') depth += 1;
    else if (text[index] === ']') depth -= 1;
    if (depth === 0) return [text.slice(1, index), text.slice(index + 1).trimStart()];
  }
  return undefined;
}

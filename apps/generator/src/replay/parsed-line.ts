import type { LogLevel } from '@logline/log-schema';

/** What a format parser read from one log line. */
export interface ParsedLine {
  /** Epoch milliseconds. */
  timestampMs: number;
  level: LogLevel;
  /** The line's message part, without the timestamp, level and other prefixes. */
  message: string;
  host?: string;
  /** Fields the format names (process, pid, thread, logger...), as strings. */
  attributes: Record<string, string>;
}

/** Reads one line of a format, or answers undefined when the line is not in that format. */
export type LineParser = (line: string, nowMs: number) => ParsedLine | undefined;

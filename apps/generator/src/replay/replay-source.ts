/**
 * Replays a real log file: each non-blank line becomes one event, in file order, with the lines
 * that continue it (a Java stack trace, a Python traceback) joined to it, so one exception is one
 * event.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS, LIMITS } from '@logline/log-schema';
import { MultilineJoiner } from '@logline/processing-rules';
import type { EventDraft, EventSource } from '../event-source';
import { parseLogLine } from './detect-format';

export interface ReplayOptions {
  file: string;
  /** The `source` every replayed event carries. */
  source: string;
  clock: () => number;
  /** Move every timestamp by the same amount so the newest line is now. */
  shiftToNow: boolean;
}

export function createReplaySource({ file, source, clock, shiftToNow }: ReplayOptions): EventSource {
  let shiftMs: Promise<number> | undefined;
  const eventTexts = readEventTexts(file);
  return {
    take: async (count) => {
      shiftMs ??= shiftToNow ? newestEventMs(file, clock()).then((newest) => clock() - newest) : Promise.resolve(0);
      const shift = await shiftMs;
      const events: EventDraft[] = [];
      while (events.length < count) {
        const next = await eventTexts.next();
        if (next.done) break;
        events.push(shifted(toEvent(next.value, source, clock()), shift));
      }
      return events;
    },
    close: async () => {
      await eventTexts.return(undefined);
    },
  };
}

/**
 * The texts of the file's events, in order: its non-blank lines, each with the lines that
 * continue it. A file being read is never quiet, so an event ends at the next line that starts
 * one, or at the end of the file, not after a pause. The file is opened on the first read.
 */
async function* readEventTexts(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: 'utf8' });
  // crlfDelay: a CR LF pair is one line end, as in the CRLF files Windows and loghub produce.
  const reader = createInterface({ input, crlfDelay: Infinity });
  const joiner = new MultilineJoiner<undefined>();
  try {
    for await (const line of reader) {
      for (const event of joiner.push(file, line, undefined, 0)) yield event.text;
    }
    for (const event of joiner.endAll()) yield event.text;
  } finally {
    reader.close();
    input.destroy();
  }
}

/** A first pass over the file: the newest timestamp its events carry. */
async function newestEventMs(file: string, nowMs: number): Promise<number> {
  let newest = Number.NEGATIVE_INFINITY;
  for await (const text of readEventTexts(file)) newest = Math.max(newest, Date.parse(toEvent(text, '-', nowMs).timestamp));
  return Number.isFinite(newest) ? newest : nowMs;
}

/** The event moved in time, its original time kept as `attributes.original_timestamp`. */
function shifted(event: EventDraft, shiftMs: number): EventDraft {
  if (shiftMs === 0) return event;
  const timestamp = new Date(Date.parse(event.timestamp) + shiftMs).toISOString();
  return { ...event, timestamp, attributes: { ...event.attributes, original_timestamp: event.timestamp } };
}

/**
 * The event of one line and the lines that continue it: the first line's message part, then the
 * other lines, as `message`; the text as written kept as `attributes.raw`.
 */
export function toEvent(text: string, source: string, nowMs: number): EventDraft {
  const newline = text.indexOf('\n');
  const parsed = parseLogLine(newline === -1 ? text : text.slice(0, newline), nowMs);
  const message = newline === -1 ? parsed.message : parsed.message + text.slice(newline);
  const inRange = parsed.timestampMs >= EARLIEST_TIMESTAMP_MS && parsed.timestampMs <= LATEST_TIMESTAMP_MS;
  const event: EventDraft = {
    timestamp: new Date(inRange ? parsed.timestampMs : nowMs).toISOString(),
    log_level: parsed.level,
    message: truncateUtf8(message, LIMITS.messageBytes),
    source,
    attributes: { ...parsed.attributes, format: parsed.format, raw: truncateUtf8(text, LIMITS.attributeValueBytes) },
  };
  if (parsed.host) event.host = parsed.host;
  return event;
}

/** Cuts text to at most `maxBytes` of UTF-8, never inside a character, so the api accepts it. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // 0b10xxxxxx bytes continue a character: step back to the start of the one cut through.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}

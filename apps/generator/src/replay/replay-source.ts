/** Replays a real log file: each non-blank line becomes one event, in file order. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS, LIMITS } from '@logline/log-schema';
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
  const input = createReadStream(file, { encoding: 'utf8' });
  // crlfDelay: a CR LF pair is one line end, as in the CRLF files Windows and loghub produce.
  const reader = createInterface({ input, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  return {
    take: async (count) => {
      shiftMs ??= shiftToNow ? newestLineMs(file, clock()).then((newest) => clock() - newest) : Promise.resolve(0);
      const shift = await shiftMs;
      const events: EventDraft[] = [];
      while (events.length < count) {
        const next = await lines.next();
        if (next.done) break;
        if (next.value.trim() !== '') events.push(shifted(toEvent(next.value, source, clock()), shift));
      }
      return events;
    },
    close: async () => {
      reader.close();
      input.destroy();
    },
  };
}

/** A first pass over the file: the newest timestamp its lines carry. */
async function newestLineMs(file: string, nowMs: number): Promise<number> {
  const reader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let newest = Number.NEGATIVE_INFINITY;
  for await (const line of reader) {
    if (line.trim() !== '') newest = Math.max(newest, Date.parse(toEvent(line, '-', nowMs).timestamp));
  }
  return Number.isFinite(newest) ? newest : nowMs;
}

/** The event moved in time, its original time kept as `attributes.original_timestamp`. */
function shifted(event: EventDraft, shiftMs: number): EventDraft {
  if (shiftMs === 0) return event;
  const timestamp = new Date(Date.parse(event.timestamp) + shiftMs).toISOString();
  return { ...event, timestamp, attributes: { ...event.attributes, original_timestamp: event.timestamp } };
}

/** The event of one line: its message part as `message`, the whole line kept as `attributes.raw`. */
export function toEvent(line: string, source: string, nowMs: number): EventDraft {
  const parsed = parseLogLine(line, nowMs);
  const inRange = parsed.timestampMs >= EARLIEST_TIMESTAMP_MS && parsed.timestampMs <= LATEST_TIMESTAMP_MS;
  const event: EventDraft = {
    timestamp: new Date(inRange ? parsed.timestampMs : nowMs).toISOString(),
    log_level: parsed.level,
    message: truncateUtf8(parsed.message, LIMITS.messageBytes),
    source,
    attributes: { ...parsed.attributes, format: parsed.format, raw: truncateUtf8(line, LIMITS.attributeValueBytes) },
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

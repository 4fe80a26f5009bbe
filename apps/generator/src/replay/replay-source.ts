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
}

export function createReplaySource({ file, source, clock }: ReplayOptions): EventSource {
  const input = createReadStream(file, { encoding: 'utf8' });
  // crlfDelay: a CR LF pair is one line end, as in the CRLF files Windows and loghub produce.
  const reader = createInterface({ input, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  return {
    take: async (count) => {
      const events: EventDraft[] = [];
      while (events.length < count) {
        const next = await lines.next();
        if (next.done) break;
        if (next.value.trim() !== '') events.push(toEvent(next.value, source, clock()));
      }
      return events;
    },
    close: async () => {
      reader.close();
      input.destroy();
    },
  };
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

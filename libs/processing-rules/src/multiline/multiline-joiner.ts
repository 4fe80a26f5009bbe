/**
 * Joins the lines of one event that spans several (a stack trace) into one event, per stream (a
 * connection, a syslog sender, a replayed file). A line that does not continue the event before
 * it (see continuation.ts) completes that event and starts the next. An event is also completed
 * when its stream has been quiet for `flushMs`, when it would pass `maxLines` or `maxBytes` (the
 * line then starts a new event, so nothing is lost), and when its stream ends.
 *
 * Pure: time comes in as arguments; the caller runs a timer that calls flushIdle.
 */
import { LIMITS } from '@logline/log-schema';
import { judgeLine, type TracebackState } from './continuation';

export interface MultilineOptions {
  /** Complete an event when its stream has sent nothing for this long. Default 1000 ms. */
  flushMs: number;
  /** Most lines in one event. Default 500. */
  maxLines: number;
  /** Most UTF-8 bytes of one event's text, newlines included. Default: the message limit, 64 KiB. */
  maxBytes: number;
}

export interface JoinedEvent<T> {
  stream: string;
  /** What came with the event's first line (e.g. its syslog header). */
  first: T;
  /** The lines joined with `\n`. */
  text: string;
  lines: number;
}

interface PendingEvent<T> {
  first: T;
  lines: string[];
  bytes: number;
  /** Blank lines seen since the last line; kept only if a continuation follows them. */
  blanks: number;
  traceback: TracebackState;
  lastMs: number;
}

const DEFAULTS: MultilineOptions = { flushMs: 1000, maxLines: 500, maxBytes: LIMITS.messageBytes };

export class MultilineJoiner<T> {
  private readonly options: MultilineOptions;
  private readonly pending = new Map<string, PendingEvent<T>>();

  constructor(options: Partial<MultilineOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Streams with an event waiting for more lines. */
  get pendingStreams(): number {
    return this.pending.size;
  }

  /** Takes the next line of a stream; returns the events it completed (none, or the one before it). */
  push(stream: string, text: string, item: T, nowMs: number): Array<JoinedEvent<T>> {
    const event = this.pending.get(stream);
    if (text.trim() === '') {
      if (event) event.blanks += 1;
      return [];
    }
    if (event) {
      const verdict = judgeLine(text, event.traceback);
      if (verdict.continues && this.fits(event, text)) {
        for (; event.blanks > 0; event.blanks -= 1) this.append(event, '');
        this.append(event, text);
        event.traceback = verdict.traceback;
        event.lastMs = nowMs;
        return [];
      }
    }
    this.pending.set(stream, { first: item, lines: [text], bytes: Buffer.byteLength(text), blanks: 0, traceback: judgeLine(text, 'none').traceback, lastMs: nowMs });
    return event ? [completed(stream, event)] : [];
  }

  /** The events of streams that have been quiet for flushMs by `nowMs`. */
  flushIdle(nowMs: number): Array<JoinedEvent<T>> {
    const done: Array<JoinedEvent<T>> = [];
    for (const [stream, event] of this.pending) {
      if (nowMs - event.lastMs < this.options.flushMs) continue;
      this.pending.delete(stream);
      done.push(completed(stream, event));
    }
    return done;
  }

  /** A stream ended (connection closed, file read to its end): its waiting event, if any. */
  end(stream: string): Array<JoinedEvent<T>> {
    const event = this.pending.get(stream);
    if (!event) return [];
    this.pending.delete(stream);
    return [completed(stream, event)];
  }

  /** Every waiting event (at shutdown). */
  endAll(): Array<JoinedEvent<T>> {
    return [...this.pending.keys()].flatMap((stream) => this.end(stream));
  }

  /** True when the line (and the blank lines before it) still fit the event's bounds. */
  private fits(event: PendingEvent<T>, text: string): boolean {
    const lines = event.lines.length + event.blanks + 1;
    const bytes = event.bytes + event.blanks + 1 + Buffer.byteLength(text);
    return lines <= this.options.maxLines && bytes <= this.options.maxBytes;
  }

  private append(event: PendingEvent<T>, text: string): void {
    event.lines.push(text);
    event.bytes += 1 + Buffer.byteLength(text);
  }
}

function completed<T>(stream: string, event: PendingEvent<T>): JoinedEvent<T> {
  return { stream, first: event.first, text: event.lines.join('\n'), lines: event.lines.length };
}

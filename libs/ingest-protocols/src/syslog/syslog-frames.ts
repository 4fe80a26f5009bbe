/**
 * Splits a syslog TCP stream into messages (RFC 6587): octet counting (`LENGTH SP MESSAGE`) when a
 * frame starts with a digit, else newline framing (a message per line, as `logger` and
 * most shippers without octet counting send). Frames over `maxBytes` are skipped and reported, and
 * reading goes on after them.
 */

export type SyslogFrame = { message: Buffer } | { tooLarge: number; head: Buffer };

const NEWLINE = 0x0a;
const SPACE = 0x20;
const CARRIAGE_RETURN = 0x0d;
/** Digits of a length prefix at most (lengths up to 999,999,999 bytes). */
const MAX_LENGTH_DIGITS = 9;

export class SyslogFrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of an oversized octet-counted frame still to skip. */
  private skipBytes = 0;
  /** Skipping the rest of an oversized line. */
  private skipLine = false;

  constructor(private readonly maxBytes: number) {}

  /** The messages completed by `chunk`. */
  push(chunk: Buffer): SyslogFrame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: SyslogFrame[] = [];
    while (this.buffer.length > 0) {
      if (this.skipBytes > 0 || this.skipLine) {
        if (!this.skip()) break;
        continue;
      }
      const frame = this.nextFrame();
      if (frame === undefined) break;
      if (frame !== null) frames.push(frame);
    }
    return frames;
  }

  /** What is left when the stream ends: a last line without its newline. */
  end(): SyslogFrame[] {
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    if (this.skipBytes > 0 || this.skipLine || rest.length === 0) return [];
    const message = trimLineEnd(rest);
    return message.length > 0 ? [{ message }] : [];
  }

  /** Skips what an oversized frame has left; false when the buffer ran out first. */
  private skip(): boolean {
    if (this.skipBytes > 0) {
      const skipped = Math.min(this.skipBytes, this.buffer.length);
      this.skipBytes -= skipped;
      this.buffer = this.buffer.subarray(skipped);
      return this.skipBytes === 0;
    }
    const newline = this.buffer.indexOf(NEWLINE);
    if (newline === -1) {
      this.buffer = Buffer.alloc(0);
      return false;
    }
    this.skipLine = false;
    this.buffer = this.buffer.subarray(newline + 1);
    return true;
  }

  /** The next frame; null for a blank line; undefined when more bytes are needed. */
  private nextFrame(): SyslogFrame | null | undefined {
    const first = this.buffer[0];
    if (first >= 0x30 && first <= 0x39) return this.octetCounted();
    const newline = this.buffer.indexOf(NEWLINE);
    if (newline === -1) {
      if (this.buffer.length > this.maxBytes) return this.oversizedLine();
      return undefined;
    }
    const line = this.buffer.subarray(0, newline);
    this.buffer = this.buffer.subarray(newline + 1);
    if (line.length > this.maxBytes) return { tooLarge: line.length, head: line.subarray(0, 4096) };
    const message = trimLineEnd(line);
    return message.length > 0 ? { message } : null;
  }

  private octetCounted(): SyslogFrame | null | undefined {
    const space = this.buffer.indexOf(SPACE);
    if (space === -1 || space > MAX_LENGTH_DIGITS) {
      // Not a length prefix (or not yet all of it): read the frame as a line.
      return space === -1 && this.buffer.length <= MAX_LENGTH_DIGITS ? undefined : this.asLine();
    }
    const digits = this.buffer.subarray(0, space).toString('latin1');
    if (!/^\d+$/.test(digits)) return this.asLine();
    const length = Number(digits);
    const start = space + 1;
    if (length > this.maxBytes) {
      const head = this.buffer.subarray(start, start + 4096);
      this.buffer = this.buffer.subarray(start);
      this.skipBytes = length;
      return { tooLarge: length, head: Buffer.from(head) };
    }
    if (this.buffer.length < start + length) return undefined;
    const message = this.buffer.subarray(start, start + length);
    this.buffer = this.buffer.subarray(start + length);
    return { message };
  }

  private asLine(): SyslogFrame | null | undefined {
    const newline = this.buffer.indexOf(NEWLINE);
    if (newline === -1) return this.buffer.length > this.maxBytes ? this.oversizedLine() : undefined;
    const line = trimLineEnd(this.buffer.subarray(0, newline));
    this.buffer = this.buffer.subarray(newline + 1);
    return line.length > this.maxBytes ? { tooLarge: line.length, head: line.subarray(0, 4096) } : { message: line };
  }

  private oversizedLine(): SyslogFrame {
    const head = Buffer.from(this.buffer.subarray(0, 4096));
    const length = this.buffer.length;
    this.buffer = Buffer.alloc(0);
    this.skipLine = true;
    return { tooLarge: length, head };
  }
}

function trimLineEnd(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}

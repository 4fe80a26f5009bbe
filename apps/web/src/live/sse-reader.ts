/**
 * Reads a text/event-stream incrementally: feed it chunks as they arrive and it hands back each
 * complete event (id, event name, data) and each comment. Follows the WHATWG parsing rules for
 * the fields the api sends; a partial event waits for the rest of its lines.
 */
export interface SseMessage {
  readonly kind: 'event';
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

export interface SseComment {
  readonly kind: 'comment';
  readonly text: string;
}

export class SseReader {
  private buffer = '';
  private id: string | undefined;
  private event = '';
  private data: string[] = [];

  /** Parses `chunk` (after whatever came before) and returns the events it completed. */
  push(chunk: string): (SseMessage | SseComment)[] {
    this.buffer += chunk;
    const out: (SseMessage | SseComment)[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (width === 1 && this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + width);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | SseComment | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return { kind: 'comment', text: line.slice(1).trimStart() };
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const data = this.data;
    const event = this.event || 'message';
    this.data = [];
    this.event = '';
    if (data.length === 0) return undefined;
    return { kind: 'event', id: this.id, event, data: data.join('\n') };
  }
}

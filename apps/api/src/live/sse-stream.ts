/**
 * Writes server-sent events to one client, within a memory bound: catch-up waits for the client
 * to drain before the next page (write() returning false), and live batches, which a shared
 * poller cannot wait for, are cut off when more than `maxBufferedBytes` wait to be sent: the
 * client then reconnects with its Last-Event-ID and catches up, bounded.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class SseStream {
  constructor(
    private readonly out: Writable,
    private readonly maxBufferedBytes: number,
    /** Called once when the client fell too far behind; it should end the stream. */
    private readonly onTooSlow: () => void,
  ) {}

  /** Writes without waiting; a client that lets too much pile up is cut off. */
  push(text: string): void {
    if (this.out.destroyed || this.out.writableEnded) return;
    this.out.write(text);
    if (this.out.writableLength > this.maxBufferedBytes) this.onTooSlow();
  }

  /** Writes, then waits until the client has taken it (or has gone). */
  async write(text: string): Promise<void> {
    if (this.out.destroyed || this.out.writableEnded) return;
    if (this.out.write(text)) return;
    // The listener that loses the race is removed, so long catch-ups add none.
    const settled = new AbortController();
    try {
      await Promise.race([once(this.out, 'drain', { signal: settled.signal }), once(this.out, 'close', { signal: settled.signal })]);
    } finally {
      settled.abort();
    }
  }
}

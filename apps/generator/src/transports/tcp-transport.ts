/**
 * Newline-delimited JSON over TCP. The socket's backpressure paces the producer. Connections
 * are ended cleanly about once a second and replaced, since a clean close is the only
 * acknowledgement TCP gives; batches on a connection that fails are written again on a new
 * one (same seq, so the target can drop duplicates) until their retry deadline.
 */
import { type Batch, batchBody, describeBatch } from '../batch';
import { pause } from '../pause';
import { backoffDelayMs } from '../retry';
import { TcpConnection } from './tcp-connection';
import {
  type BatchOutcome,
  type Delivery,
  type Transport,
  type TransportContext,
  acknowledged,
  unacknowledged,
} from './transport';

/** How long one connection carries batches before it is closed to acknowledge them. */
const ROTATE_AFTER_MS = 1_000;

export interface TcpTransportOptions extends TransportContext {
  host: string;
  port: number;
}

interface Entry {
  batch: Batch;
  deadline: number;
  settle: (outcome: BatchOutcome) => void;
}

interface OpenConnection {
  /** Batches written to it, in order. */
  entries: Entry[];
  /** Settles once the connection has closed and its batches were dealt with. */
  settled: Promise<void>;
}

export function createTcpTransport(options: TcpTransportOptions): Transport {
  return new TcpTransport(options);
}

class TcpTransport implements Transport {
  private current?: TcpConnection;
  /** Batches to write, oldest first: new ones, and those of a connection that failed. */
  private readonly queue: Entry[] = [];
  private readonly open = new Map<TcpConnection, OpenConnection>();
  /** Connections in a row that failed, to back off before the next attempt. */
  private failures = 0;

  constructor(private readonly options: TcpTransportOptions) {
    const destroyAll = (): void => this.open.forEach((_, connection) => connection.destroy());
    options.abandon.addEventListener('abort', destroyAll, { once: true });
  }

  private get address(): string {
    return `tcp://${this.options.host}:${this.options.port}`;
  }

  async send(batch: Batch): Promise<Delivery> {
    const settled = new Promise<BatchOutcome>((settle) => {
      this.queue.push({ batch, deadline: Date.now() + this.options.retryDeadlineMs, settle });
    });
    await this.writeQueued();
    if (this.current && Date.now() - this.current.openedAt >= ROTATE_AFTER_MS) this.retire(this.current);
    return { settled };
  }

  async close(): Promise<void> {
    for (;;) {
      await this.writeQueued();
      if (this.current) this.retire(this.current);
      if (this.open.size === 0 && this.queue.length === 0) return;
      await Promise.race([...this.open.values()].map((open) => open.settled));
    }
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const entry = this.queue[0];
      const expired = Date.now() > entry.deadline;
      if (this.options.abandon.aborted || expired) {
        if (expired) this.options.warn(`gave up on ${describeBatch(entry.batch)} at the retry deadline`);
        this.queue.shift();
        entry.settle(unacknowledged(entry.batch));
        continue;
      }
      const connection = await this.connection(entry.deadline);
      if (!connection) continue;
      this.queue.shift();
      this.open.get(connection)?.entries.push(entry);
      await connection.write(batchBody(entry.batch));
    }
  }

  /**
   * The connection to write to, opened if need be, after a backoff wait (cut short at
   * `deadlineMs`) when the last ones failed; undefined when this attempt failed too.
   */
  private async connection(deadlineMs: number): Promise<TcpConnection | undefined> {
    if (this.current?.writable) return this.current;
    this.current = undefined;
    if (this.failures > 0) {
      const wait = Math.min(backoffDelayMs(this.failures - 1), Math.max(0, deadlineMs - Date.now()));
      if (!(await pause(wait, this.options.abandon))) return undefined;
    }
    try {
      const connection = await TcpConnection.open(this.options.host, this.options.port, this.options.abandon);
      // A secured api reads the token from the first line of every connection.
      if (this.options.token) await connection.write(`${JSON.stringify({ token: this.options.token })}\n`);
      const entries: Entry[] = [];
      const settled = connection.closed.then((clean) => this.settleConnection(connection, entries, clean));
      this.open.set(connection, { entries, settled });
      this.current = connection;
      return connection;
    } catch (error) {
      this.failures += 1;
      if (this.failures === 1) this.options.warn(`cannot connect to ${this.address}: ${String(error)}`);
      return undefined;
    }
  }

  private settleConnection(connection: TcpConnection, entries: Entry[], clean: boolean): void {
    this.open.delete(connection);
    if (this.current === connection) this.current = undefined;
    if (clean || this.options.abandon.aborted) {
      if (clean) this.failures = 0;
      entries.forEach((entry) => entry.settle(clean ? acknowledged(entry.batch) : unacknowledged(entry.batch)));
      return;
    }
    this.failures += 1;
    if (entries.length > 0) {
      this.options.warn(`connection to ${this.address} failed; writing ${entries.length} batches again`);
    }
    // Back to the front of the queue, in their original order.
    entries.forEach(() => this.options.onRetry?.());
    this.queue.unshift(...entries);
  }

  private retire(connection: TcpConnection): void {
    if (this.current === connection) this.current = undefined;
    void connection.end();
  }
}

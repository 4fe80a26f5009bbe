/**
 * Group commit for inserts: requests hand over rows and wait; rows from many
 * requests are written together, one insert at a time, when `maxRows` are waiting or `flushMs`
 * after the first of them arrived. A request's promise settles only when its rows are stored (or
 * the insert failed), so an acknowledgement always means the rows are visible to queries.
 * The buffer is bounded: past `maxPendingRows`, new rows are refused with BufferFullError.
 */
import { BufferFullError, InserterClosedError } from '../errors';

export interface BatchInserterOptions {
  /**
   * Most rows in one insert. Default 20 000: into the migrated table an insert costs ~30% less per
   * row than at 10 000 (little is gained beyond), while the part of it that blocks the event loop
   * (the engine call copies the batch text synchronously, ~2 ms per 1000 rows) stays near 40 ms.
   */
  maxRows?: number;
  /** Longest a row waits for companions before its insert starts, ms. Default 50. */
  flushMs?: number;
  /** Most rows waiting for storage before new ones are refused. Default 200 000. */
  maxPendingRows?: number;
}

/** Writes one batch of rows; resolves when they are stored. */
export type WriteBatch<T> = (rows: readonly T[]) => Promise<void>;

interface PendingRequest<T> {
  rows: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchInserter<T> {
  private readonly maxRows: number;
  private readonly flushMs: number;
  private readonly maxPendingRows: number;
  private queue: PendingRequest<T>[] = [];
  private queuedRows = 0;
  private inFlightRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private writeStartedMs: number | undefined;
  private closed = false;

  constructor(
    private readonly writeBatch: WriteBatch<T>,
    options: BatchInserterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 20_000;
    this.flushMs = options.flushMs ?? 50;
    this.maxPendingRows = options.maxPendingRows ?? 200_000;
  }

  /** Rows accepted but not yet stored. */
  get pendingRows(): number {
    return this.queuedRows + this.inFlightRows;
  }

  /** When the insert now running started (epoch ms), or undefined when none runs. */
  get inFlightSinceMs(): number | undefined {
    return this.writeStartedMs;
  }

  /** True while the buffer can take `rows` more without refusing. */
  hasRoomFor(rows: number): boolean {
    return this.pendingRows === 0 || this.pendingRows + rows <= this.maxPendingRows;
  }

  /** Queues rows for storage; resolves once they are stored. */
  insert(rows: readonly T[]): Promise<void> {
    if (this.closed) return Promise.reject(new InserterClosedError());
    if (rows.length === 0) return Promise.resolve();
    if (!this.hasRoomFor(rows.length)) {
      return Promise.reject(new BufferFullError(this.pendingRows, 1));
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      this.schedule();
    });
  }

  /** Stores everything queued, then refuses new rows. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing || this.queue.length > 0) {
      await (this.writing ?? this.writeNext());
    }
  }

  private schedule(): void {
    if (this.writing) return;
    if (this.queuedRows >= this.maxRows) {
      void this.writeNext();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.writeNext(), this.flushMs);
    }
  }

  private writeNext(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.queue.length === 0) return this.writing ?? Promise.resolve();
    const batch = this.takeBatch();
    const rows = batch.flatMap((request) => request.rows);
    this.inFlightRows = rows.length;
    this.writeStartedMs = Date.now();
    const settle = (outcome: () => void): void => {
      this.writing = undefined;
      this.writeStartedMs = undefined;
      this.inFlightRows = 0;
      outcome();
      // Rows that arrived during the write have waited long enough: write them now.
      if (this.queue.length > 0) void this.writeNext();
    };
    this.writing = this.writeBatch(rows).then(
      () => settle(() => batch.forEach((request) => request.resolve())),
      (error: unknown) => settle(() => batch.forEach((request) => request.reject(error))),
    );
    return this.writing;
  }

  private takeBatch(): PendingRequest<T>[] {
    const batch: PendingRequest<T>[] = [];
    let rows = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (batch.length > 0 && rows + next.rows.length > this.maxRows) break;
      batch.push(next);
      rows += next.rows.length;
      this.queue.shift();
    }
    this.queuedRows -= rows;
    return batch;
  }
}

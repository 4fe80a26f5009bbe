/**
 * A live-tail feed driven by the api's own inserts, for the embedded engine, where the api is the
 * table's only writer: each stored batch reaches the viewers the moment its insert returns — no
 * polling interval, no safety margin. Gap-free and in order because inserts run one at a time,
 * each stamped later than the one before (`ingested_at`), so batches arrive in the (ingested_at,
 * row key) order a resume reads back from the table. Rows are filtered in memory when the filters
 * allow it. Filters with text terms (ClickHouse's tokenizer decides those), the insert after a
 * failed one (which may have stored part of its rows) and a failed read are served from the
 * table instead, read up to the newest settled insert in one loop that takes in the batches
 * stored meanwhile.
 */
import { filtersHeldInMemory, storedBatchRows, type LogFilters, type StoredBatch, type TailPosition } from '@logline/ch-client';
import { LAST_ROW_KEY, type TailBatch, type TailFeed, type TailListener, type TailSource } from './tail-feed';

const MAX_ROWS_PER_READ = 5000;
/** After a failed read, the next try (sooner when another insert settles first). */
const RETRY_MS = 1000;

export class PushedTail implements TailFeed {
  private readonly listeners = new Set<TailListener>();
  private readonly inMemory: boolean;
  /** While set, the table must be read up to this stamp before memory can serve again. */
  private readUntilMs: number | undefined;
  private reading = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: TailSource,
    private readonly filters: LogFilters,
    private position: TailPosition,
    private readonly onError: (error: unknown) => void,
  ) {
    this.inMemory = filtersHeldInMemory(filters);
  }

  get currentPosition(): TailPosition {
    return this.position;
  }

  get viewers(): number {
    return this.listeners.size;
  }

  subscribe(listener: TailListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    clearTimeout(this.retry);
    this.listeners.clear();
  }

  /** A batch the api has just stored (batches come in insert order). */
  stored(batch: StoredBatch): void {
    if (!this.inMemory || this.readUntilMs !== undefined) {
      this.readTableUntil(batch.ingestedMs);
      return;
    }
    const { rows, lastRowKey } = storedBatchRows(batch, this.filters);
    this.position = { ingestedMs: batch.ingestedMs, rowKey: LAST_ROW_KEY };
    if (lastRowKey !== undefined) this.emit(rows, { ingestedMs: batch.ingestedMs, rowKey: lastRowKey });
  }

  /** The insert stamped `ingestedMs` failed: whatever part of it was stored is read from the table. */
  failed(ingestedMs: number): void {
    this.readTableUntil(ingestedMs);
  }

  private readTableUntil(ingestedMs: number): void {
    this.readUntilMs = Math.max(this.readUntilMs ?? ingestedMs, ingestedMs);
    if (!this.reading) void this.readTable();
  }

  private async readTable(): Promise<void> {
    this.reading = true;
    clearTimeout(this.retry);
    try {
      while (this.readUntilMs !== undefined && this.listeners.size > 0) {
        const until = this.readUntilMs;
        const page = await this.source.tailLogs(this.filters, { after: this.position, visibleUntilMs: until, limit: MAX_ROWS_PER_READ });
        this.position = page.more ? page.last : { ingestedMs: until, rowKey: LAST_ROW_KEY };
        if (page.rows.length > 0) this.emit(page.rows, page.last);
        if (!page.more && this.readUntilMs === until) this.readUntilMs = undefined;
      }
    } catch (error) {
      // readUntilMs stays: the next try reads again from the same position, so nothing is skipped.
      this.onError(error);
      this.retry = setTimeout(() => this.readTableUntil(this.readUntilMs ?? this.position.ingestedMs), RETRY_MS);
    } finally {
      this.reading = false;
    }
  }

  private emit(rows: TailBatch['rows'], position: TailPosition): void {
    for (const listener of this.listeners) listener({ rows, position });
  }
}

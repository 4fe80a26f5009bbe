/**
 * One viewer's place in the live tail: the catch-up from its resume position first, then the
 * shared feed's batches. The catch-up reaches back `catchUpMs` and `catchUpRows` at most, sends
 * each page only once the viewer took the last (backpressure), and stops as soon as the viewer
 * closes; live batches that arrive meanwhile wait, within the same row budget.
 */
import type { LogFilters, TailPosition } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import type { TailBatch, TailFeed, TailSource } from './tail-feed';

const CATCH_UP_PAGE_ROWS = 5000;

/** Where a viewer's batches go. */
export interface TailViewer {
  /** A batch from the shared feed: called as the feed delivers it (a poll tick or a settled insert), so it must not wait. */
  live(batch: TailBatch): void;
  /** A batch of catch-up: resolves once the viewer can take more (its connection drained). */
  catchUp(batch: TailBatch): Promise<void>;
}

export interface CatchUpContext {
  readonly source: TailSource;
  readonly limits: Pick<ApiConfig['tail'], 'catchUpMs' | 'catchUpRows'>;
  readonly filters: LogFilters;
}

export class TailSubscription {
  /** Where the feed was when this viewer joined: the catch-up ends there. */
  private readonly until: TailPosition;
  private buffered: TailBatch[] | undefined = [];
  private bufferedRows = 0;
  private overflowed = false;
  private readonly skipped: string[] = [];
  private readonly leave: () => void;
  private closed = false;

  constructor(
    private readonly context: CatchUpContext,
    feed: TailFeed,
    private readonly viewer: TailViewer,
    leaveFeed: () => void,
  ) {
    this.until = feed.currentPosition;
    const unsubscribe = feed.subscribe((batch) => this.receive(batch));
    this.leave = () => {
      unsubscribe();
      leaveFeed();
    };
  }

  /**
   * Sends the rows after `resumeFrom` (a Last-Event-ID) up to where the feed was when this
   * viewer joined, then the live batches that arrived meanwhile, then goes live. Resolves with
   * what had to be left out (empty when nothing); stops early when the viewer closes.
   */
  async start(resumeFrom: TailPosition | undefined): Promise<string[]> {
    if (resumeFrom) await this.catchUp(resumeFrom);
    const pending = this.buffered ?? [];
    this.buffered = undefined;
    if (!this.closed) for (const batch of pending) this.viewer.live(batch);
    return this.skipped;
  }

  /** Leaves the feed (stopping it when this was its last viewer). Safe at any time, more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffered = undefined;
    this.leave();
  }

  private async catchUp(from: TailPosition): Promise<void> {
    const { source, filters, limits } = this.context;
    const oldest = Date.now() - limits.catchUpMs;
    if (from.ingestedMs < oldest) this.skipped.push(`events stored more than ${limits.catchUpMs / 1000} s before the resume point`);
    let after = from.ingestedMs < oldest ? { ingestedMs: oldest, rowKey: '0' } : from;
    for (let budget = limits.catchUpRows; !this.closed; ) {
      if (budget <= 0) {
        this.skipped.push(`events beyond the first ${limits.catchUpRows} to catch up on`);
        return;
      }
      const page = await source.tailLogs(filters, { after, visibleUntilMs: this.until.ingestedMs, limit: Math.min(CATCH_UP_PAGE_ROWS, budget) });
      const rows = page.rows.filter((row) => isBefore(row, this.until));
      if (rows.length > 0 && !this.closed) await this.viewer.catchUp({ rows, position: page.last });
      if (!page.more || rows.length < page.rows.length) return;
      budget -= rows.length;
      after = page.last;
    }
  }

  private receive(batch: TailBatch): void {
    if (!this.buffered) return this.viewer.live(batch);
    // Live rows wait while the catch-up runs, within its row budget; past it they are skipped.
    if (this.overflowed) return;
    this.bufferedRows += batch.rows.length;
    if (this.bufferedRows <= this.context.limits.catchUpRows) {
      this.buffered.push(batch);
      return;
    }
    this.overflowed = true;
    this.buffered = [];
    this.skipped.push(`more than ${this.context.limits.catchUpRows} events that arrived during the catch-up`);
  }
}

function isBefore(row: { ingested_at: string; id: string }, until: TailPosition): boolean {
  const ingested = Date.parse(row.ingested_at);
  if (ingested !== until.ingestedMs) return ingested < until.ingestedMs;
  return BigInt(row.id.split('.')[1]) <= BigInt(until.rowKey);
}

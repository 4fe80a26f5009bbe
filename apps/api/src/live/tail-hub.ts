/** Shares pollers between viewers with the same filters, and catches up viewers that resume. */
import type { LogFilters, TailPosition } from '@logline/ch-client';
import { TailPoller, type TailBatch, type TailClock, type TailListener, type TailSource } from './tail-poller';

const CATCH_UP_LIMIT = 5000;

export class TailHub {
  private readonly pollers = new Map<string, TailPoller>();

  constructor(
    private readonly source: TailSource,
    private readonly clock: TailClock,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Viewers connected now. */
  get viewers(): number {
    let total = 0;
    for (const poller of this.pollers.values()) total += poller.viewers;
    return total;
  }

  /** Distinct pollers (ClickHouse queries per tick). */
  get pollerCount(): number {
    return this.pollers.size;
  }

  /**
   * Streams new rows matching `filters` to `listener`. With `resumeFrom` (a Last-Event-ID) the
   * rows between it and the shared poller's position are sent first.
   */
  async subscribe(filters: LogFilters, listener: TailListener, resumeFrom?: TailPosition): Promise<() => void> {
    const key = JSON.stringify(filters);
    let poller = this.pollers.get(key);
    if (!poller) {
      const start: TailPosition = { ingestedMs: this.clock.visibleUntilMs(), rowKey: '18446744073709551615' };
      poller = new TailPoller(this.source, filters, start, this.clock, this.intervalMs, this.onError);
      this.pollers.set(key, poller);
    }
    const shared = poller;
    // Join the poller first (buffering what it sends) so nothing falls between catch-up and live.
    const until = shared.currentPosition;
    let buffered: TailBatch[] | undefined = resumeFrom ? [] : undefined;
    const unsubscribe = shared.subscribe((batch) => (buffered ? buffered.push(batch) : listener(batch)));
    if (resumeFrom) {
      await this.catchUp(filters, resumeFrom, until, listener);
      const pending = buffered ?? [];
      buffered = undefined;
      for (const batch of pending) listener(batch);
    }
    return () => {
      unsubscribe();
      if (shared.viewers === 0) this.pollers.delete(key);
    };
  }

  close(): void {
    for (const poller of this.pollers.values()) poller.stop();
    this.pollers.clear();
  }

  private async catchUp(filters: LogFilters, from: TailPosition, until: TailPosition, listener: TailListener): Promise<void> {
    let after = from;
    for (;;) {
      const page = await this.source.tailLogs(filters, { after, visibleUntilMs: until.ingestedMs, limit: CATCH_UP_LIMIT });
      const rows = page.rows.filter((row) => isBefore(row, until));
      if (rows.length > 0) listener({ rows, position: page.last });
      if (!page.more || rows.length < page.rows.length) return;
      after = page.last;
    }
  }
}

function isBefore(row: { ingested_at: string; id: string }, until: TailPosition): boolean {
  const ingested = Date.parse(row.ingested_at);
  if (ingested !== until.ingestedMs) return ingested < until.ingestedMs;
  return BigInt(row.id.split('.')[1]) <= BigInt(until.rowKey);
}

/**
 * One live-tail poller per distinct filter set, shared by every viewer of it: each tick reads the
 * rows that became visible since the last position, up to a visibility watermark — the older of
 * "now minus a safety margin" and the start of any insert still running in this process — so a
 * row whose insert finishes late is read on a later tick instead of being skipped.
 */
import type { LogFilters, TailPosition } from '@logline/ch-client';
import type { TailFeed, TailListener, TailSource } from './tail-feed';

export interface TailClock {
  /** Latest instant (epoch ms) up to which every insert is known to be visible. */
  visibleUntilMs(): number;
}

const MAX_ROWS_PER_TICK = 5000;

export class TailPoller implements TailFeed {
  private readonly listeners = new Set<TailListener>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly source: TailSource,
    private readonly filters: LogFilters,
    private position: TailPosition,
    private readonly clock: TailClock,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get currentPosition(): TailPosition {
    return this.position;
  }

  get viewers(): number {
    return this.listeners.size;
  }

  subscribe(listener: TailListener): () => void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      let more = true;
      while (more && this.listeners.size > 0) {
        const page = await this.source.tailLogs(this.filters, {
          after: this.position,
          visibleUntilMs: this.clock.visibleUntilMs(),
          limit: MAX_ROWS_PER_TICK,
        });
        this.position = page.last;
        more = page.more;
        if (page.rows.length > 0) for (const listener of this.listeners) listener({ rows: page.rows, position: page.last });
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
  }
}

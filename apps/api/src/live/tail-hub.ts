/**
 * Shares one feed between viewers with the same filters, and catches up viewers that resume. The
 * feeds are pushed by the api's own inserts when it is the only writer (the embedded engine: see
 * PushedTail), and otherwise poll the table up to a visibility watermark (see TailPoller).
 * Bounded everywhere: viewers and distinct feeds are capped (503 beyond), a resume reaches back
 * at most `catchUpMs` and `catchUpRows`, and each viewer leaves cleanly whenever it closes, during
 * its catch-up included.
 */
import type { LogFilters, TailPosition } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import { ServiceUnavailableError } from '../errors';
import type { InsertBroadcast } from './insert-broadcast';
import { PushedTail } from './pushed-tail';
import { LAST_ROW_KEY, type TailFeed, type TailSource } from './tail-feed';
import { TailPoller, type TailClock } from './tail-poller';
import { TailSubscription, type TailViewer } from './tail-subscription';

type TailLimits = Pick<ApiConfig['tail'], 'pollMs' | 'maxViewers' | 'maxPollers' | 'catchUpMs' | 'catchUpRows'>;

export class TailHub {
  private readonly feeds = new Map<string, TailFeed>();

  /** `inserts`: the api's own inserts, when it is the table's only writer; feeds are then pushed. */
  constructor(
    private readonly source: TailSource,
    private readonly clock: TailClock,
    private readonly limits: TailLimits,
    private readonly onError: (error: unknown) => void,
    private readonly inserts?: InsertBroadcast,
  ) {}

  /** Viewers connected now. */
  get viewers(): number {
    let total = 0;
    for (const feed of this.feeds.values()) total += feed.viewers;
    return total;
  }

  /** Distinct feeds (filter sets being followed). */
  get feedCount(): number {
    return this.feeds.size;
  }

  /**
   * Joins the feed for `filters` at once (throwing a 503 when the caps are reached), so that
   * nothing falls between a catch-up and the live rows; live batches wait until `start`.
   */
  join(filters: LogFilters, viewer: TailViewer): TailSubscription {
    if (this.viewers >= this.limits.maxViewers) {
      throw new ServiceUnavailableError(`${this.limits.maxViewers} live tail viewers are connected (TAIL_MAX_VIEWERS); retry later`, 30);
    }
    const key = JSON.stringify(filters);
    const shared = this.feeds.get(key) ?? this.createFeed(key, filters);
    const leave = () => {
      if (shared.viewers > 0) return;
      this.retire(shared);
      if (this.feeds.get(key) === shared) this.feeds.delete(key);
    };
    return new TailSubscription({ source: this.source, limits: this.limits, filters }, shared, viewer, leave);
  }

  close(): void {
    for (const feed of this.feeds.values()) this.retire(feed);
    this.feeds.clear();
  }

  private createFeed(key: string, filters: LogFilters): TailFeed {
    if (this.feeds.size >= this.limits.maxPollers) {
      throw new ServiceUnavailableError(`${this.limits.maxPollers} different live tail filters are followed (TAIL_MAX_POLLERS); retry later`, 30);
    }
    let feed: TailFeed;
    if (this.inserts) {
      const pushed = new PushedTail(this.source, filters, { ingestedMs: this.inserts.settledMs, rowKey: LAST_ROW_KEY }, this.onError);
      this.inserts.add(pushed);
      feed = pushed;
    } else {
      const start: TailPosition = { ingestedMs: this.clock.visibleUntilMs(), rowKey: LAST_ROW_KEY };
      feed = new TailPoller(this.source, filters, start, this.clock, this.limits.pollMs, this.onError);
    }
    this.feeds.set(key, feed);
    return feed;
  }

  /** Stops a feed no one watches any more (a pushed one no longer hears of inserts). */
  private retire(feed: TailFeed): void {
    feed.stop();
    if (feed instanceof PushedTail) this.inserts?.remove(feed);
  }
}

/**
 * Shares pollers between viewers with the same filters, and catches up viewers that resume.
 * Bounded everywhere: viewers and distinct pollers are capped (503 beyond), a resume reaches back
 * at most `catchUpMs` and `catchUpRows`, and each viewer leaves cleanly whenever it closes, during
 * its catch-up included.
 */
import type { LogFilters, TailPosition } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import { ServiceUnavailableError } from '../errors';
import { TailPoller, type TailClock, type TailSource } from './tail-poller';
import { TailSubscription, type TailViewer } from './tail-subscription';

const LAST_ROW_KEY = '18446744073709551615';

type TailLimits = Pick<ApiConfig['tail'], 'pollMs' | 'maxViewers' | 'maxPollers' | 'catchUpMs' | 'catchUpRows'>;

export class TailHub {
  private readonly pollers = new Map<string, TailPoller>();

  constructor(
    private readonly source: TailSource,
    private readonly clock: TailClock,
    private readonly limits: TailLimits,
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
   * Joins the poller for `filters` at once (throwing a 503 when the caps are reached), so that
   * nothing falls between a catch-up and the live rows; live batches wait until `start`.
   */
  join(filters: LogFilters, viewer: TailViewer): TailSubscription {
    if (this.viewers >= this.limits.maxViewers) {
      throw new ServiceUnavailableError(`${this.limits.maxViewers} live tail viewers are connected (TAIL_MAX_VIEWERS); retry later`, 30);
    }
    const key = JSON.stringify(filters);
    let poller = this.pollers.get(key);
    if (!poller) {
      if (this.pollers.size >= this.limits.maxPollers) {
        throw new ServiceUnavailableError(`${this.limits.maxPollers} different live tail filters are followed (TAIL_MAX_POLLERS); retry later`, 30);
      }
      const start: TailPosition = { ingestedMs: this.clock.visibleUntilMs(), rowKey: LAST_ROW_KEY };
      poller = new TailPoller(this.source, filters, start, this.clock, this.limits.pollMs, this.onError);
      this.pollers.set(key, poller);
    }
    const shared = poller;
    const leave = () => {
      if (shared.viewers === 0) {
        shared.stop();
        if (this.pollers.get(key) === shared) this.pollers.delete(key);
      }
    };
    return new TailSubscription({ source: this.source, limits: this.limits, filters }, shared, viewer, leave);
  }

  close(): void {
    for (const poller of this.pollers.values()) poller.stop();
    this.pollers.clear();
  }
}

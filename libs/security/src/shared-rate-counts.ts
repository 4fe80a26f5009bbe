/**
 * Request counts per rate-limit key that hold across every replica of an app. Each replica
 * counts its own requests in fixed windows aligned to the clock (the same windows on every
 * replica) and, every `syncMs`, reports what it counted since its last report and takes in what
 * the other replicas counted in the window (the exchange: ClickHouse's logs.rate_limit_hits, for
 * the web through the api). A key's count is its own count now plus the others' as of the last
 * exchange, so the limit holds for all replicas together, late by up to two exchanges (another
 * replica's report, then this one's read): a key hit r times a second across all replicas gets
 * at most about r * 2 * syncMs / 1000 requests past its limit in a window. Per request the cost
 * is a Map update; the store is reached once per `syncMs` per replica, whatever the traffic.
 */

/** Adds this replica's new counts per key in the window starting at `windowStartMs`; answers the other replicas' totals there. */
export type ExchangeRateCounts = (report: { windowStartMs: number; hits: ReadonlyMap<string, number> }) => Promise<ReadonlyMap<string, number>>;

export interface SharedRateCountsOptions {
  readonly windowMs: number;
  /** How often counts are exchanged. Default 1000. */
  readonly syncMs?: number;
  /** Keys counted per window at most; beyond, the longest-counted go first, so a flood of keys cannot exhaust memory. Default 10,000. */
  readonly maxKeys?: number;
  readonly now?: () => number;
}

/** The part of a Fastify app the exchange runs along with. */
export interface RunningApp {
  addHook(name: 'onReady' | 'onClose', hook: () => Promise<void>): unknown;
  readonly log: { warn(details: object, message: string): void; info(message: string): void };
}

interface LocalCount {
  hits: number;
  reported: number;
}

export class SharedRateCounts {
  private windowStartMs = Number.NEGATIVE_INFINITY;
  private readonly local = new Map<string, LocalCount>();
  private others: ReadonlyMap<string, number> = new Map();
  private timer: NodeJS.Timeout | undefined;
  private syncing = false;
  private failing = false;
  private readonly now: () => number;

  constructor(
    private readonly exchange: ExchangeRateCounts,
    private readonly options: SharedRateCountsOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Counts one request under `key`: every replica's count in this window as known, and the ms until the window ends. */
  hit(key: string): { current: number; ttl: number } {
    const now = this.now();
    this.enterWindow(now);
    let count = this.local.get(key);
    if (!count) {
      if (this.local.size >= (this.options.maxKeys ?? 10_000)) this.local.delete(this.local.keys().next().value as string);
      count = { hits: 0, reported: 0 };
      this.local.set(key, count);
    }
    count.hits += 1;
    return { current: count.hits + (this.others.get(key) ?? 0), ttl: this.windowStartMs + this.options.windowMs - now };
  }

  /** Reports the counts not reported yet and takes in the other replicas'; a failed exchange is retried by the next. */
  async sync(): Promise<void> {
    this.enterWindow(this.now());
    const windowStartMs = this.windowStartMs;
    const sent = new Map<string, number>();
    for (const [key, count] of this.local) if (count.hits > count.reported) sent.set(key, count.hits - count.reported);
    const others = await this.exchange({ windowStartMs, hits: sent });
    if (windowStartMs !== this.windowStartMs) return;
    for (const [key, hits] of sent) {
      const count = this.local.get(key);
      if (count) count.reported += hits;
    }
    this.others = others;
  }

  /**
   * Exchanges every `syncMs` while `app` runs (from its onReady to its onClose), logging once when
   * exchanges start failing (each replica then counts alone) and once when they work again.
   */
  shareWhile(app: RunningApp, peers: string): void {
    app.addHook('onReady', async () => {
      this.timer = setInterval(() => void this.syncAndReport(app.log, peers), this.options.syncMs ?? 1_000).unref();
    });
    app.addHook('onClose', async () => clearInterval(this.timer));
  }

  private async syncAndReport(log: RunningApp['log'], peers: string): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      await this.sync();
      if (this.failing) log.info(`sharing rate-limit counts with the other ${peers} works again`);
      this.failing = false;
    } catch (error) {
      if (!this.failing) log.warn({ err: error }, `cannot share rate-limit counts with the other ${peers}: each counts alone until this works again`);
      this.failing = true;
    } finally {
      this.syncing = false;
    }
  }

  private enterWindow(now: number): void {
    const start = now - (now % this.options.windowMs);
    if (start === this.windowStartMs) return;
    this.windowStartMs = start;
    this.local.clear();
    this.others = new Map();
  }
}

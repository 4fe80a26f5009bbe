/**
 * One producer: takes events from its source at the pacer's rate, stamps producer_id and seq,
 * batches them and hands the batches to its transport, counting what was sent, acknowledged
 * and failed. With a spool, each batch is on disk before it is sent.
 */
import type { Batch } from './batch';
import type { EventDraft, EventSource } from './event-source';
import type { DeliveryObserver } from './metrics/generator-metrics';
import type { Pacer } from './pacer';
import { pause } from './pause';
import type { Spool } from './spool';
import { type ProducerStats, emptyStats } from './summary';
import type { Transport } from './transports/transport';

/** A partly filled batch waits at most this long, so slow rates still deliver promptly. */
const LINGER_MS = 200;

export interface ProducerOptions {
  producerId: string;
  source: EventSource;
  pacer: Pacer;
  transport: Transport;
  batchSize: number;
  /** Stop after generating this many events; undefined: until stopped or the source runs out. */
  count?: number;
  spool?: Spool;
  clock: () => number;
  /** Hears of every batch sent and settled (the --metrics-port counters). */
  observer?: DeliveryObserver;
}

export class Producer {
  readonly stats: ProducerStats;
  private nextSeq: number;
  private generated = 0;
  private lines: string[] = [];
  private batchStartedAt = 0;
  private readonly deliveries = new Set<Promise<void>>();

  constructor(private readonly options: ProducerOptions) {
    this.stats = emptyStats(options.producerId);
    this.nextSeq = options.spool?.nextSeq(options.producerId) ?? 0;
  }

  /** Runs until the count is reached, the source runs out or `stop` aborts; then drains. */
  async run(stop: AbortSignal): Promise<ProducerStats> {
    for (const batch of this.options.spool?.pendingBatches(this.options.producerId) ?? []) {
      if (stop.aborted) break;
      await this.dispatch(batch);
    }
    let more = true;
    while (more && !stop.aborted) more = await this.step(stop);
    await this.flush();
    await this.options.transport.close();
    while (this.deliveries.size > 0) await Promise.all(this.deliveries);
    await this.options.source.close();
    return this.stats;
  }

  /** Generates what the pacer allows and sends a batch when due; false once there is no more. */
  private async step(stop: AbortSignal): Promise<boolean> {
    const { pacer, batchSize, count, source, clock } = this.options;
    const remaining = count === undefined ? Infinity : count - this.generated;
    if (remaining <= 0) return false;
    const now = clock();
    const granted = pacer.take(now, Math.min(batchSize - this.lines.length, remaining));
    if (granted > 0) {
      const drafts = await source.take(granted);
      drafts.forEach((draft) => this.stamp(draft, now));
      if (drafts.length < granted) return false;
    }
    const waited = now - this.batchStartedAt;
    if (this.lines.length >= batchSize || (this.lines.length > 0 && waited >= LINGER_MS)) {
      await this.flush();
    } else if (granted === 0) {
      const untilLinger = this.lines.length > 0 ? LINGER_MS - waited : Infinity;
      await pause(Math.min(pacer.delayMs(now), untilLinger), stop);
    }
    return true;
  }

  private stamp(draft: EventDraft, now: number): void {
    if (this.lines.length === 0) this.batchStartedAt = now;
    const { timestamp, log_level, message, source, host, attributes } = draft;
    const event = { timestamp, log_level, message, source, host, producer_id: this.options.producerId, seq: this.nextSeq, attributes };
    this.lines.push(JSON.stringify(event));
    this.nextSeq += 1;
    this.generated += 1;
  }

  private async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const batch: Batch = { producerId: this.options.producerId, firstSeq: this.nextSeq - this.lines.length, lines: this.lines };
    this.lines = [];
    await this.options.spool?.append(batch);
    await this.dispatch(batch);
  }

  private async dispatch(batch: Batch): Promise<void> {
    const lastSeq = batch.firstSeq + batch.lines.length - 1;
    this.stats.sent += batch.lines.length;
    this.options.observer?.sent(batch.lines.length);
    this.stats.first_seq = Math.min(this.stats.first_seq ?? batch.firstSeq, batch.firstSeq);
    this.stats.last_seq = Math.max(this.stats.last_seq ?? lastSeq, lastSeq);
    const delivery = await this.options.transport.send(batch);
    const recorded = delivery.settled.then(async (outcome) => {
      this.stats.acked += outcome.acked;
      this.stats.failed += outcome.failed;
      this.options.observer?.settled(outcome.acked, outcome.failed);
      if (outcome.final) await this.options.spool?.remove(batch);
    });
    this.deliveries.add(recorded);
    // A failure stays in the set, so that run() reports it once the deliveries are awaited.
    recorded.then(() => this.deliveries.delete(recorded), () => undefined);
  }
}

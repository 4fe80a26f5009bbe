/**
 * Hands every settled insert of the api's log writer to the pushed live-tail feeds, and knows the
 * stamp of the newest settled one: a new feed starts there, so it misses no insert still running.
 */
import type { InsertListener, StoredBatch } from '@logline/ch-client';
import type { PushedTail } from './pushed-tail';

export class InsertBroadcast implements InsertListener {
  private readonly feeds = new Set<PushedTail>();
  /** Every insert stamped up to here has settled (stamps rise from the writer's start on). */
  private settled = Date.now();

  get settledMs(): number {
    return this.settled;
  }

  add(feed: PushedTail): void {
    this.feeds.add(feed);
  }

  remove(feed: PushedTail): void {
    this.feeds.delete(feed);
  }

  stored(batch: StoredBatch): void {
    this.settled = Math.max(this.settled, batch.ingestedMs);
    for (const feed of this.feeds) feed.stored(batch);
  }

  failed(ingestedMs: number): void {
    this.settled = Math.max(this.settled, ingestedMs);
    for (const feed of this.feeds) feed.failed(ingestedMs);
  }
}

import type { LogEvent } from '@logline/log-schema';

/** An event before its producer stamps `producer_id` and `seq` on it. */
export type EventDraft = Omit<LogEvent, 'producer_id' | 'seq'>;

/** Where a producer's events come from: generated ones, or the lines of a replayed file. */
export interface EventSource {
  /** Up to `count` events; fewer only when the source runs out, none once it has. */
  take(count: number): Promise<readonly EventDraft[]>;
  close(): Promise<void>;
}

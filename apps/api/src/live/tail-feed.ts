/** What the live tail's shared feeds (one per distinct filter set) have in common. */
import type { Store, TailPosition } from '@logline/ch-client';
import type { StoredLog } from '@logline/log-schema';

export interface TailBatch {
  rows: StoredLog[];
  /** Resume position after these rows (the SSE event id). */
  position: TailPosition;
}

export type TailListener = (batch: TailBatch) => void;

/** Where tail pages are read. */
export type TailSource = Pick<Store, 'tailLogs'>;

/** Delivers the new rows matching one filter set to every viewer of it. */
export interface TailFeed {
  /** Where the feed is: every matching row up to here has been delivered. */
  readonly currentPosition: TailPosition;
  readonly viewers: number;
  subscribe(listener: TailListener): () => void;
  stop(): void;
}

/** Sorts after every row key: a position at the end of all rows stamped with its `ingestedMs`. */
export const LAST_ROW_KEY = '18446744073709551615';

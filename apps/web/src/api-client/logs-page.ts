// A page of logs as the web holds it: the api's answer (LogsPage in the contract), with timing.
import type { StoredLog } from '@logline/log-schema';

export interface LogsPage {
  readonly rows: readonly StoredLog[];
  /** Where the next page starts; null on the last. */
  readonly nextCursor: string | null;
  /** Where the previous page ends; null on the first. */
  readonly prevCursor: string | null;
  /** How long the api took to answer, in ms, shown in the header bar. */
  readonly elapsedMs: number;
  /** When the web server asked for this page (epoch ms): where a live tail picks up. */
  readonly readAtMs: number;
}

/** What every explorer request of the benchmark is asked about: a fixed time, an anchor event, bucket plans. */

/** The bucket plan the api chose for a histogram (read from its answer, so every side asks the same). */
export interface HistogramPlan {
  fromMs: number;
  toMs: number;
  bucketSeconds: number;
}

export interface AnchorEvent {
  /** The api's row id (`<epoch ms>.<row key>`). */
  id: string;
  timestampMs: number;
  rowKey: string;
  producerId: string;
}

export interface QueryContext {
  /** End of the loaded data's time range; "24 h" means the day before it. */
  nowMs: number;
  anchor: AnchorEvent;
  histograms: Record<string, HistogramPlan>;
  /** next_cursor of the api's first latest-100 page: where "next page" continues. */
  nextCursor: string;
  /** Ids the lookups ask for, one after another (each a trace of ten events, each request id one event). */
  lookups: { traceIds: string[]; requestIds: string[] };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

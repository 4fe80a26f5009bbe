/**
 * How long events are kept: the raw table's retention (`LOG_RETENTION_DAYS`, applied as its TTL)
 * and the rollups', and the horizon before which a raw event may already be gone.
 */

/** Default retention of raw events, in days (`LOG_RETENTION_DAYS`). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Longest retention, in days. The TTL is `toDateTime(timestamp) + INTERVAL n DAY`, and DateTime
 * ends in 2106: past about 29,000 days from now the sum wraps into the past and the engine
 * deletes every row at once (36,500 kept none of 12,000 replayed events, without an error).
 */
export const MAX_RETENTION_DAYS = 10_000;

/** Days the per-minute rollup keeps its counts (it is tiny; raw events follow LOG_RETENTION_DAYS). */
export const ROLLUP_RETENTION_DAYS = 400;

/**
 * The retention's horizon: an event dated before it may already have been dropped by the TTL
 * (`days` of retention), one dated at or after it is still kept.
 */
export function retentionHorizonMs(days: number, nowMs = Date.now()): number {
  return nowMs - days * 86_400_000;
}

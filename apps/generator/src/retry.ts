/** When to retry a delivery and how long to wait: exponential backoff with jitter, Retry-After. */

const BACKOFF_BASE_MS = 250;
export const BACKOFF_MAX_MS = 30_000;

/** What the answer to a POST means for its batch. */
export type HttpVerdict =
  | { kind: 'stored' }
  /** The target refused the request itself; sending it again would fail again. */
  | { kind: 'refused' }
  /** A transient failure; `retryAfterMs` is the wait the target asked for, if it did. */
  | { kind: 'retry'; retryAfterMs?: number };

/**
 * 2xx: stored. 429 and 503 mean "busy": retry, after Retry-After when given. Other 5xx: retry
 * with backoff. Any other status (4xx, or a redirect a POST cannot follow) is not retried.
 */
export function classifyStatus(status: number, retryAfter: string | undefined, nowMs: number): HttpVerdict {
  if (status >= 200 && status < 300) return { kind: 'stored' };
  if (status === 429 || status === 503) return { kind: 'retry', retryAfterMs: parseRetryAfterMs(retryAfter, nowMs) };
  if (status >= 500) return { kind: 'retry' };
  return { kind: 'refused' };
}

/** Retry-After as delay-seconds or an HTTP-date, in milliseconds from now; undefined if unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone
  // would also take "-3" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Wait before retry number `attempt` (0 for the first retry): "equal jitter", half of the
 * exponential step plus a random part of the other half, so that many producers that failed
 * together do not retry together, and no retry follows its failure at once.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/** The wait before the next attempt: what the target asked for, else the backoff step. */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  return retryAfterMs ?? backoffDelayMs(attempt, random);
}

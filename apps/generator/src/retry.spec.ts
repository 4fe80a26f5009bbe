import { BACKOFF_MAX_MS, backoffDelayMs, classifyStatus, parseRetryAfterMs, retryDelayMs } from './retry';

const NOW = Date.UTC(2026, 10, 28, 17, 0, 0);

describe('classifyStatus', () => {
  it('counts any 2xx as stored', () => {
    expect(classifyStatus(200, undefined, NOW)).toEqual({ kind: 'stored' });
    expect(classifyStatus(204, undefined, NOW)).toEqual({ kind: 'stored' });
  });

  it('retries 429 and 503 after the Retry-After the target asks for', () => {
    expect(classifyStatus(429, '2', NOW)).toEqual({ kind: 'retry', retryAfterMs: 2_000 });
    expect(classifyStatus(503, undefined, NOW)).toEqual({ kind: 'retry', retryAfterMs: undefined });
  });

  it('retries other 5xx with backoff, and does not retry other statuses', () => {
    expect(classifyStatus(500, '9', NOW)).toEqual({ kind: 'retry' });
    expect(classifyStatus(502, undefined, NOW)).toEqual({ kind: 'retry' });
    expect(classifyStatus(400, undefined, NOW)).toEqual({ kind: 'refused' });
    expect(classifyStatus(413, undefined, NOW)).toEqual({ kind: 'refused' });
    expect(classifyStatus(301, undefined, NOW)).toEqual({ kind: 'refused' });
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('0', NOW)).toBe(0);
    expect(parseRetryAfterMs(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfterMs(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(5_000);
    expect(parseRetryAfterMs(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('-3', NOW)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('doubles each attempt, with jitter in the upper half of the step', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(125);
    expect(backoffDelayMs(0, () => 0.999)).toBe(250);
    expect(backoffDelayMs(3, () => 0)).toBe(1_000);
    expect(backoffDelayMs(3, () => 0.999)).toBe(1_999);
  });

  it('is capped, however many attempts', () => {
    expect(backoffDelayMs(60, () => 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });

  it('prefers the Retry-After wait over the backoff step', () => {
    expect(retryDelayMs(5, 1_000)).toBe(1_000);
    expect(retryDelayMs(0, undefined, () => 0)).toBe(125);
  });
});

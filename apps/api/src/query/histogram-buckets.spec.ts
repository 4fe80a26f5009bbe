import { planBuckets } from './histogram-buckets';

describe('planBuckets', () => {
  const t0 = Date.UTC(2026, 10, 28, 12, 0, 0);

  it.each([
    [15 * 60_000, 10],
    [3_600_000, 30],
    [24 * 3_600_000, 900],
    [7 * 86_400_000, 7200],
  ])('splits %p ms into round buckets of %p s, at most 120 of them', (span, seconds) => {
    const plan = planBuckets(t0 - span, t0, 120);
    expect(plan.bucketSeconds).toBe(seconds);
    expect((plan.toMs - plan.fromMs) / 1000 / seconds).toBeLessThanOrEqual(121);
  });

  it('widens the range to whole buckets', () => {
    const plan = planBuckets(t0 + 1234, t0 + 3_600_000 - 5, 120);
    expect(plan).toEqual({ bucketSeconds: 30, fromMs: t0, toMs: t0 + 3_600_000 });
  });
});

import { median, medianMs, percentile } from './stats';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
  });
});

describe('medianMs', () => {
  it('runs the task once to warm up and then the given number of times', async () => {
    let calls = 0;
    const ms = await medianMs(3, async () => {
      calls += 1;
    });
    expect(calls).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});

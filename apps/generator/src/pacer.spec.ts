import { BURST_FACTOR, BURST_PERIOD_MS, Pacer, WAVE_PERIOD_MS, rateAt } from './pacer';

/** Events the pacer grants over `seconds`, asked every `stepMs`. */
function granted(pacer: Pacer, seconds: number, stepMs = 10, startMs = 0): number {
  let total = 0;
  for (let now = startMs; now <= startMs + seconds * 1000; now += stepMs) total += pacer.take(now, 1_000);
  return total;
}

describe('Pacer', () => {
  it('grants the steady rate, fractional rates included', () => {
    expect(granted(new Pacer('steady', 100, 0), 10)).toBeGreaterThanOrEqual(999);
    expect(granted(new Pacer('steady', 100, 0), 10)).toBeLessThanOrEqual(1_001);
    expect(granted(new Pacer('steady', 0.5, 0), 10, 100)).toBe(5);
  });

  it('grants everything asked for at rate 0', () => {
    const pacer = new Pacer('steady', 0, 0);
    expect(pacer.take(0, 5_000)).toBe(5_000);
    expect(pacer.delayMs(0)).toBe(0);
  });

  it('never grants more than asked, keeping the rest for later', () => {
    const pacer = new Pacer('steady', 100, 0);
    expect(pacer.take(500, 10)).toBe(10);
    expect(pacer.take(500, 100)).toBe(40);
  });

  it('saves up at most one second after a stall instead of flooding the target', () => {
    const pacer = new Pacer('steady', 100, 0);
    expect(pacer.take(60_000, 100_000)).toBe(100);
  });

  it('says how long until the next event is due', () => {
    const pacer = new Pacer('steady', 4, 0);
    pacer.take(0, 10);
    expect(pacer.delayMs(0)).toBe(250);
    expect(new Pacer('steady', 0.01, 0).delayMs(0)).toBe(1_000);
  });

  it('bursts to ten times the rate at the end of each burst period', () => {
    expect(rateAt('burst', 10, 0)).toBe(10);
    expect(rateAt('burst', 10, BURST_PERIOD_MS - 1)).toBe(10 * BURST_FACTOR);
    expect(rateAt('burst', 10, BURST_PERIOD_MS + 1)).toBe(10);
  });

  it('waves from a quiet night to a busy noon, averaging the rate', () => {
    expect(rateAt('wave', 100, 0)).toBeCloseTo(20);
    expect(rateAt('wave', 100, WAVE_PERIOD_MS / 2)).toBeCloseTo(180);
    const pacer = new Pacer('wave', 100, 0);
    const total = granted(pacer, WAVE_PERIOD_MS / 1000, 100);
    expect(total / (WAVE_PERIOD_MS / 1000)).toBeCloseTo(100, -1);
  });
});

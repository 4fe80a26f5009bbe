import { SharedRateCounts, type ExchangeRateCounts } from './shared-rate-counts';

const WINDOW = 60_000;

describe('SharedRateCounts', () => {
  let now: number;
  let reports: { windowStartMs: number; hits: ReadonlyMap<string, number> }[];
  let othersAnswer: Map<string, number>;
  const exchange: ExchangeRateCounts = async (report) => {
    reports.push(report);
    return othersAnswer;
  };
  beforeEach(() => {
    now = 10 * WINDOW + 1_000;
    reports = [];
    othersAnswer = new Map();
  });
  const counts = (maxKeys?: number) => new SharedRateCounts(exchange, { windowMs: WINDOW, maxKeys, now: () => now });

  it('counts per key in fixed windows aligned to the clock, and says when the window ends', () => {
    const shared = counts();
    expect(shared.hit('ada')).toEqual({ current: 1, ttl: 59_000 });
    now += 1_000;
    expect(shared.hit('ada')).toEqual({ current: 2, ttl: 58_000 });
    expect(shared.hit('bob').current).toBe(1);
    now = 11 * WINDOW;
    expect(shared.hit('ada')).toEqual({ current: 1, ttl: WINDOW });
  });

  it("reports only what it counted since the last report, and adds the other replicas' counts", async () => {
    const shared = counts();
    shared.hit('ada');
    shared.hit('ada');
    othersAnswer = new Map([['ada', 5]]);
    await shared.sync();
    shared.hit('ada');
    await shared.sync();

    expect(reports.map((report) => [report.windowStartMs, [...report.hits]])).toEqual([
      [10 * WINDOW, [['ada', 2]]],
      [10 * WINDOW, [['ada', 1]]],
    ]);
    expect(shared.hit('ada').current).toBe(4 + 5);
  });

  it('sends again what a failed exchange did not report', async () => {
    let down = true;
    const shared = new SharedRateCounts((report) => (down ? Promise.reject(new Error('api down')) : exchange(report)), { windowMs: WINDOW, now: () => now });
    shared.hit('ada');
    await expect(shared.sync()).rejects.toThrow('api down');
    shared.hit('ada');
    down = false;
    await shared.sync();

    expect(reports.map((report) => [...report.hits])).toEqual([[['ada', 2]]]);
  });

  it("forgets the other replicas' counts when a new window starts", async () => {
    const shared = counts();
    othersAnswer = new Map([['ada', 50]]);
    await shared.sync();
    expect(shared.hit('ada').current).toBe(51);
    now += WINDOW;
    expect(shared.hit('ada').current).toBe(1);
  });

  it('keeps at most maxKeys keys, dropping the longest counted', () => {
    const shared = counts(2);
    shared.hit('a');
    shared.hit('a');
    shared.hit('b');
    shared.hit('c');
    expect(shared.hit('a').current).toBe(1);
  });
});

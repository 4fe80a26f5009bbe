import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGrowthPoints, renderGrowth, saveGrowthPoint } from './growth';
import type { BenchResults } from './results';

function results(events: number, latestMs: number): BenchResults {
  return {
    date: '2026-12-05T10:00:00.000Z',
    load: { events, bytesOnDisk: events * 42, rowsPerSecond: 280_000 },
    queries: { api: { latest: { ms: latestMs } }, apiRssMaxMiB: 500, apiReadyMs: 1500, apiFirstPageMs: 2000 },
  } as unknown as BenchResults;
}

describe('the growth table', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bench-growth-'));
  const path = join(folder, 'growth.json');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps one column per dataset size, replaced by the next run of that size, smallest first', () => {
    saveGrowthPoint(path, results(10_000_000, 5));
    saveGrowthPoint(path, results(1_000_000, 4));
    saveGrowthPoint(path, results(10_000_000, 6));
    expect(readGrowthPoints(path).map((point) => [point.events, point.apiMs.latest])).toEqual([
      [1_000_000, 4],
      [10_000_000, 6],
    ]);
  });

  it('shows the largest size over the one before it, and the targets met or missed at the largest', () => {
    saveGrowthPoint(path, results(100_000_000, 420));
    const table = renderGrowth(readGrowthPoints(path));
    expect(table).toContain('| what | 1M events | 10M events | 100M events | growth | target |');
    expect(table).toContain('| latest 100 | 4.0 ms | 6.0 ms | 420.0 ms | 70.00x | ≤ 300 ms: MISSED |');
    expect(table).toContain('10x the data');
  });

  it('shows n/a for a size that ran before a row was added, and for its growth', () => {
    const [small, middle, large] = readGrowthPoints(path);
    const table = renderGrowth([small, { ...middle, apiMs: {} }, large]);
    expect(table).toContain('| latest 100 | 4.0 ms | n/a | 420.0 ms | n/a | ≤ 300 ms: MISSED |');
  });
});

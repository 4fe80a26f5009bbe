import type { Histogram } from '@logline/api-contract';
import { toLogFilters } from '../filters/log-filters';
import { buildHistogramView, CHART_HEIGHT, describeBucket } from './histogram-view';

const filters = toLogFilters({ level: ['error'], limit: 100, order: 'desc' });
const bucket = (start: string, end: string, counts: Record<string, number>) => ({
  start,
  end,
  total: Object.values(counts).reduce((a, b) => a + b, 0),
  counts: { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0, ...counts },
});

describe('buildHistogramView', () => {
  const histogram: Histogram = {
    from: '2026-11-28T12:00:00.000Z',
    to: '2026-11-28T12:02:00.000Z',
    bucket_seconds: 60,
    served_by: 'rollup',
    buckets: [
      bucket('2026-11-28T12:00:00.000Z', '2026-11-28T12:01:00.000Z', { INFO: 30, ERROR: 10 }),
      bucket('2026-11-28T12:01:00.000Z', '2026-11-28T12:02:00.000Z', { INFO: 10 }),
    ],
  };

  it('stacks levels from the bottom, the tallest bar filling the chart', () => {
    const view = buildHistogramView(histogram, filters);
    expect(view.total).toBe('50');
    expect(view.bucketText).toBe('1 min');
    expect(view.servedBy).toBe('per-minute rollup');
    const [first, second] = view.bars;
    expect(first.segments.map((s) => s.className)).toEqual(['bar bar-info', 'bar bar-error']);
    expect(Number(first.segments[0].height) + Number(first.segments[1].height)).toBeCloseTo(CHART_HEIGHT);
    expect(Number(first.segments[1].y)).toBeCloseTo(0);
    expect(Number(second.segments[0].height)).toBeCloseTo(CHART_HEIGHT / 4);
  });

  it('links each bar to the explorer narrowed to its range, keeping the other filters', () => {
    const href = new URL(buildHistogramView(histogram, filters).bars[1].href, 'http://web.test');
    expect(href.searchParams.get('from')).toBe('2026-11-28T12:01:00.000Z');
    expect(href.searchParams.get('to')).toBe('2026-11-28T12:02:00.000Z');
    expect(href.searchParams.getAll('level')).toEqual(['ERROR']);
  });

  it('names bucket sizes in words', () => {
    expect([10, 300, 7200, 86_400].map(describeBucket)).toEqual(['10 s', '5 min', '2 h', '1 d']);
  });
});

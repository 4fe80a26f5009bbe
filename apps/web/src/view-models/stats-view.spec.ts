import type { StatsResult } from '@logline/api-contract';
import { toLogFilters } from '../filters/log-filters';
import { buildStatsView, formatValue } from './stats-view';

const filters = toLogFilters({ q: 'level:error | stats count() by host', from: '1h', limit: 100, order: 'desc' });

const result: StatsResult = {
  by: ['host'],
  functions: ['count()', 'p99(attributes.duration_ms)'],
  rows: [
    { by: ['web-1'], values: [1200, 95.25] },
    { by: [''], values: [3, null] },
  ],
  has_more: true,
  over_time: {
    from: '2026-12-01T10:00:00.000Z',
    to: '2026-12-01T10:04:00.000Z',
    bucket_seconds: 60,
    buckets: ['2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z', '2026-12-01T10:02:00.000Z', '2026-12-01T10:03:00.000Z', '2026-12-01T10:04:00.000Z'],
    series: [
      { by: ['web-1'], values: [[0, 600, 300, null, 300], [null, 1, 2, null, 3]] },
      { by: [''], values: [[3, 0, 0, 0, 0], [null, null, null, null, null]] },
    ],
  },
};

describe('stats view', () => {
  it('lays out the by fields then the functions, naming groups without the attribute', () => {
    const view = buildStatsView(result, filters);
    expect(view.headers.map((header) => header.label)).toEqual(['host', 'count()', 'p99(attributes.duration_ms)']);
    expect(view.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['web-1', '1,200', '95.25'],
      ['(none)', '3', '—'],
    ]);
    expect(view.summary).toBe('2 groups, the busiest shown');
  });

  it('draws the first function per group, scaled to the peak, with a gap where a bucket has no value and a dot for a lone point', () => {
    const chart = buildStatsView(result, filters).chart;
    if (!chart) throw new Error('no chart');
    expect(chart.caption).toBe('count() per 1 min');
    expect(chart.peak).toBe('600');
    expect(chart.lines.map((line) => line.path)).toEqual([
      'M0.00 90.00 L250.00 0.00 L500.00 45.00 M1000.00 45.00 h0',
      'M0.00 89.55 L250.00 90.00 L500.00 90.00 L750.00 90.00 L1000.00 90.00',
    ]);
    expect(chart.lines.map((line) => [line.label, line.className])).toEqual([
      ['web-1', 'series series-0'],
      ['(none)', 'series series-1'],
    ]);
    expect(chart.labels.map((label) => label.text)).toEqual(['10:00', '10:02', '10:04']);
  });

  it('has no chart without buckets', () => {
    expect(buildStatsView({ ...result, over_time: undefined }, filters).chart).toBeUndefined();
  });

  it('shows a pattern as its template with its variables marked, linked to the events it counted', () => {
    const byPattern: StatsResult = {
      by: ['pattern', 'host'],
      functions: ['count()'],
      rows: [{ by: ['3f2a9c0d1e4b5a6f', 'web-1'], values: [9] }],
      has_more: false,
      pattern_templates: { '3f2a9c0d1e4b5a6f': 'Failed password for <*> port <*>' },
    };
    const [row] = buildStatsView(byPattern, toLogFilters({ q: 'level:error | stats count() by pattern, host', from: '1h', limit: 100, order: 'desc' })).rows;
    expect(row.cells.map((cell) => cell.text)).toEqual(['Failed password for <*> port <*>', 'web-1', '9']);
    expect(row.cells[0].pattern?.parts).toEqual([
      { text: 'Failed password for ', variable: false },
      { text: '<*>', variable: true },
      { text: ' port ', variable: false },
      { text: '<*>', variable: true },
    ]);
    expect(new URLSearchParams(row.cells[0].pattern?.href.slice(2)).get('q')).toBe('level:error pattern:3f2a9c0d1e4b5a6f');
    expect(row.cells[1].pattern).toBeUndefined();
  });

  it('formats numbers for people', () => {
    expect([formatValue(0), formatValue(295.0299), formatValue(0.001234), formatValue(-3.5), formatValue(null)]).toEqual(['0', '295.03', '0.00123', '-3.5', '—']);
  });
});

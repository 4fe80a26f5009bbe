import type { Histogram } from '@logline/api-contract';
import { buildDashboardPage } from './dashboard-page';

const histogram: Histogram = {
  from: '2026-11-28T16:00:00.000Z',
  to: '2026-11-28T17:00:00.000Z',
  bucket_seconds: 1800,
  served_by: 'rollup',
  buckets: [
    { start: '2026-11-28T16:00:00.000Z', end: '2026-11-28T16:30:00.000Z', total: 100, counts: { INFO: 90, ERROR: 10 } },
    { start: '2026-11-28T16:30:00.000Z', end: '2026-11-28T17:00:00.000Z', total: 50, counts: { INFO: 30, ERROR: 15, CRITICAL: 5 } },
  ],
};

const facets = {
  facets: {
    level: { values: [{ value: 'INFO', count: 120 }, { value: 'ERROR', count: 25 }, { value: 'CRITICAL', count: 5 }], has_more: false },
    source: { values: [{ value: 'payment', count: 90 }, { value: 'auth', count: 60 }], has_more: false },
  },
};

const freshness = {
  since: '2026-11-28T16:00:00.000Z',
  tail_poll_ms: 250,
  tail_safety_ms: 500,
  sources: [
    { source: 'auth', events: 60, p50_ms: 120, p95_ms: 400, p99_ms: 900, last_ingested_at: '2026-11-28T16:59:59.000Z' },
    { source: 'payment', events: 90, p50_ms: 900, p95_ms: 12_500, p99_ms: 20_000, last_ingested_at: '2026-11-28T16:59:58.000Z' },
  ],
};

describe('buildDashboardPage', () => {
  it('sums events, rate and the error share (ERROR + CRITICAL) over the range', () => {
    const page = buildDashboardPage('1h', { histogram });
    expect(page.stats.map(({ label, value }) => [label, value])).toEqual([
      ['Events', '150'],
      ['Events per minute', '3'],
      ['Error ratio', '20.0%'],
    ]);
    expect(page.stats[2]).toMatchObject({ detail: '30 ERROR or CRITICAL', tone: 'bad' });
  });

  it('draws the error share per bucket, scaled to the highest share', () => {
    const { ratio } = buildDashboardPage('1h', { histogram });
    // 10% then 40%: the second point touches the top (y 0), the first sits at a quarter height.
    expect(ratio?.points).toBe('250.00,45.00 750.00,0.00');
    expect(ratio?.area).toBe('250.00,60 250.00,45.00 750.00,0.00 750.00,60');
    expect(ratio?.peak).toBe('40.0%');
  });

  it('ranks sources with their share of all events and a link to them in the explorer', () => {
    const { sources } = buildDashboardPage('6h', { facets });
    expect(sources).toEqual([
      { label: 'payment', href: '/?source=payment&from=6h&limit=100&order=desc', count: '90', share: '60.0%', width: '100.00' },
      { label: 'auth', href: '/?source=auth&from=6h&limit=100&order=desc', count: '60', share: '40.0%', width: '66.67' },
    ]);
  });

  it('lists ingest lag worst first, marking a p95 over 10 s bad', () => {
    const page = buildDashboardPage('15m', { freshness });
    expect(page.lag?.map((row) => [row.source, row.p50, row.p95, row.tone])).toEqual([
      ['payment', '900 ms', '12.5 s', 'bad'],
      ['auth', '120 ms', '400 ms', 'ok'],
    ]);
    expect(page.stats).toEqual([{ label: 'Ingest lag p95', value: '12.5 s', detail: 'worst source', tone: 'bad' }]);
    expect(page.lagNote).toContain('live view adds up to 750 ms');
  });

  it('counts firing alert rules, and says when there are none configured', () => {
    const rule = { state: 'firing' } as never;
    expect(buildDashboardPage('1h', { alerts: { evaluation_interval_seconds: 15, rules: [rule, { state: 'inactive' } as never] } }).stats).toEqual([
      { label: 'Alerts firing', value: '1', detail: 'of 2 rules', tone: 'bad' },
    ]);
    expect(buildDashboardPage('1h', { alerts: { evaluation_interval_seconds: 15, rules: [] } }).stats[0]).toMatchObject({
      value: '0',
      detail: 'no rules configured',
      tone: 'ok',
    });
  });

  it('leaves out each panel whose api call failed, and marks the chosen range', () => {
    const page = buildDashboardPage('24h', {});
    expect(page).toMatchObject({ events: undefined, ratio: undefined, sources: undefined, lag: undefined, stats: [] });
    expect(page.ranges.filter((range) => range.active).map((range) => range.label)).toEqual(['24h']);
    expect(page.partialUrl).toBe('/partials/dashboard?range=24h');
  });
});

import type { DashboardTiles } from '@logline/api-contract';
import { dashboardFilters } from './dashboard-page';
import { buildTileViews } from './dashboard-tiles';

const pinned = { pinned_by: 'ana', pinned_at: '2026-11-28T16:00:00.000Z' };
const answer: DashboardTiles = {
  from: '2026-11-28T16:00:00.000Z',
  to: '2026-11-28T17:00:00.000Z',
  bucket_seconds: 900,
  tiles: [
    { ...pinned, saved_search: 'Payment errors', state: 'ok', search: { id: 'a1', q: 'level:error' }, count: 1234, sparkline: [0, 2, 4, 1] },
    {
      ...pinned,
      saved_search: 'Errors by pattern',
      state: 'ok',
      search: { id: 'b2', q: 'level:error | stats count() by pattern' },
      stats: {
        by: ['pattern'],
        functions: ['count()'],
        rows: [{ by: ['3f2a9c0d1e4b5a6f'], values: [9] }],
        has_more: false,
        pattern_templates: { '3f2a9c0d1e4b5a6f': 'disk <*> full' },
        over_time: {
          from: '2026-11-28T16:00:00.000Z',
          to: '2026-11-28T17:00:00.000Z',
          bucket_seconds: 900,
          buckets: ['2026-11-28T16:00:00.000Z', '2026-11-28T16:15:00.000Z', '2026-11-28T16:30:00.000Z', '2026-11-28T16:45:00.000Z'],
          series: [{ by: ['3f2a9c0d1e4b5a6f'], values: [[0, 6, 3, 0]] }],
        },
      },
    },
    { ...pinned, saved_search: 'Gone', state: 'missing', message: "no saved search is named 'Gone' any more: it was deleted", search: null },
    { ...pinned, saved_search: 'Too big', state: 'failed', message: 'the stats command read too many rows', search: { id: 'c3' } },
  ],
};

describe('buildTileViews', () => {
  const [count, stats, missing, failed] = buildTileViews(answer, dashboardFilters('1h'));

  it('shows a search tile as its count with a sparkline, linked to the saved search', () => {
    expect(count).toMatchObject({ name: 'Payment errors', tone: 'ok', count: '1,234', openHref: '/saved-searches/a1', query: 'level:error', pinnedBy: 'ana' });
    expect(count.sparkline?.bars.map((bar) => bar.height)).toEqual(['0.00', '10.00', '20.00', '5.00']);
  });

  it("shows a stats search tile as its groups, a pattern by its template linked to its events over the dashboard's range", () => {
    expect(stats.count).toBeUndefined();
    const [cell] = stats.stats?.rows[0].cells ?? [];
    expect(cell.text).toBe('disk <*> full');
    const link = new URLSearchParams(cell.pattern?.href.slice(2));
    expect([link.get('q'), link.get('from')]).toEqual(['level:error pattern:3f2a9c0d1e4b5a6f', '1h']);
    // Each group over the range, labelled as in the table.
    expect(stats.stats?.chart?.lines.map((line) => line.label)).toEqual(['disk <*> full']);
  });

  it('says when the saved search was deleted or could not be counted', () => {
    expect(missing).toMatchObject({ tone: 'missing', problem: 'The saved search “Gone” was deleted: remove this tile, or save a search under this name again.' });
    expect(missing.openHref).toBeUndefined();
    expect(failed).toMatchObject({ tone: 'failed', openHref: '/saved-searches/c3', problem: 'This search could not be counted now: the stats command read too many rows.' });
  });
});

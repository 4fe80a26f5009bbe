import type { StoredLog } from '@logline/log-schema';
import { toLogFilters } from '../filters/log-filters';
import { buildLogsPage, buildResults } from './logs-page';

const LOG: StoredLog = {
  id: 'r1',
  timestamp: '2026-11-28T17:00:00.123Z',
  log_level: 'INFO',
  message: 'user signed in',
  source: 'auth',
  host: 'h1',
  producer_id: 'p1',
  seq: 1,
  attributes: {},
  trace_id: '',
  span_id: '',
  pattern_id: '3f0c9a1be27d4c58',
  ingested_at: '2026-11-28T17:00:00.200Z',
};
const FIRST_PAGE = toLogFilters({ limit: 100, order: 'desc' });

describe('buildResults', () => {
  it('counts the rows and names the range and order', () => {
    const results = buildResults(toLogFilters({ from: '15m', limit: 100, order: 'desc' }), {
      rows: [LOG, LOG],
      nextCursor: 'c2',
      prevCursor: null,
      elapsedMs: 7, readAtMs: 1_764_000_000_000,
    });

    expect(results.summary).toBe('2 rows, more available');
    expect(results.rangeText).toBe('Last 15 minutes');
    expect(results.orderText).toBe('newest first');
    expect(results.next?.label).toBe('Older →');
    expect(results.apiStatus).toEqual({ tone: 'ok', text: 'API ok · 7 ms' });
  });

  it('links a row\'s level and source to the view narrowed to them, keeping the other filters', () => {
    const results = buildResults(toLogFilters({ from: '15m', limit: 100, order: 'desc' }), { rows: [LOG], nextCursor: null, prevCursor: null, elapsedMs: 1, readAtMs: 1_764_000_000_000 });
    const level = new URL(results.rows[0].levelHref, 'http://web.test');
    expect(level.searchParams.getAll('level')).toEqual(['INFO']);
    expect(level.searchParams.get('from')).toBe('15m');
    expect(new URL(results.rows[0].sourceHref, 'http://web.test').searchParams.getAll('source')).toEqual(['auth']);
  });

  it('says "1 row" and offers no next page on the last one', () => {
    const results = buildResults(FIRST_PAGE, { rows: [LOG], nextCursor: null, prevCursor: null, elapsedMs: 1, readAtMs: 1_764_000_000_000 });

    expect(results.summary).toBe('1 row');
    expect(results.next).toBeUndefined();
  });

  it('offers auto-refresh on the first page only, and a way back to it from later pages', () => {
    const later = buildResults(toLogFilters({ cursor: 'c2', limit: 100, order: 'desc' }), {
      rows: [],
      nextCursor: null,
      prevCursor: 'p1',
      elapsedMs: 1, readAtMs: 1_764_000_000_000,
    });

    expect(later.liveAvailable).toBe(false);
    expect(later.first).toEqual({ href: '/?limit=100&order=desc', label: '⇤ Latest' });
    expect(later.previous).toEqual({ href: '/?limit=100&order=desc&before=p1', label: '← Newer' });
    expect(buildResults(FIRST_PAGE, { rows: [], nextCursor: null, prevCursor: null, elapsedMs: 1, readAtMs: 1_764_000_000_000 }).liveAvailable).toBe(true);
  });

  it('explains an empty result by whether filters narrowed it', () => {
    const empty = { rows: [], nextCursor: null, prevCursor: null, elapsedMs: 1, readAtMs: 1_764_000_000_000 };

    expect(buildResults(FIRST_PAGE, empty).emptyHint).toMatch(/No logs stored yet/);
    expect(buildResults(toLogFilters({ q: 'x', limit: 100, order: 'desc' }), empty).emptyHint).toMatch(
      /No logs match these filters/,
    );
  });
});

describe('buildLogsPage', () => {
  it('puts the api status in the header and the form beside the results', () => {
    const page = buildLogsPage(FIRST_PAGE, { rows: [LOG], nextCursor: null, prevCursor: null, elapsedMs: 3, readAtMs: 1_764_000_000_000 });

    expect(page.title).toBe('Logs');
    expect(page.apiStatus.tone).toBe('ok');
    expect(page.form.q).toBe('');
    expect(page.results.rows[0].message).toBe('user signed in');
  });
});

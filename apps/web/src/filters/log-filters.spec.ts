import { InvalidFilterError } from './invalid-filter-error';
import { toLogFilters, toSearchParams } from './log-filters';

const DEFAULTS = { limit: 100, order: 'desc' } as const;

describe('toLogFilters', () => {
  it('accepts sources repeated or comma-separated, trimmed and without duplicates', () => {
    const filters = toLogFilters({ ...DEFAULTS, source: ['auth, payment', 'search', ' auth ', ''] });

    expect(filters.sources).toEqual(['auth', 'payment', 'search']);
  });

  it('reads level aliases in any case as level names', () => {
    expect(toLogFilters({ ...DEFAULTS, level: ['warn', 'Error', 'ERR', 'fatal'] }).levels).toEqual([
      'WARNING', 'ERROR', 'CRITICAL',
    ]);
  });

  it('refuses an unknown level, saying which', () => {
    expect(() => toLogFilters({ ...DEFAULTS, level: ['LOUD'] })).toThrow(new InvalidFilterError(
      "level: 'LOUD' is not a level (DEBUG, INFO, WARNING, ERROR, CRITICAL, or an alias such as warn).",
    ));
  });

  it('treats blank fields and "all" time as no filter', () => {
    const filters = toLogFilters({ ...DEFAULTS, level: [''], q: '  ', from: 'all', to: '', cursor: '', before: '' });

    expect(filters).toEqual({ levels: [], sources: [], producerIds: [], patternIds: [], excludedPatternIds: [], limit: 100, order: 'desc', sort: 'time', live: false });
  });

  it('keeps cursors exactly as the api issued them', () => {
    const filters = toLogFilters({ ...DEFAULTS, cursor: ' a+b/c== ', before: 'x y' });

    expect([filters.cursor, filters.before]).toEqual([' a+b/c== ', 'x y']);
  });
});

describe('toSearchParams', () => {
  const filters = toLogFilters({
    level: ['ERROR', 'WARNING'],
    source: ['auth', 'payment'],
    producer_id: ['p1'],
    q: 'disk full',
    from: '15m',
    to: 'now',
    limit: 50,
    order: 'asc',
    sort: 'time',
    cursor: 'c1',
    live: '1',
  });

  it('spells the filters the way the api reads them, without the page-only `live`', () => {
    expect(toSearchParams(filters).toString()).toBe(
      'level=ERROR&level=WARNING&source=auth&source=payment&producer_id=p1&q=disk+full&from=15m&to=now&limit=50&order=asc&cursor=c1',
    );
  });

  it('puts the page at another position when asked', () => {
    expect(toSearchParams(filters, { before: 'b1' }).toString()).toMatch(/&order=asc&before=b1$/);
  });
});

import { toLogFilters } from '../filters/log-filters';
import { buildFacetViews, withFacetValue } from './facets-view';

const filters = toLogFilters({ source: ['auth'], limit: 100, order: 'desc' });

describe('facets', () => {
  const response = {
    facets: {
      level: { values: [{ value: 'INFO', count: 1200 }], has_more: false },
      source: { values: [{ value: 'auth', count: 900 }, { value: 'payment', count: 300 }], has_more: true },
      host: { values: [{ value: 'db "1"', count: 5 }], has_more: false },
    },
  };

  it('lists values with counts, marks active filters, offers more', () => {
    const [level, source] = buildFacetViews(response, filters, 8);
    expect(level.entries[0]).toMatchObject({ value: 'INFO', count: '1,200', badgeClass: 'badge badge-info' });
    expect(source.entries.map((entry) => entry.active)).toEqual([true, false]);
    expect(source.moreHref).toMatch(/&facets=32$/);
  });

  it('adds a clicked value as a filter; a host through the search syntax, quoted', () => {
    expect(withFacetValue(filters, 'source', 'payment').sources).toEqual(['auth', 'payment']);
    expect(withFacetValue(filters, 'level', 'ERROR').levels).toEqual(['ERROR']);
    expect(withFacetValue(filters, 'host', 'db "1"').q).toBe('host:"db \\"1\\""');
  });
});

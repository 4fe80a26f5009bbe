import type { StoredLog } from '@logline/log-schema';
import { toLogFilters } from '../filters/log-filters';
import { buildFieldStatsView, listFieldLinks } from './field-stats-view';

const filters = toLogFilters({ source: ['payment'], from: '1h', limit: 100, order: 'desc' });
const row = (attributes: Record<string, string>) => ({ attributes }) as StoredLog;

describe('field statistics view', () => {
  it('offers the columns and the pattern, then the attribute names on the page, each opening its panel on the same filters', () => {
    const links = listFieldLinks(filters, [row({ region: 'eu', duration_ms: '3' }), row({ region: 'us' })], 'attributes.region');
    expect(links.map((link) => link.name)).toEqual(['level', 'source', 'host', 'producer_id', 'pattern', 'attributes.duration_ms', 'attributes.region']);
    expect(links.find((link) => link.active)?.name).toBe('attributes.region');
    expect(links[6].href).toBe('/?source=payment&from=1h&limit=100&order=desc&field=attributes.region#field-stats');
  });

  it('shows top values with shares linking to the value as a search term, and the number summary', () => {
    const view = buildFieldStatsView(
      {
        field: 'attributes.duration_ms',
        events: 200,
        distinct: 2,
        top: [{ value: '12 "ms"', count: 150 }, { value: '', count: 50 }],
        has_more: false,
        numbers: { min: 1, max: 1500, avg: 20.125, p50: 12, p90: 30.5, p99: 1200.456 },
      },
      filters,
    );
    expect(view.summary).toBe('200 events · 2 distinct values');
    expect(view.top).toEqual([
      { value: '12 "ms"', count: '150', share: '75.0%', href: `/?${new URLSearchParams({ source: 'payment', q: 'attributes.duration_ms:"12 \\"ms\\""', from: '1h', limit: '100', order: 'desc' })}` },
      { value: '(none)', count: '50', share: '25.0%', href: undefined },
    ]);
    expect(view.numbers).toEqual([
      { label: 'min', value: '1' },
      { label: 'p50', value: '12' },
      { label: 'avg', value: '20.13' },
      { label: 'p90', value: '30.5' },
      { label: 'p99', value: '1,200.46' },
      { label: 'max', value: '1,500' },
    ]);
  });

  it("shows a pattern's template, variables marked, linking to its events", () => {
    const view = buildFieldStatsView(
      { field: 'pattern', events: 12, distinct: 1, top: [{ value: '3f2a9c0d1e4b5a6f', count: 9 }], has_more: false, numbers: null, pattern_templates: { '3f2a9c0d1e4b5a6f': 'disk <*> full' } },
      filters,
    );
    expect(view.top).toEqual([
      {
        value: '3f2a9c0d1e4b5a6f',
        parts: [{ text: 'disk ', variable: false }, { text: '<*>', variable: true }, { text: ' full', variable: false }],
        count: '9',
        share: '75.0%',
        href: `/?${new URLSearchParams({ source: 'payment', q: 'pattern:"3f2a9c0d1e4b5a6f"', from: '1h', limit: '100', order: 'desc' })}`,
      },
    ]);
  });
});

import { toLogFilters } from '../filters/log-filters';
import { buildFilterForm } from './filter-form';

const selected = (options: readonly { value: string; selected: boolean }[]) =>
  options.filter((option) => option.selected).map((option) => option.value);

describe('buildFilterForm', () => {
  it('mirrors the filters in the URL', () => {
    const form = buildFilterForm(
      toLogFilters({ level: ['ERROR'], source: ['auth', 'payment'], q: 'disk', from: '1h', limit: 200, order: 'asc', live: '1' }),
    );

    expect(form.q).toBe('disk');
    expect(form.sources).toBe('auth, payment');
    expect(form.levels.filter((level) => level.checked).map((level) => level.value)).toEqual(['ERROR']);
    expect(form.levels.map((level) => level.badgeClass)).toContain('badge badge-critical');
    expect(selected(form.ranges)).toEqual(['1h']);
    expect(selected(form.pageSizes)).toEqual(['200']);
    expect(selected(form.orders)).toEqual(['asc']);
    expect(form.live).toBe(true);
  });

  it('offers the time ranges in words, all time selected by default', () => {
    const form = buildFilterForm(toLogFilters({ limit: 100, order: 'desc' }));

    expect(form.ranges.map((range) => range.label)).toEqual([
      'All time', 'Last 5 minutes', 'Last 15 minutes', 'Last 1 hour', 'Last 24 hours', 'Last 7 days', 'Custom: from – to below',
    ]);
    expect(selected(form.ranges)).toEqual(['all']);
    expect(selected(form.pageSizes)).toEqual(['100']);
  });

  it('keeps values from a hand-written URL selectable, and filters without a control as hidden fields', () => {
    const form = buildFilterForm(
      toLogFilters({ from: '30m', to: '2026-11-28T18:00:00Z', producer_id: ['p1', 'p2'], limit: 25, order: 'desc' }),
    );

    expect(form.ranges.at(-1)).toEqual({ value: '30m', label: 'Last 30 minutes', selected: true });
    expect([form.start, form.end]).toEqual(['', '']);
    expect(form.pageSizes.map((size) => size.value)).toEqual(['25', '50', '100', '200', '500']);
    expect(form.hidden).toEqual([
      { name: 'to', value: '2026-11-28T18:00:00Z' },
      { name: 'producer_id', value: 'p1' },
      { name: 'producer_id', value: 'p2' },
    ]);
  });

  it('shows an absolute range (a zoomed histogram bar, say) as Custom with its from and to fields filled, in UTC', () => {
    const form = buildFilterForm(toLogFilters({ from: '2026-11-28T17:00:00.000Z', to: '2026-11-28T17:05:30+01:00', limit: 100, order: 'desc' }));
    expect(form.ranges.filter((range) => range.selected).map((range) => range.value)).toEqual(['custom']);
    expect([form.start, form.end]).toEqual(['2026-11-28T17:00:00', '2026-11-28T16:05:30']);
    expect(form.hidden).toEqual([]);
  });

  it('reads Custom from the start and end fields as UTC, and ignores them under a preset', () => {
    expect(toLogFilters({ from: 'custom', start: '2026-11-28T17:00', end: '2026-11-28T18:00:30', limit: 100, order: 'desc' })).toMatchObject({
      from: '2026-11-28T17:00:00Z',
      to: '2026-11-28T18:00:30Z',
    });
    expect(toLogFilters({ from: 'custom', start: '', end: '2026-11-28T18:00', limit: 100, order: 'desc' })).toMatchObject({ from: undefined, to: '2026-11-28T18:00:00Z' });
    expect(toLogFilters({ from: '1h', start: '2026-11-28T17:00', end: '2026-11-28T18:00', limit: 100, order: 'desc' })).toMatchObject({ from: '1h', to: undefined });
  });
});

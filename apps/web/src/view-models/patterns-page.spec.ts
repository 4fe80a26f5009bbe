import type { Patterns } from '@logline/api-contract';
import { toLogFilters } from '../filters/log-filters';
import { buildPatternsPage, splitTemplate } from './patterns-page';

const ANSWER: Patterns = {
  from: '2026-11-28T16:00:00.000Z',
  to: '2026-11-28T17:00:00.000Z',
  bucket_seconds: 120,
  total: 40,
  complete: true,
  served_by: 'rollup',
  patterns: [
    {
      pattern_id: 'aaaaaaaaaaaaaaaa',
      template: '<*> failed for <*>',
      count: 30,
      share: 0.75,
      first_seen: '2026-11-28T16:01:00.000Z',
      last_seen: '2026-11-28T16:59:00.000Z',
      sample: 'login failed for bob',
      sparkline: [0, 10, 20],
    },
  ],
};

describe('splitTemplate', () => {
  it('marks each variable and keeps the text between them', () => {
    expect(splitTemplate('<*> failed for <*>')).toEqual([
      { text: '<*>', variable: true },
      { text: ' failed for ', variable: false },
      { text: '<*>', variable: true },
    ]);
    expect(splitTemplate('no variables')).toEqual([{ text: 'no variables', variable: false }]);
  });
});

describe('buildPatternsPage', () => {
  const filters = toLogFilters({ limit: 100, order: 'desc', from: '1h', level: ['error'], exclude_pattern_id: ['bbbbbbbbbbbbbbbb'] });
  const page = buildPatternsPage(filters, ANSWER);
  const [row] = page.rows;

  it('links a pattern to the explorer filtered to it, keeping the other filters', () => {
    const href = new URL(row.filterHref, 'http://web');
    expect(href.pathname).toBe('/');
    expect(href.searchParams.getAll('pattern_id')).toEqual(['aaaaaaaaaaaaaaaa']);
    expect(href.searchParams.getAll('exclude_pattern_id')).toEqual([]);
    expect(href.searchParams.get('level')).toBe('ERROR');
    expect(href.searchParams.get('from')).toBe('1h');
  });

  it('hides a pattern by adding it to the hidden ones, and offers to show them all again', () => {
    const href = new URL(row.hideHref, 'http://web');
    expect(href.pathname).toBe('/patterns');
    expect(href.searchParams.getAll('exclude_pattern_id')).toEqual(['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa']);
    expect(page.hidden?.text).toBe('1 pattern hidden');
    expect(new URL(page.hidden?.showAllHref ?? '', 'http://web').searchParams.getAll('exclude_pattern_id')).toEqual([]);
  });

  it('states count, share and times, and scales the sparkline to its busiest bucket', () => {
    expect([row.count, row.share, row.firstSeen]).toEqual(['30', '75.0%', '2026-11-28 16:01:00.000']);
    expect(row.sparkline.bars.map((bar) => bar.height)).toEqual(['0.00', '10.00', '20.00']);
    expect(page.summary).toBe('40 events · 1 pattern shown');
    expect(page.form.action).toBe('/patterns');
  });
});

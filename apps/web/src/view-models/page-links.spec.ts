import { toLogFilters } from '../filters/log-filters';
import { logsPageHref, pageLinks } from './page-links';

const FILTERS = toLogFilters({
  level: ['ERROR', 'CRITICAL'],
  source: ['auth'],
  q: 'card declined',
  from: '1h',
  limit: 50,
  order: 'desc',
  sort: 'time',
  cursor: 'page2',
  live: '1',
});

function parse(href: string | undefined): URL {
  return new URL(href ?? '', 'http://web.test');
}

describe('pageLinks', () => {
  it('links to the next page with every filter kept and the new cursor in place of the old', () => {
    const { next } = pageLinks(FILTERS, 'page/3==', null);

    expect(next?.label).toBe('Older →');
    const url = parse(next?.href);
    expect(url.pathname).toBe('/');
    expect(url.searchParams.getAll('level')).toEqual(['ERROR', 'CRITICAL']);
    expect(url.searchParams.get('source')).toBe('auth');
    expect(url.searchParams.get('q')).toBe('card declined');
    expect(url.searchParams.get('from')).toBe('1h');
    expect(url.searchParams.get('limit')).toBe('50');
    expect(url.searchParams.getAll('cursor')).toEqual(['page/3==']);
  });

  it('links to the previous page with `before`, dropping the cursor', () => {
    const url = parse(pageLinks(FILTERS, null, 'row9').previous?.href);

    expect(url.searchParams.get('before')).toBe('row9');
    expect(url.searchParams.has('cursor')).toBe(false);
  });

  it('drops auto-refresh, which only makes sense at the top of the results', () => {
    const links = pageLinks(FILTERS, 'n', 'p');

    expect([links.next?.href, links.previous?.href, links.first?.href].join()).not.toContain('live');
  });

  it('names directions by the order chosen', () => {
    const oldestFirst = pageLinks({ ...FILTERS, order: 'asc' }, 'n', 'p');

    expect([oldestFirst.previous?.label, oldestFirst.next?.label, oldestFirst.first?.label]).toEqual([
      '← Older', 'Newer →', '⇤ Earliest',
    ]);
  });

  it('offers no next page on the last one, and no way back from the top', () => {
    const top = pageLinks({ ...FILTERS, cursor: undefined }, null, null);

    expect(top).toEqual({ next: undefined, previous: undefined, first: undefined });
  });
});

describe('logsPageHref', () => {
  it('leads to the top of the results by default', () => {
    expect(logsPageHref(FILTERS)).toBe('/?level=ERROR&level=CRITICAL&source=auth&q=card+declined&from=1h&limit=50&order=desc');
  });
});

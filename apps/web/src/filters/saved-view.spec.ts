import { toLogFilters } from './log-filters';
import { savedViewHref, toSavedView } from './saved-view';

describe('saved views', () => {
  it('keeps what the explorer shows and opens it again at the same address', () => {
    const filters = toLogFilters({ q: 'timeout | stats count() by host', level: ['err'], source: ['payment, auth'], producer_id: ['p-1'], from: '1h', limit: 50, order: 'asc', sort: 'level' });
    const view = toSavedView(filters);
    expect(view).toEqual({ q: 'timeout | stats count() by host', level: ['ERROR'], source: ['payment', 'auth'], producer_id: ['p-1'], from: '1h', sort: 'level', order: 'asc' });
    const reopened = toLogFilters({ ...Object.fromEntries(new URL(savedViewHref(view), 'http://x').searchParams), level: ['ERROR'], source: ['payment', 'auth'], producer_id: ['p-1'], limit: 50, order: 'asc', sort: 'level' });
    expect(toSavedView(reopened)).toEqual(view);
  });

  it('leaves out what was not chosen, so an all-time view stays all time', () => {
    const view = toSavedView(toLogFilters({ limit: 100, order: 'desc' }));
    expect(view).toEqual({ sort: 'time', order: 'desc' });
    expect(savedViewHref(view)).toBe('/?order=desc');
  });
});

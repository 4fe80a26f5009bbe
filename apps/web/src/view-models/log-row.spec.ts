import type { StoredLog } from '@logline/log-schema';
import { levelBadgeClass, toLogRowView } from './log-row';

const LOG: StoredLog = {
  id: 'r1',
  timestamp: '2026-11-28T17:00:00.123Z',
  log_level: 'CRITICAL',
  message: '<img src=x onerror=alert(1)> {{x}}',
  source: 'auth',
  host: 'h1',
  producer_id: 'p1',
  seq: 12,
  attributes: { region: 'eu' },
  trace_id: '',
  span_id: '',
  pattern_id: '3f0c9a1be27d4c58',
  ingested_at: '2026-11-28T17:00:00.200Z',
};

describe('levelBadgeClass', () => {
  it.each([
    ['DEBUG', 'badge badge-debug'],
    ['INFO', 'badge badge-info'],
    ['WARNING', 'badge badge-warning'],
    ['ERROR', 'badge badge-error'],
    ['CRITICAL', 'badge badge-critical'],
  ])('%s → %s', (level, className) => {
    expect(levelBadgeClass(level)).toBe(className);
  });
});

describe('toLogRowView', () => {
  it('shapes a stored log for the table', () => {
    expect(toLogRowView(LOG)).toEqual({
      id: 'r1',
      timestamp: '2026-11-28 17:00:00.123',
      isoTimestamp: '2026-11-28T17:00:00.123Z',
      level: 'CRITICAL',
      badgeClass: 'badge badge-critical',
      source: 'auth',
      message: '<img src=x onerror=alert(1)> {{x}}',
      host: 'h1',
      producerId: 'p1',
      seq: '12',
      details: 'host=h1  producer=p1  seq=12  region=eu',
      detailHref: '/logs/r1',
    });
  });

  // The template escapes once; escaping here as well would show "&amp;lt;" to the reader.
  it('leaves hostile text raw for the template to escape', () => {
    expect(toLogRowView(LOG).message).toBe(LOG.message);
  });

  it('leaves out what a log does not have', () => {
    const bare = toLogRowView({ ...LOG, host: '', producer_id: '', seq: null, attributes: {} });

    expect(bare.seq).toBe('');
    expect(bare.details).toBe('');
  });
});

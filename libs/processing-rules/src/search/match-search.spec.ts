import type { LogRow } from '@logline/log-schema';
import { matchesSearch } from './match-search';
import { parseSearch } from '@logline/search-syntax';

const row: LogRow = {
  timestamp: '2026-11-28 17:00:00.000',
  log_level: 'ERROR',
  message: 'Payment_FAILED for order A-17: café closed, Connection  refused',
  source: 'payment',
  host: 'web-1',
  producer_id: 'gen-1',
  seq: 1,
  attributes: { user_id: '42', empty: '' },
  trace_id: '',
  span_id: '',
};

function matches(q: string): boolean {
  const search = parseSearch(q);
  if (!search) throw new Error('blank search');
  return matchesSearch(search, row);
}

describe('matchesSearch', () => {
  it.each([
    ['payment failed', true],
    ['PAYMENT order a 17', true],
    ['pay', false],
    ['caf', false],
    ['"connection  REFUSED"', true],
    ['"connection refused"', false],
    ['-refused', false],
    ['-timeout', true],
  ])('matches words as the text index splits them: %p -> %p', (q, expected) => {
    expect(matches(q)).toBe(expected);
  });

  it.each([
    ['level:error', true],
    ['level:warn level:error', true],
    ['level:warn', false],
    ['source:pay*', true],
    ['-source:payment', false],
    ['host:web-1 producer_id:gen-1', true],
    ['attributes.user_id:42', true],
    ['attributes.user_id:4*', true],
    ['attributes.missing:x', false],
    ['-attributes.missing:x', true],
    ['attributes.empty:x', false],
    ['trace_id:4BF9', false],
    ['-span_id:00f0', true],
  ])('matches field terms as the table does: %p -> %p', (q, expected) => {
    expect(matches(q)).toBe(expected);
  });
});

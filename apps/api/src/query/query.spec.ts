import { decodeCursor, encodeCursor } from './cursor';
import { toSearchWords } from './search-words';
import { parseTimeBound } from './time-bound';

describe('query parameters', () => {
  const now = Date.UTC(2026, 10, 28, 12);

  it('reads relative and absolute time bounds', () => {
    expect(parseTimeBound('from', '15m', now)).toBe(now - 15 * 60_000);
    expect(parseTimeBound('from', '7d', now)).toBe(now - 7 * 86_400_000);
    expect(parseTimeBound('to', '2026-11-28T11:00:00Z', now)).toBe(now - 3_600_000);
    expect(parseTimeBound('to', 'now', now)).toBe(now);
    expect(parseTimeBound('to', undefined, now)).toBeUndefined();
    expect(() => parseTimeBound('from', 'last week', now)).toThrow(/from: 'last week' is neither/);
  });

  it('splits q into lower-case words the way the text index does', () => {
    expect(toSearchWords('Payment FAILED user_42 payment')).toEqual(['payment', 'failed', 'user', '42']);
    expect(toSearchWords('  ')).toBeUndefined();
    expect(() => toSearchWords('!!!')).toThrow(/no words/);
  });

  it('round-trips cursors and refuses forged ones', () => {
    const cursor = { timestampMs: now, rowKey: '18446744073709551615' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"t":1,"k":"1 OR 1"}').toString('base64url'))).toThrow(/cursor/);
  });
});

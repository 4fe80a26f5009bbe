import { readCursor } from './cursor';
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

  it('reads cursors and refuses forged ones', () => {
    expect(readCursor('cursor', '1795885200123.18446744073709551615')).toEqual({ timestampMs: 1795885200123, rowKey: '18446744073709551615' });
    expect(readCursor('cursor', undefined)).toBeUndefined();
    expect(() => readCursor('cursor', 'garbage')).toThrow(/cursor: 'garbage'/);
    expect(() => readCursor('before', '1.18446744073709551616')).toThrow(/before/);
    expect(() => readCursor('cursor', '1.1 OR 1=1')).toThrow(/cursor/);
  });
});

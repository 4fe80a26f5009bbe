import { formatClickHouseTime, parseIsoTimestamp } from './parse-timestamp';
import { readUtcTimestampText } from './utc-timestamp-text';

describe('readUtcTimestampText', () => {
  it.each([
    ['2026-11-28T17:00:00.123Z', '2026-11-28 17:00:00.123'],
    ['2026-11-28t17:00:00z', '2026-11-28 17:00:00.000'],
    ['2026-11-28 17:00:00,5', '2026-11-28 17:00:00.500'],
    ['2026-11-28T17:00:00.123456789Z', '2026-11-28 17:00:00.123'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29 23:59:59.999'],
    ['1970-01-01T00:00:00Z', '1970-01-01 00:00:00.000'],
    ['2299-12-31T23:59:59.999Z', '2299-12-31 23:59:59.999'],
  ])('reads %p as the general parser does', (text, expected) => {
    const millis = parseIsoTimestamp(text) as number;
    expect(readUtcTimestampText(text)).toEqual({ millis, text: expected });
    expect(formatClickHouseTime(millis)).toBe(expected);
  });

  it.each([
    '2026-11-28T17:00:00+01:00', // offsets
    '2026-02-29T00:00:00Z', // no such day
    '2100-02-29T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-11-28T24:00:00Z',
    '1969-12-31T23:59:59.999Z', // outside 1970-2299
    '2300-01-01T00:00:00Z',
    '0075-01-01T00:00:00Z',
    '2026-11-28T17:00:00.Z',
    '2026-11-28T17:00:00.1234567890Z',
    '2026-11-28',
    'yesterday',
  ])('leaves %p to the general parser', (text) => {
    expect(readUtcTimestampText(text)).toBeUndefined();
  });
});

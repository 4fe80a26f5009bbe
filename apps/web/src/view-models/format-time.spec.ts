import { describeDuration, describeTimeRange, formatUtc } from './format-time';

describe('formatUtc', () => {
  it('prints UTC with milliseconds', () => {
    expect(formatUtc('2026-11-28T17:00:00.123Z')).toBe('2026-11-28 17:00:00.123');
    expect(formatUtc('2026-11-28T17:00:00Z')).toBe('2026-11-28 17:00:00.000');
  });

  it('converts an offset time to UTC', () => {
    expect(formatUtc('2026-11-28T19:30:00.500+02:00')).toBe('2026-11-28 17:30:00.500');
  });

  it('leaves text that is not a time as it is', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});

describe('describeDuration', () => {
  it.each([
    ['5m', '5 minutes'],
    ['1h', '1 hour'],
    ['24h', '24 hours'],
    ['7d', '7 days'],
    ['30s', '30 seconds'],
  ])('%s reads "%s"', (value, words) => {
    expect(describeDuration(value)).toBe(words);
  });

  it('is undefined for a time', () => {
    expect(describeDuration('2026-11-28T17:00:00Z')).toBeUndefined();
  });
});

describe('describeTimeRange', () => {
  it('reads "All time" without bounds', () => {
    expect(describeTimeRange(undefined, undefined)).toBe('All time');
  });

  it('reads a relative start as "Last …"', () => {
    expect(describeTimeRange('15m', undefined)).toBe('Last 15 minutes');
  });

  it('names absolute bounds in UTC', () => {
    expect(describeTimeRange('2026-11-28T17:00:00Z', undefined)).toBe('Since 2026-11-28 17:00:00.000 UTC');
    expect(describeTimeRange(undefined, '1h')).toBe('Until 1 hour ago');
    expect(describeTimeRange('24h', '2026-11-28T18:00:00.000Z')).toBe(
      'From 24 hours ago to 2026-11-28 18:00:00.000 UTC',
    );
  });
});

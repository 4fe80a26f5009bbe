import { formatDuration, parseDuration } from './duration';

describe('rule durations', () => {
  it.each([
    ['30s', 30_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['0s', 0],
    ['2d', 172_800_000],
  ])('reads %s as %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '1.5m', '30s1m', '1m1m', ' 1m', '-1m', '1y'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    [60_000, '1m'],
    [5_400_000, '1h30m'],
    [1_500, '1s500ms'],
    [0, '0s'],
  ])('spells %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});

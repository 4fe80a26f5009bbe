import { randomBytes } from 'node:crypto';
import { isSameSecret } from './same-secret';

const secret = () => randomBytes(32).toString('base64url');

describe('isSameSecret', () => {
  it('matches only the exact secret', () => {
    const expected = secret();

    expect(isSameSecret(expected, expected)).toBe(true);
    expect(isSameSecret(expected, `${expected}x`)).toBe(false);
    expect(isSameSecret(expected, expected.slice(1))).toBe(false);
    expect(isSameSecret(expected, secret())).toBe(false);
  });

  it('never matches when either side is missing, empty or not a string', () => {
    const expected = secret();

    expect(isSameSecret(undefined, expected)).toBe(false);
    expect(isSameSecret('', '')).toBe(false);
    expect(isSameSecret(expected, undefined)).toBe(false);
    expect(isSameSecret(expected, [expected])).toBe(false);
  });
});

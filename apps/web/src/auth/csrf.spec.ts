import { createCsrfToken, csrfTokenMatches } from './csrf';

describe('CSRF tokens', () => {
  it('are 256 random bits, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, createCsrfToken));

    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('match only the exact token', () => {
    const token = createCsrfToken();

    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(token, token.slice(1))).toBe(false);
    expect(csrfTokenMatches(token, createCsrfToken())).toBe(false);
  });

  it('never match when either side is missing, empty or not a string', () => {
    const token = createCsrfToken();

    expect(csrfTokenMatches(undefined, token)).toBe(false);
    expect(csrfTokenMatches('', '')).toBe(false);
    expect(csrfTokenMatches(token, undefined)).toBe(false);
    expect(csrfTokenMatches(token, [token])).toBe(false);
  });
});

import { createCsrfToken } from './csrf';

describe('CSRF tokens', () => {
  it('are 256 random bits, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, createCsrfToken));

    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

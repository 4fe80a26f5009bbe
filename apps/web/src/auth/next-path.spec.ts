import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each(['/', '/?level=ERROR&q=timeout', '/logs/abc', '/delivery?from=24h'])('keeps the local path %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'logs'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a control character', '/\t/evil.example'],
    ['the sign-in page itself', '/login?next=/'],
    ['not a string', ['/']],
    ['nothing', undefined],
  ])('turns %s into /', (_case, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

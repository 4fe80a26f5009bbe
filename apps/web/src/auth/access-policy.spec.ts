import { redirectsToSignIn, requiredRole } from './access-policy';

describe('the access policy', () => {
  it.each([
    ['/login', 'none'],
    ['/healthz', 'none'],
    ['/metrics', 'none'],
    ['/assets/*', 'none'],
    ['/', 'viewer'],
    ['/logs/:id', 'viewer'],
    ['/export', 'viewer'],
    ['/partials/logs', 'viewer'],
    ['/dashboard', 'viewer'],
    ['/logout', 'viewer'],
    ['/delivery', 'admin'],
    [undefined, 'viewer'],
  ])('%s needs %s', (route, role) => {
    expect(requiredRole(route)).toBe(role);
  });

  it('sends page loads to the sign-in page', () => {
    expect(redirectsToSignIn('GET', '/', false)).toBe(true);
    expect(redirectsToSignIn('HEAD', '/dashboard', false)).toBe(true);
    expect(redirectsToSignIn('GET', undefined, false)).toBe(true);
  });

  it('answers fragments, downloads, the live stream and form posts with 401 instead', () => {
    expect(redirectsToSignIn('GET', '/partials/logs', true)).toBe(false);
    expect(redirectsToSignIn('GET', '/partials/new-one', false)).toBe(false);
    expect(redirectsToSignIn('GET', '/export', false)).toBe(false);
    expect(redirectsToSignIn('GET', '/live', false)).toBe(false);
    expect(redirectsToSignIn('POST', '/logout', false)).toBe(false);
  });
});

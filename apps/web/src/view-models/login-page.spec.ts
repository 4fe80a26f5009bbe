import { buildLoginPage } from './login-page';

const BASE = { next: '/?level=ERROR', csrfToken: 'token' };

describe('buildLoginPage', () => {
  it('is an empty form that remembers where the user was going', () => {
    expect(buildLoginPage(BASE)).toEqual({ title: 'Sign in', next: '/?level=ERROR', csrfToken: 'token', username: '', error: undefined, notice: undefined });
  });

  it('keeps the username after a failure and says the same for a wrong password or an unknown user', () => {
    expect(buildLoginPage({ ...BASE, username: 'ada', problem: { kind: 'wrong-credentials' } })).toMatchObject({
      username: 'ada',
      error: 'Wrong username or password.',
    });
  });

  it('says how long sign-in is paused when locked, in whole minutes', () => {
    expect(buildLoginPage({ ...BASE, problem: { kind: 'locked', retryAfterMs: 14 * 60_000 + 1 } }).error).toBe(
      'Too many failed sign-ins for this username or from this address. Sign-in is paused: try again in 15 minutes.',
    );
    expect(buildLoginPage({ ...BASE, problem: { kind: 'locked', retryAfterMs: 2_000 } }).error).toMatch(/try again in 1 minute\.$/);
  });

  it('asks to retry shortly when too many sign-ins are being checked', () => {
    expect(buildLoginPage({ ...BASE, problem: { kind: 'busy' } }).error).toBe('Too many sign-ins are being checked right now. Try again in a few seconds.');
    expect(buildLoginPage({ ...BASE, problem: { kind: 'unavailable' } }).error).toMatch(/^Sign-in is unavailable: the service that counts sign-in attempts cannot be reached/);
  });

  it('asks for both fields when one is blank, and confirms a sign-out', () => {
    expect(buildLoginPage({ ...BASE, problem: { kind: 'missing' } }).error).toBe('Enter your username and password.');
    expect(buildLoginPage({ ...BASE, signedOut: true }).notice).toBe('You have signed out.');
  });
});

import { Authenticator } from './authenticator';
import { LoginThrottle } from './login-throttle';
import { hashPassword } from './password-hash';
import { SignInAttempts } from './sign-in-attempts';
import { parseUsers } from './users-file';

const CHEAP = { N: 1024, r: 8, p: 1 };
/** A fixed clock: the lockout's remaining time must not depend on how long hashing took. */
const now = () => 1_764_000_000_000;
const LIMITS = { maxFailuresPerUser: 3, maxFailuresPerAddress: 10, maxFailuresPerUserAllAddresses: 8, lockoutMs: 60_000 };

describe('SignInAttempts', () => {
  let authenticator: Authenticator;
  let attempts: SignInAttempts;
  beforeAll(async () => {
    const entries = await Promise.all(
      ['ada', 'bob'].map(async (username) => ({ username, role: 'viewer', password_hash: await hashPassword(`${username} password`, CHEAP) })),
    );
    authenticator = new Authenticator(parseUsers(JSON.stringify(entries), 'users.json'));
  });
  beforeEach(() => {
    attempts = new SignInAttempts(authenticator, new LoginThrottle(LIMITS, now));
  });

  it('signs in with the right password', async () => {
    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'signed-in', user: { username: 'ada' } });
  });

  it('says wrong credentials, then locked on the failure that reaches the limit', async () => {
    await expect(attempts.attempt('ada', 'guess 1', '10.0.0.1')).resolves.toEqual({ kind: 'wrong-credentials' });
    await expect(attempts.attempt('ada', 'guess 2', '10.0.0.1')).resolves.toEqual({ kind: 'wrong-credentials' });
    await expect(attempts.attempt('ada', 'guess 3', '10.0.0.1')).resolves.toEqual({ kind: 'locked', retryAfterMs: 60_000 });
  });

  it('refuses even the right password while locked', async () => {
    for (const guess of ['1', '2', '3']) await attempts.attempt('ada', guess, '10.0.0.1');

    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'locked' });
  });

  it('counts each attempt as it starts: a parallel burst gets no more guesses than the limit', async () => {
    // The right password last in a burst of 30: only the first 3 attempts may be checked.
    const burst = Array.from({ length: 30 }, (_, index) => attempts.attempt('ada', index === 29 ? 'ada password' : `guess ${index}`, '10.0.0.1'));
    const outcomes = await Promise.all(burst);

    expect(new Set(outcomes.map((outcome) => outcome.kind))).toEqual(new Set(['locked']));
  });

  it('does not let failures from one address lock the user out at another', async () => {
    for (const guess of ['1', '2', '3', '4']) await attempts.attempt('ada', guess, '203.0.113.66');

    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'signed-in' });
  });

  it('locks a username guessed at from many addresses, except from addresses it signed in from', async () => {
    await attempts.attempt('ada', 'ada password', '10.0.0.1');
    for (let address = 1; address <= 4; address += 1) {
      for (const guess of ['1', '2']) await attempts.attempt('ada', guess, `203.0.113.${address}`);
    }

    await expect(attempts.attempt('ada', 'ada password', '198.51.100.7')).resolves.toMatchObject({ kind: 'locked' });
    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'signed-in' });
  });

  it('answers busy rather than queueing without bound when many sign-ins arrive at once', async () => {
    const burst = Array.from({ length: 200 }, (_, index) => attempts.attempt(`user-${index}`, 'guess', `10.1.${Math.floor(index / 250)}.${index % 250}`));
    const outcomes = await Promise.all(burst);

    expect(outcomes.filter((outcome) => outcome.kind === 'busy').length).toBeGreaterThan(100);
    await expect(attempts.attempt('bob', 'bob password', '10.0.0.2')).resolves.toMatchObject({ kind: 'signed-in' });
  });
});

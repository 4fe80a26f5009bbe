import { Authenticator } from './authenticator';
import { LoginThrottle } from './login-throttle';
import { hashPassword } from './password-hash';
import { SignInAttempts } from './sign-in-attempts';
import { parseUsers } from './users-file';

describe('SignInAttempts', () => {
  let attempts: SignInAttempts;
  beforeEach(async () => {
    const entries = [{ username: 'ada', role: 'viewer', password_hash: await hashPassword('ada password', { N: 1024, r: 8, p: 1 }) }];
    const authenticator = new Authenticator(parseUsers(JSON.stringify(entries), 'users.json'));
    // A fixed clock: the lockout's remaining time must not depend on how long hashing took.
    const now = () => 1_764_000_000_000;
    attempts = new SignInAttempts(authenticator, new LoginThrottle({ maxFailuresPerUser: 3, maxFailuresPerAddress: 10, lockoutMs: 60_000 }, now));
  });

  it('signs in with the right password', async () => {
    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'signed-in', user: { username: 'ada' } });
  });

  it('says wrong credentials, then locked on the failure that reaches the limit', async () => {
    await expect(attempts.attempt('ada', 'guess 1', '10.0.0.1')).resolves.toEqual({ kind: 'wrong-credentials' });
    await expect(attempts.attempt('ada', 'guess 2', '10.0.0.2')).resolves.toEqual({ kind: 'wrong-credentials' });
    await expect(attempts.attempt('ada', 'guess 3', '10.0.0.3')).resolves.toEqual({ kind: 'locked', retryAfterMs: 60_000 });
  });

  it('refuses even the right password while locked', async () => {
    for (const guess of ['1', '2', '3']) await attempts.attempt('ada', guess, '10.0.0.1');

    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'locked' });
  });
});

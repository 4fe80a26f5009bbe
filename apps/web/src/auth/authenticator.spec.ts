import { Authenticator } from './authenticator';
import { hashPassword } from './password-hash';
import { parseUsers } from './users-file';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('Authenticator', () => {
  let authenticator: Authenticator;
  beforeAll(async () => {
    const entries = [{ username: 'Ada', role: 'admin', password_hash: await hashPassword('ada password', CHEAP) }];
    authenticator = new Authenticator(parseUsers(JSON.stringify(entries), 'users.json'));
  });

  it('returns the user for their password, whatever the case of the username', async () => {
    await expect(authenticator.authenticate('ada', 'ada password')).resolves.toMatchObject({ username: 'Ada', role: 'admin' });
    await expect(authenticator.authenticate('ADA', 'ada password')).resolves.toMatchObject({ username: 'Ada' });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    await expect(authenticator.authenticate('ada', 'wrong password')).resolves.toBeUndefined();
    await expect(authenticator.authenticate('nobody', 'ada password')).resolves.toBeUndefined();
  });

  it('spends scrypt work on an unknown user too, so timing does not tell who exists', async () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      for (let round = 0; round < 20; round += 1) await authenticator.authenticate(username, 'wrong password');
      return Number(process.hrtime.bigint() - started);
    };
    const known = await time('ada');
    const unknown = await time('nobody');

    // Without the decoy check an unknown user takes microseconds, against about a millisecond.
    expect(unknown).toBeGreaterThan(known / 4);
  });

  it('answers many concurrent attempts correctly while checking at most two at once', async () => {
    const attempts = Array.from({ length: 9 }, (_, index) => authenticator.authenticate('ada', index % 3 === 0 ? 'ada password' : 'nope'));
    const results = await Promise.all(attempts);

    expect(results.map((user) => user?.username ?? null)).toEqual(['Ada', null, null, 'Ada', null, null, 'Ada', null, null]);
  });
});

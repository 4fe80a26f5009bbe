/**
 * A sign-in attempt as the web runs it: counted by the api first (here the contract's stand-in;
 * the budgets themselves are tested on the real engine in ch-client and the api), then checked.
 */
import { createApiClient, type ApiClient } from '../api-client/api-client';
import { startContractApi, unusedAddress, type ContractApi } from '../../test/api-contract-server';
import { Authenticator } from './authenticator';
import { hashPassword } from './password-hash';
import { SignInAttempts } from './sign-in-attempts';
import { SignInThrottle } from './sign-in-throttle';
import { parseUsers } from './users-file';

const CHEAP = { N: 1024, r: 8, p: 1 };
const LIMITS = { maxFailuresPerUser: 3, maxFailuresPerAddress: 10, maxFailuresPerUserAllAddresses: 8, lockoutMs: 60_000 };

describe('SignInAttempts', () => {
  let authenticator: Authenticator;
  let contract: ContractApi;
  let api: ApiClient;
  let attempts: SignInAttempts;
  beforeAll(async () => {
    const entries = await Promise.all(
      ['ada', 'bob'].map(async (username) => ({ username, role: 'viewer', password_hash: await hashPassword(`${username} password`, CHEAP) })),
    );
    authenticator = new Authenticator(parseUsers(JSON.stringify(entries), 'users.json'));
    contract = await startContractApi({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'not asked' } });
    api = createApiClient({ baseUrl: `${contract.url}/`, timeoutMs: 2_000 });
  });
  beforeEach(() => {
    contract.pauseSignIns(0);
    contract.signInAttempts.length = 0;
    attempts = new SignInAttempts(authenticator, new SignInThrottle(api, LIMITS));
  });
  afterAll(async () => {
    await api.close();
    await contract.close();
  });

  it('signs in with the right password, having counted the attempt with the limits of every replica', async () => {
    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toMatchObject({ kind: 'signed-in', user: { username: 'ada' } });
    expect(contract.signInAttempts).toEqual([
      { username: 'ada', address: '10.0.0.1', limits: { per_user_address: 3, per_address: 10, per_user_unknown_addresses: 8, window_ms: 60_000 } },
    ]);
  });

  it('says wrong credentials while the budget lasts, and locked once the api says it is used up', async () => {
    await expect(attempts.attempt('ada', 'guess 1', '10.0.0.1')).resolves.toEqual({ kind: 'wrong-credentials' });
    contract.pauseSignIns(60_000);
    await expect(attempts.attempt('ada', 'guess 2', '10.0.0.1')).resolves.toEqual({ kind: 'locked', retryAfterMs: 60_000 });
  });

  it('refuses even the right password while locked, without checking it', async () => {
    contract.pauseSignIns(30_000);
    await expect(attempts.attempt('ada', 'ada password', '10.0.0.1')).resolves.toEqual({ kind: 'locked', retryAfterMs: 30_000 });
  });

  it('fails closed when the api cannot count the attempt: no password is checked uncounted', async () => {
    const offline = createApiClient({ baseUrl: `${await unusedAddress()}/`, timeoutMs: 2_000 });
    const uncounted = new SignInAttempts(authenticator, new SignInThrottle(offline, LIMITS));
    await expect(uncounted.attempt('ada', 'ada password', '10.0.0.1')).resolves.toEqual({ kind: 'unavailable', detail: expect.stringMatching(/^api unavailable \(unreachable\)/) });
    await offline.close();
  });

  it('answers busy rather than queueing without bound when many sign-ins arrive at once', async () => {
    // All 200 counted first, then all checked at once.
    const release = contract.holdSignIns();
    const burst = Array.from({ length: 200 }, (_, index) => attempts.attempt(`user-${index}`, 'guess', `10.1.${Math.floor(index / 250)}.${index % 250}`));
    while (contract.signInAttempts.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const outcomes = await Promise.all(burst);

    expect(outcomes.filter((outcome) => outcome.kind === 'busy').length).toBeGreaterThan(100);
    await expect(attempts.attempt('bob', 'bob password', '10.0.0.2')).resolves.toMatchObject({ kind: 'signed-in' });
  });
});

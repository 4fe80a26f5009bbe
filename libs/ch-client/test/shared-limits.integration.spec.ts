/**
 * The budgets every replica shares, on the real engine: sign-in attempts (the cases the web's
 * one-process throttle was held to, now over rows every replica reads) and rate-limit counts.
 */
import type { Storage } from '../src';
import { exchangeRateLimitHits } from '../src/replica-state/rate-limit-hits';
import { beginSignIn, signInRetryAfterMs, succeedSignIn, type SignInLimits } from '../src/replica-state/sign-in-budgets';
import { closeTestStorage, prepareTestStorage } from '../src/testing';
import { openStorageIn, STORAGE_MODES } from './storage-modes';

const MINUTE = 60_000;
const LIMITS: SignInLimits = { perUserAddress: 3, perAddress: 5, perUserUnknownAddresses: 6, windowMs: 15 * MINUTE };

describe.each(STORAGE_MODES)('shared sign-in budgets, %s', (mode) => {
  let storage: Storage;
  let now: number;
  beforeAll(async () => {
    storage = await openStorageIn(mode);
  });
  beforeEach(async () => {
    await prepareTestStorage(storage);
    now = Math.floor(Date.now() / 1000) * 1000;
  });
  afterAll(() => closeTestStorage(storage));

  const begin = async (username: string, address: string) => (await beginSignIn(storage, { username, address }, LIMITS, now)).retryAfterMs;
  const retryAfter = (username: string, address: string) => signInRetryAfterMs(storage.reader, { username, address }, LIMITS, now);
  const fail = async (username: string, address: string, times = 1) => {
    for (let attempt = 0; attempt < times; attempt += 1) await begin(username, address);
  };
  const signIn = async (username: string, address: string) => {
    const start = await beginSignIn(storage, { username, address }, LIMITS, now);
    if (start.attempt === undefined) throw new Error(`${username} at ${address} is paused`);
    await succeedSignIn(storage, { username, address }, start.attempt);
  };

  it('lets the attempt that uses up a budget run, and pauses the next ones for the window', async () => {
    expect(await begin('ada', '10.0.0.1')).toBe(0);
    expect(await begin('Ada ', '10.0.0.1')).toBe(0);
    expect(await begin('ada', '10.0.0.1')).toBe(0);
    expect(await begin('ada', '10.0.0.1')).toBe(15 * MINUTE);
    expect(await begin('bob', '10.0.0.1')).toBe(0);
    now += 15 * MINUTE;
    expect(await begin('ada', '10.0.0.1')).toBe(0);
  });

  it('pauses one username at one address only', async () => {
    await fail('ada', '10.0.0.1', 3);
    expect(await retryAfter('ada', '10.0.0.1')).toBe(15 * MINUTE);
    expect(await retryAfter('ada', '10.0.0.2')).toBe(0);
  });

  it('pauses an address that tries many usernames, for every username', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await fail(name, '10.0.0.1');

    expect(await begin('fresh-name', '10.0.0.1')).toBe(15 * MINUTE);
    expect(await begin('fresh-name', '10.0.0.2')).toBe(0);
  });

  it('pauses a username tried from many addresses, but not at an address it signed in from', async () => {
    await signIn('ada', '10.0.0.1');
    for (let address = 1; address <= 3; address += 1) await fail('ada', `203.0.113.${address}`, 2);

    expect(await begin('ada', '198.51.100.1')).toBe(15 * MINUTE);
    expect(await begin('ada', '10.0.0.1')).toBe(0);
  });

  it('counts usernames that do not exist exactly like real ones', async () => {
    await fail('no-such-user', '10.0.0.1', 3);

    expect(await retryAfter('no-such-user', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('forgets attempts older than the window', async () => {
    await fail('ada', '10.0.0.1', 2);
    now += 16 * MINUTE;
    await fail('ada', '10.0.0.1');

    expect(await retryAfter('ada', '10.0.0.1')).toBe(0);
  });

  it('gives a correct sign-in its attempt back', async () => {
    await fail('x', '10.0.0.1', 2);
    await fail('ada', '10.0.0.1', 2);
    await signIn('ada', '10.0.0.1');

    // 4 attempts count against the address: one more is allowed before it pauses.
    expect(await begin('y', '10.0.0.1')).toBe(0);
    expect(await begin('z', '10.0.0.1')).toBe(15 * MINUTE);
  });

  it('does not extend a pause for attempts made during it', async () => {
    await fail('ada', '10.0.0.1', 3);
    now += 10 * MINUTE;
    await fail('ada', '10.0.0.1', 20);
    now += 5 * MINUTE;

    expect(await begin('ada', '10.0.0.1')).toBe(0);
  });

  it('lets no more attempts through than the budget when they race, counting each before it is judged', async () => {
    const racing = await Promise.all(Array.from({ length: 12 }, () => beginSignIn(storage, { username: 'ada', address: '10.0.0.1' }, LIMITS, now)));

    expect(racing.filter((start) => start.attempt !== undefined).length).toBeLessThanOrEqual(LIMITS.perUserAddress);
    // Racers refused are given back: the budget is left as the admitted ones used it.
    const admitted = racing.filter((start) => start.attempt !== undefined).length;
    expect(await retryAfter('ada', '10.0.0.1')).toBe(admitted === LIMITS.perUserAddress ? 15 * MINUTE : 0);
  });
});

describe.each(STORAGE_MODES)('shared rate-limit counts, %s', (mode) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorageIn(mode);
  });
  afterAll(() => closeTestStorage(storage));
  // The current minute: the counts' TTL (a day) would drop rows of a fixed, passed date.
  const WINDOW = Math.floor(Date.now() / MINUTE) * MINUTE;

  it("answers each replica the other replicas' totals per key in the same window, not its own", async () => {
    const report = (replica: string, hits: [string, number][], windowStartMs = WINDOW) =>
      exchangeRateLimitHits(storage, { limiter: 'web', windowStartMs, replica, hits: new Map(hits) });
    await report('a', [['user ada', 3], ['user bob', 1]]);
    await report('a', [['user ada', 2]]);
    await report('b', [['user ada', 4]], WINDOW - MINUTE);
    await exchangeRateLimitHits(storage, { limiter: 'api', windowStartMs: WINDOW, replica: 'c', hits: new Map([['user ada', 9]]) });

    expect(await report('b', [['user ada', 1]])).toEqual(new Map([['user ada', 5], ['user bob', 1]]));
    expect(await report('a', [])).toEqual(new Map([['user ada', 1]]));
  });
});

import { LoginThrottle } from './login-throttle';

const MINUTE = 60_000;

describe('LoginThrottle', () => {
  let now: number;
  let throttle: LoginThrottle;
  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle({ maxFailuresPerUser: 3, maxFailuresPerAddress: 5, maxFailuresPerUserAllAddresses: 6, lockoutMs: 15 * MINUTE }, () => now);
  });
  const fail = async (username: string, address: string, times = 1) => {
    for (let attempt = 0; attempt < times; attempt += 1) await throttle.begin(username, address);
  };

  it('lets the attempt that uses up a budget run, and locks the next ones for the lockout period', async () => {
    await expect(throttle.begin('ada', '10.0.0.1')).resolves.toBe(0);
    await expect(throttle.begin('Ada ', '10.0.0.1')).resolves.toBe(0);
    await expect(throttle.begin('ada', '10.0.0.1')).resolves.toBe(0);
    await expect(throttle.begin('ada', '10.0.0.1')).resolves.toBe(15 * MINUTE);
    await expect(throttle.begin('bob', '10.0.0.1')).resolves.toBe(0);
    now += 15 * MINUTE;
    await expect(throttle.begin('ada', '10.0.0.1')).resolves.toBe(0);
  });

  it('locks one username at one address only', async () => {
    await fail('ada', '10.0.0.1', 3);
    await expect(throttle.retryAfterMs('ada', '10.0.0.1')).resolves.toBe(15 * MINUTE);
    await expect(throttle.retryAfterMs('ada', '10.0.0.2')).resolves.toBe(0);
  });

  it('locks an address that tries many usernames, for every username', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await fail(name, '10.0.0.1');

    await expect(throttle.begin('fresh-name', '10.0.0.1')).resolves.toBe(15 * MINUTE);
    await expect(throttle.begin('fresh-name', '10.0.0.2')).resolves.toBe(0);
  });

  it('locks a username tried from many addresses, but not at an address it signed in from', async () => {
    await throttle.begin('ada', '10.0.0.1');
    await throttle.succeed('ada', '10.0.0.1');
    for (let address = 1; address <= 3; address += 1) await fail('ada', `203.0.113.${address}`, 2);

    await expect(throttle.begin('ada', '198.51.100.1')).resolves.toBe(15 * MINUTE);
    await expect(throttle.begin('ada', '10.0.0.1')).resolves.toBe(0);
  });

  it('counts usernames that do not exist exactly like real ones', async () => {
    await fail('no-such-user', '10.0.0.1', 3);

    await expect(throttle.retryAfterMs('no-such-user', '10.0.0.1')).resolves.toBeGreaterThan(0);
  });

  it('forgets attempts older than the lockout period', async () => {
    await fail('ada', '10.0.0.1', 2);
    now += 16 * MINUTE;
    await fail('ada', '10.0.0.1');

    await expect(throttle.retryAfterMs('ada', '10.0.0.1')).resolves.toBe(0);
  });

  it('gives a correct sign-in its attempt back', async () => {
    await fail('x', '10.0.0.1', 2);
    await fail('ada', '10.0.0.1', 2);
    await throttle.begin('ada', '10.0.0.1');
    await throttle.succeed('ada', '10.0.0.1');

    // 4 attempts count against the address: one more is allowed before it locks.
    await expect(throttle.begin('y', '10.0.0.1')).resolves.toBe(0);
    await expect(throttle.begin('z', '10.0.0.1')).resolves.toBe(15 * MINUTE);
  });
});

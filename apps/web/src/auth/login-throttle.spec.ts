import { LoginThrottle } from './login-throttle';

const MINUTE = 60_000;

describe('LoginThrottle', () => {
  let now: number;
  let throttle: LoginThrottle;
  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle({ maxFailuresPerUser: 3, maxFailuresPerAddress: 5, lockoutMs: 15 * MINUTE }, () => now);
  });

  it('locks a username after its limit of failures, from any address, for the lockout period', () => {
    throttle.recordFailure('ada', '10.0.0.1');
    throttle.recordFailure('ada', '10.0.0.2');
    expect(throttle.retryAfterMs('ada', '10.0.0.3')).toBe(0);

    throttle.recordFailure('Ada ', '10.0.0.3');

    expect(throttle.retryAfterMs('ada', '10.0.0.9')).toBe(15 * MINUTE);
    expect(throttle.retryAfterMs('bob', '10.0.0.9')).toBe(0);
    now += 15 * MINUTE;
    expect(throttle.retryAfterMs('ada', '10.0.0.9')).toBe(0);
  });

  it('locks an address that tries many usernames, for every username', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) throttle.recordFailure(name, '10.0.0.1');

    expect(throttle.retryAfterMs('fresh-name', '10.0.0.1')).toBe(15 * MINUTE);
    expect(throttle.retryAfterMs('fresh-name', '10.0.0.2')).toBe(0);
  });

  it('locks usernames that do not exist exactly like real ones', () => {
    for (let attempt = 0; attempt < 3; attempt += 1) throttle.recordFailure('no-such-user', `10.0.0.${attempt}`);

    expect(throttle.retryAfterMs('no-such-user', '10.0.1.1')).toBeGreaterThan(0);
  });

  it('forgets failures older than the lockout period', () => {
    throttle.recordFailure('ada', '10.0.0.1');
    throttle.recordFailure('ada', '10.0.0.1');
    now += 16 * MINUTE;
    throttle.recordFailure('ada', '10.0.0.1');

    expect(throttle.retryAfterMs('ada', '10.0.0.1')).toBe(0);
  });

  it('clears a username’s failures when its password is given correctly, but not the address’s', () => {
    throttle.recordFailure('ada', '10.0.0.1');
    throttle.recordFailure('ada', '10.0.0.1');
    throttle.recordSuccess('ada');
    throttle.recordFailure('ada', '10.0.0.1');
    expect(throttle.retryAfterMs('ada', '10.0.0.2')).toBe(0);

    throttle.recordFailure('x', '10.0.0.1');
    throttle.recordFailure('y', '10.0.0.1');
    expect(throttle.retryAfterMs('z', '10.0.0.1')).toBe(15 * MINUTE);
  });
});

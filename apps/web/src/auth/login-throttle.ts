/**
 * Failed sign-ins counted per username and per client address. Reaching either limit locks that
 * username or address for the lockout period. Usernames are counted whether or not they exist,
 * so a lock says nothing about which accounts are real.
 */

export interface LoginThrottleLimits {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerAddress: number;
  /** How long failures are remembered, and how long a lock lasts. */
  readonly lockoutMs: number;
}

interface Counter {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/** Entries kept per kind at most; the oldest go first, so a flood of names cannot exhaust memory. */
const MAX_ENTRIES = 10_000;

export class LoginThrottle {
  private readonly users = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this username and address may try again; 0 when they may now. */
  retryAfterMs(username: string, address: string): number {
    const at = this.now();
    const wait = (counter: Counter | undefined) => Math.max(0, (counter?.lockedUntil ?? 0) - at);
    return Math.max(wait(this.users.get(userKey(username))), wait(this.addresses.get(address)));
  }

  recordFailure(username: string, address: string): void {
    this.count(this.users, userKey(username), this.limits.maxFailuresPerUser);
    this.count(this.addresses, address, this.limits.maxFailuresPerAddress);
  }

  /** A correct password clears its username's failures; the address keeps its count. */
  recordSuccess(username: string): void {
    this.users.delete(userKey(username));
  }

  private count(counters: Map<string, Counter>, key: string, max: number): void {
    const at = this.now();
    let counter = counters.get(key);
    if (!counter || at - counter.firstFailureAt >= this.limits.lockoutMs) {
      counters.delete(key);
      if (counters.size >= MAX_ENTRIES) counters.delete(counters.keys().next().value as string);
      counter = { failures: 0, firstFailureAt: at, lockedUntil: 0 };
      counters.set(key, counter);
    }
    counter.failures += 1;
    if (counter.failures >= max) counter.lockedUntil = at + this.limits.lockoutMs;
  }
}

function userKey(username: string): string {
  return username.trim().toLowerCase();
}

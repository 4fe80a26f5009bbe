/**
 * Sign-in attempt budgets in this process's memory (see SignInThrottle). Each attempt counts as it
 * starts, against three budgets over the lockout period; using one up locks what it counts:
 * - one username from one address (`maxFailuresPerUser`): a guesser at one address cannot lock
 *   the user out anywhere else;
 * - one address, whatever the usernames (`maxFailuresPerAddress`): stops spraying many names;
 * - one username from every address it has not signed in from lately
 *   (`maxFailuresPerUserAllAddresses`): bounds guessing from many addresses, while the addresses the
 *   user really signs in from keep working, so no one can lock a user out for good.
 * A correct password gives its attempt back. Usernames count whether or not they exist.
 */
import type { SignInThrottle } from './sign-in-throttle';

export interface LoginThrottleLimits {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerAddress: number;
  readonly maxFailuresPerUserAllAddresses: number;
  /** How long attempts are counted, and how long a lock lasts. */
  readonly lockoutMs: number;
}

interface Counter {
  attempts: number;
  since: number;
  lockedUntil: number;
}

/** Entries kept per budget at most; the oldest go first, so a flood of names cannot exhaust memory. */
const MAX_ENTRIES = 10_000;
/** How long an address a user signed in from keeps them clear of the all-addresses budget. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

export class LoginThrottle implements SignInThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly users = new Map<string, Counter>();
  /** When each user last signed in from each address. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(username: string, address: string): Promise<number> {
    const at = this.now();
    const budgets = this.budgets(username, address, at);
    const wait = Math.max(0, ...budgets.map(({ counters, key }) => (counters.get(key)?.lockedUntil ?? 0) - at));
    if (wait > 0) return wait;
    for (const { counters, key, max } of budgets) this.count(counters, key, max, at);
    return 0;
  }

  async retryAfterMs(username: string, address: string): Promise<number> {
    const at = this.now();
    return Math.max(0, ...this.budgets(username, address, at).map(({ counters, key }) => (counters.get(key)?.lockedUntil ?? 0) - at));
  }

  async succeed(username: string, address: string): Promise<void> {
    const at = this.now();
    for (const { counters, key, max } of this.budgets(username, address, at)) {
      const counter = counters.get(key);
      if (!counter) continue;
      counter.attempts = Math.max(0, counter.attempts - 1);
      if (counter.attempts < max) counter.lockedUntil = 0;
    }
    this.pairs.delete(pairKey(username, address));
    remember(this.known, pairKey(username, address), at);
  }

  private budgets(username: string, address: string, at: number) {
    const user = userKey(username);
    const budgets = [
      { counters: this.pairs, key: pairKey(username, address), max: this.limits.maxFailuresPerUser },
      { counters: this.addresses, key: address, max: this.limits.maxFailuresPerAddress },
    ];
    const signedInFrom = this.known.get(pairKey(username, address));
    if (signedInFrom === undefined || at - signedInFrom >= KNOWN_ADDRESS_MS) {
      budgets.push({ counters: this.users, key: user, max: this.limits.maxFailuresPerUserAllAddresses });
    }
    return budgets;
  }

  private count(counters: Map<string, Counter>, key: string, max: number, at: number): void {
    let counter = counters.get(key);
    if (!counter || (at - counter.since >= this.limits.lockoutMs && counter.lockedUntil <= at)) {
      counter = { attempts: 0, since: at, lockedUntil: 0 };
      remember(counters, key, counter);
    }
    counter.attempts += 1;
    if (counter.attempts >= max) counter.lockedUntil = at + this.limits.lockoutMs;
  }
}

/** Sets `key` as the newest entry, dropping the oldest beyond MAX_ENTRIES. */
function remember<T>(entries: Map<string, T>, key: string, value: T): void {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, value);
}

function userKey(username: string): string {
  return username.trim().toLowerCase();
}

function pairKey(username: string, address: string): string {
  return `${userKey(username)}\n${address}`;
}

/**
 * Checks a username and password against the users file. An unknown username costs the same
 * scrypt work as a known one, so neither the answer nor its timing tells whether a user exists.
 */
import { randomBytes } from 'node:crypto';
import { verifyPassword, type PasswordHash } from './password-hash';
import type { WebUser } from './users-file';

/** Checks running at once; each may take 128 MiB, so a burst of sign-ins cannot exhaust memory. */
const MAX_CONCURRENT_CHECKS = 2;
/** Checks waiting for a turn at most; beyond, a sign-in is answered "busy" at once instead of queueing. */
const MAX_WAITING_CHECKS = 32;

/** Too many password checks are running and waiting: the attempt was not checked. */
export class SignInBusyError extends Error {
  override readonly name = 'SignInBusyError';
  constructor() {
    super(`${MAX_CONCURRENT_CHECKS + MAX_WAITING_CHECKS} sign-ins are being checked already`);
  }
}

export class Authenticator {
  private readonly byName: ReadonlyMap<string, WebUser>;
  /** Checked against when the username is unknown: same cost as a real user, matches nothing. */
  private readonly decoy: PasswordHash;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(users: readonly WebUser[]) {
    this.byName = new Map(users.map((user) => [user.username.toLowerCase(), user]));
    const { N, r, p, salt, key } = users[0].passwordHash;
    this.decoy = { N, r, p, salt: randomBytes(salt.length), key: randomBytes(key.length) };
  }

  /** The user named, as the file now describes them (usernames are not case-sensitive). */
  find(username: string): WebUser | undefined {
    return this.byName.get(username.toLowerCase());
  }

  /**
   * The user when the password is theirs; undefined for a wrong password or unknown user alike.
   * Throws SignInBusyError when too many checks are running and waiting.
   */
  async authenticate(username: string, password: string): Promise<WebUser | undefined> {
    const user = this.find(username);
    const matches = await this.oneAtATime(() => verifyPassword(password, user?.passwordHash ?? this.decoy));
    return matches ? user : undefined;
  }

  private async oneAtATime<T>(check: () => Promise<T>): Promise<T> {
    if (this.running < MAX_CONCURRENT_CHECKS) this.running += 1;
    else if (this.waiting.length >= MAX_WAITING_CHECKS) throw new SignInBusyError();
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await check();
    } finally {
      // Hand the slot straight to the next waiter, so no newcomer can slip in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * Server-side sessions, kept in this process. A session is found by its id (a 256-bit random
 * value only the browser's cookie holds; the store keeps its SHA-256), carries the CSRF token
 * of the forms it is shown, and ends when unused for the idle limit or at its absolute limit,
 * whichever comes first. Anonymous sessions exist only to protect the sign-in form, and are
 * capped in number so that loading that form cannot exhaust memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createCsrfToken } from './csrf';

export interface SessionAccount {
  readonly username: string;
  /** The user's credentialTag at sign-in: a changed password ends the session. */
  readonly credentialTag: string;
}

export interface StoredSession {
  /** Absent for the anonymous session of the sign-in form. */
  readonly account?: SessionAccount;
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  readonly idleMs: number;
  readonly absoluteMs: number;
  /** Anonymous sessions kept at most; the oldest goes when a new one would exceed this. */
  readonly maxAnonymous: number;
}

export class SessionStore {
  private readonly signedIn = new Map<string, StoredSession>();
  private readonly anonymous = new Map<string, StoredSession>();

  constructor(
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session and the id to give the browser (never stored as such). */
  create(account?: SessionAccount): { id: string; session: StoredSession } {
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    const session: StoredSession = { account, csrfToken: createCsrfToken(), createdAt: at, lastSeenAt: at };
    const sessions = account ? this.signedIn : this.anonymous;
    if (!account && sessions.size >= this.limits.maxAnonymous) sessions.delete(sessions.keys().next().value as string);
    sessions.set(storageKey(id), session);
    return { id, session };
  }

  /** The live session with this id, marked as used now; undefined if unknown or expired. */
  get(id: string): StoredSession | undefined {
    const key = storageKey(id);
    const sessions = this.signedIn.has(key) ? this.signedIn : this.anonymous;
    const session = sessions.get(key);
    if (!session) return undefined;
    if (this.expired(session)) {
      sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = this.now();
    return session;
  }

  destroy(id: string): void {
    const key = storageKey(id);
    this.signedIn.delete(key);
    this.anonymous.delete(key);
  }

  /** Forgets every expired session; run now and then so abandoned ones do not pile up. */
  sweep(): void {
    for (const sessions of [this.signedIn, this.anonymous]) {
      for (const [key, session] of sessions) if (this.expired(session)) sessions.delete(key);
    }
  }

  /** The live signed-in sessions by storage key, for saving across a restart. */
  signedInEntries(): [string, StoredSession][] {
    this.sweep();
    return [...this.signedIn];
  }

  /** Puts back sessions saved by signedInEntries; expired ones are dropped. */
  restore(entries: Iterable<[string, StoredSession]>): void {
    for (const [key, session] of entries) if (session.account && !this.expired(session)) this.signedIn.set(key, session);
  }

  private expired(session: StoredSession): boolean {
    const at = this.now();
    return at - session.lastSeenAt >= this.limits.idleMs || at - session.createdAt >= this.limits.absoluteMs;
  }
}

function storageKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

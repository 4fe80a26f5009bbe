/**
 * Sessions carried whole in their signed cookie: the session's random id, the signed-in account,
 * when it began and when it was last used. Every web replica that shares WEB_SESSION_SECRET checks
 * a session on its own, with no lookup, so a session begun on one replica is valid on all of them
 * and outlives restarts. The CSRF token of a session's forms is derived from its id with the same
 * secret, so every replica derives the same one. What a cookie cannot say, that it was signed out,
 * SignedOutSessions keeps.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readSignedValue, signValue } from './session-cookie';

export interface SessionAccount {
  readonly username: string;
  /** The user's credentialTag at sign-in: a changed password ends the session. */
  readonly credentialTag: string;
}

export interface Session {
  /** 256 random bits, known only to the browser's cookie and the web. */
  readonly id: string;
  /** Absent for the anonymous session of the sign-in form. */
  readonly account?: SessionAccount;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

export interface SessionLimits {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/**
 * How stale the last-used time in a cookie may get before a request sets a fresh cookie: the idle
 * limit is kept to within this, and most requests set no cookie.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function newSession(account: SessionAccount | undefined, now: number): Session {
  return { id: randomBytes(32).toString('base64url'), account, createdAt: now, lastSeenAt: now };
}

/** The cookie value for `session`. */
export function encodeSession(session: Session, secret: string): string {
  const { id, account, createdAt, lastSeenAt } = session;
  const payload = { i: id, u: account?.username, t: account?.credentialTag, c: createdAt, s: lastSeenAt };
  return signValue(Buffer.from(JSON.stringify(payload)).toString('base64url'), secret);
}

/** The session a cookie value carries; undefined when unsigned, forged or malformed. */
export function decodeSession(value: string | undefined, secret: string): Session | undefined {
  const signed = readSignedValue(value, secret);
  if (signed === undefined) return undefined;
  let payload: { i?: unknown; u?: unknown; t?: unknown; c?: unknown; s?: unknown };
  try {
    payload = JSON.parse(Buffer.from(signed, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return undefined;
  }
  const { i: id, u: username, t: credentialTag, c: createdAt, s: lastSeenAt } = payload ?? {};
  if (typeof id !== 'string' || typeof createdAt !== 'number' || typeof lastSeenAt !== 'number') return undefined;
  const account = typeof username === 'string' && typeof credentialTag === 'string' ? { username, credentialTag } : undefined;
  return { id, account, createdAt, lastSeenAt };
}

/** Unused for the idle limit, or older than the absolute limit. */
export function isExpired(session: Session, limits: SessionLimits, now: number): boolean {
  return now - session.lastSeenAt >= limits.idleMs || now - session.createdAt >= limits.absoluteMs;
}

/** The time after which the session has ended whatever happens. */
export function sessionDeadline(session: Session, limits: SessionLimits): number {
  return session.createdAt + limits.absoluteMs;
}

/** The CSRF token of the session's forms. */
export function csrfTokenOf(session: Session, secret: string): string {
  return createHmac('sha256', secret).update(`csrf\n${session.id}`).digest('base64url');
}

/** What is recorded of a signed-out session: its id's SHA-256, from which no cookie can be made. */
export function sessionDigest(session: Session): string {
  return createHash('sha256').update(session.id).digest('base64url');
}

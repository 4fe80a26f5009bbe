import { csrfTokenOf, decodeSession, encodeSession, isExpired, newSession, sessionDeadline, sessionDigest } from './session-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const OTHER_SECRET = 'another-secret-of-thirty-two-characters!';
const LIMITS = { idleMs: 60_000, absoluteMs: 3_600_000 };
const ACCOUNT = { username: 'ada', credentialTag: 'tag-1' };

describe('a session carried in its signed cookie', () => {
  it('reads back whole with the secret it was signed with, and not with another', () => {
    const session = newSession(ACCOUNT, 1_000);
    const value = encodeSession(session, SECRET);

    expect(decodeSession(value, SECRET)).toEqual(session);
    expect(decodeSession(value, OTHER_SECRET)).toBeUndefined();
  });

  it('cannot be changed to name another user without the secret', () => {
    const [payload, signature] = encodeSession(newSession(ACCOUNT, 1_000), SECRET).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...claims, u: 'bob' })).toString('base64url');

    expect(decodeSession(`${changed}.${signature}`, SECRET)).toBeUndefined();
  });

  it('keeps the anonymous session of the sign-in form without an account', () => {
    const session = newSession(undefined, 1_000);

    expect(decodeSession(encodeSession(session, SECRET), SECRET)).toEqual({ ...session, account: undefined });
  });

  it('ends when unused for the idle limit or at the absolute limit, whichever comes first', () => {
    const session = { ...newSession(ACCOUNT, 0), lastSeenAt: 3_590_000 };

    expect(isExpired(session, LIMITS, 3_599_999)).toBe(false);
    expect(isExpired(session, LIMITS, 3_600_000)).toBe(true);
    expect(isExpired(newSession(ACCOUNT, 0), LIMITS, 59_999)).toBe(false);
    expect(isExpired(newSession(ACCOUNT, 0), LIMITS, 60_000)).toBe(true);
    expect(sessionDeadline(session, LIMITS)).toBe(3_600_000);
  });

  it('gives every replica with the secret the same CSRF token, and each session its own', () => {
    const session = newSession(ACCOUNT, 0);

    expect(csrfTokenOf(session, SECRET)).toBe(csrfTokenOf(decodeSession(encodeSession(session, SECRET), SECRET) ?? newSession(ACCOUNT, 0), SECRET));
    expect(csrfTokenOf(session, SECRET)).not.toBe(csrfTokenOf(newSession(ACCOUNT, 0), SECRET));
    expect(csrfTokenOf(session, SECRET)).not.toBe(csrfTokenOf(session, OTHER_SECRET));
  });

  it('is recorded at sign-out by a digest that does not contain its id', () => {
    const session = newSession(ACCOUNT, 0);

    expect(sessionDigest(session)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionDigest(session)).not.toContain(session.id);
  });
});

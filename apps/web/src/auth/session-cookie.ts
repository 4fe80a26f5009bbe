/**
 * The session cookie: `<value>.<HMAC-SHA256(secret, value)>` (the value is the session, see
 * session-token.ts), HttpOnly, SameSite=Lax, Path=/, and Secure when asked. A value whose
 * signature does not match is ignored.
 * Written here with node:crypto because @fastify/cookie is not among the workspace's packages.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'logline_session';

export function signValue(value: string, secret: string): string {
  return `${value}.${mac(value, secret)}`;
}

/** The value of a signed cookie value; undefined when the signature does not match. */
export function readSignedValue(value: string | undefined, secret: string): string | undefined {
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot <= 0) return undefined;
  const signed = value.slice(0, dot);
  const sent = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(signed, secret));
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? signed : undefined;
}

/** The value of cookie `name` in a Cookie request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}

/**
 * A Set-Cookie value for the session. No Expires: the browser drops it when it closes, and the
 * server ends the session on its own schedule anyway.
 */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** A Set-Cookie value that removes the session cookie. */
export function expiredSessionCookie(secure: boolean): string {
  return `${sessionCookie('', secure)}; Max-Age=0`;
}

function mac(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/**
 * Synchronizer tokens against cross-site request forgery: each session holds a random token, its
 * pages put it in every form, and a state-changing request must send it back. Another site can
 * make the browser post a form, but cannot read our pages to learn the token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The form field that carries the token. */
export const CSRF_FIELD = '_csrf';
/** The header that may carry it instead, for scripts. */
export const CSRF_HEADER = 'x-csrf-token';

export function createCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True only when `sent` is exactly `expected`; the time taken does not depend on where they differ. */
export function csrfTokenMatches(expected: string | undefined, sent: unknown): boolean {
  if (!expected || typeof sent !== 'string' || sent === '') return false;
  // Equal-length digests, so even the length of a wrong token is not compared in the open.
  return timingSafeEqual(digest(expected), digest(sent));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

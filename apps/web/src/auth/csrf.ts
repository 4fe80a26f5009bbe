/**
 * Synchronizer tokens against cross-site request forgery: each session holds a random token, its
 * pages put it in every form, and a state-changing request must send it back (compared in
 * constant time by isSameSecret). Another site can make the browser post a form, but cannot read
 * our pages to learn the token.
 */
import { randomBytes } from 'node:crypto';

/** The form field that carries the token. */
export const CSRF_FIELD = '_csrf';
/** The header that may carry it instead, for scripts. */
export const CSRF_HEADER = 'x-csrf-token';

export function createCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

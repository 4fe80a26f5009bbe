/** Compares a secret someone sent with the expected one in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True only when `sent` is exactly `expected`; the time taken does not depend on where they differ. */
export function isSameSecret(expected: string | undefined, sent: unknown): boolean {
  if (!expected || typeof sent !== 'string' || sent === '') return false;
  // Equal-length digests, so even the length of a wrong secret is not compared in the open.
  return timingSafeEqual(digest(expected), digest(sent));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

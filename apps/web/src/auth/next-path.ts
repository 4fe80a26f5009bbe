/** Where to go after signing in: a path on this site only, so the link cannot send users away. */

const MAX_LENGTH = 2048;

/** `next` when it is a local path (not `//host`, not `/\host`, not the sign-in page); else `/`. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_LENGTH) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // Control characters are dropped by URL parsers in surprising ways; refuse them outright.
  if ([...next].some((char) => char < ' ' || char === '\u007f')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/logout')) return '/';
  return next;
}

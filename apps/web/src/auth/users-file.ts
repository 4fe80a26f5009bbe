/**
 * WEB_USERS_FILE: a JSON or YAML list of `{username, role, password_hash}`. Read once at start;
 * every problem is reported at once, naming the entry, and a file with any problem is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parsePasswordHash, type PasswordHash } from './password-hash';

export const ROLES = ['viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface WebUser {
  readonly username: string;
  readonly role: Role;
  readonly passwordHash: PasswordHash;
  /** Changes whenever the password does, so sessions begun with an old password end. */
  readonly credentialTag: string;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;
export const USERNAME_RULE = 'username must be 1-64 letters, digits or . _ @ -';
const FIELDS = new Set(['username', 'role', 'password_hash']);

export class UsersFileError extends Error {
  override readonly name = 'UsersFileError';
  constructor(
    path: string,
    readonly problems: readonly string[],
  ) {
    super(`${path}:\n  ${problems.join('\n  ')}`);
  }
}

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}

export function loadUsersFile(path: string): WebUser[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsersFileError(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return parseUsers(text, path);
}

/** Parses the file's text (YAML, of which JSON is a subset); `path` names it in problems. */
export function parseUsers(text: string, path: string): WebUser[] {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new UsersFileError(path, [`is neither JSON nor YAML: ${(error as Error).message}`]);
  }
  if (!Array.isArray(document) || document.length === 0) {
    throw new UsersFileError(path, ['must be a non-empty list of {username, role, password_hash}']);
  }
  const problems: string[] = [];
  const users: WebUser[] = [];
  const seen = new Set<string>();
  document.forEach((entry: unknown, index) => {
    const found = readEntry(entry, `entry ${index + 1}`, problems);
    if (!found) return;
    const key = found.username.toLowerCase();
    if (seen.has(key)) problems.push(`entry ${index + 1}: username ${found.username} appears twice (names are not case-sensitive)`);
    seen.add(key);
    users.push(found);
  });
  if (problems.length > 0) throw new UsersFileError(path, problems);
  return users;
}

function readEntry(entry: unknown, where: string, problems: string[]): WebUser | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where}: must be an object with username, role and password_hash`);
    return undefined;
  }
  const { username, role, password_hash: encoded, ...others } = entry as Record<string, unknown>;
  const before = problems.length;
  const name = typeof username === 'string' ? username : '';
  const label = name ? `${where} (${name})` : where;
  if (!isValidUsername(name)) problems.push(`${label}: ${USERNAME_RULE}`);
  if (!ROLES.includes(role as Role)) problems.push(`${label}: role must be one of ${ROLES.join(', ')}`);
  for (const field of Object.keys(others)) {
    problems.push(
      field === 'password'
        ? `${label}: holds a plain password; store password_hash from \`main.js hash-password\` instead`
        : `${label}: unknown field ${field} (allowed: ${[...FIELDS].join(', ')})`,
    );
  }
  let passwordHash: PasswordHash | undefined;
  try {
    if (typeof encoded !== 'string') throw new Error('is missing');
    passwordHash = parsePasswordHash(encoded);
  } catch (error) {
    problems.push(`${label}: password_hash ${(error as Error).message}`);
  }
  if (problems.length > before || !passwordHash) return undefined;
  const credentialTag = createHash('sha256').update(encoded as string).digest('base64url').slice(0, 16);
  return { username: name, role: role as Role, passwordHash, credentialTag };
}

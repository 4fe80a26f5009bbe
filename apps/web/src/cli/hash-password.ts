/**
 * `main.js hash-password [--username NAME [--role viewer|admin]]`: reads a password (see
 * read-password.ts) and prints its scrypt hash, or with --username the whole WEB_USERS_FILE entry
 * as one JSON line (valid in a JSON or a YAML list).
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password-hash';
import { isValidUsername, ROLES, USERNAME_RULE, type Role } from '../auth/users-file';

export const HASH_PASSWORD_USAGE = `usage: main.js hash-password [--username NAME [--role ${ROLES.join('|')}]]   (password on stdin)`;
/** Anything shorter is refused: the hash cannot protect a password that is easy to guess. */
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;

export interface HashPasswordRequest {
  readonly username?: string;
  readonly role: Role;
}

/** The command's flags; throws with the reason and the usage line on a mistake. */
export function parseHashPasswordArgs(args: readonly string[]): HashPasswordRequest {
  let values: { username?: string; role?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { username: { type: 'string' }, role: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${HASH_PASSWORD_USAGE}`);
  }
  const { username, role = 'viewer' } = values;
  if (username !== undefined && !isValidUsername(username)) throw new Error(`${USERNAME_RULE}\n${HASH_PASSWORD_USAGE}`);
  if (!ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}\n${HASH_PASSWORD_USAGE}`);
  if (values.role !== undefined && username === undefined) throw new Error(`--role needs --username\n${HASH_PASSWORD_USAGE}`);
  return { username, role: role as Role };
}

/** The line to print for `password`: its hash, or the users-file entry holding it. */
export async function hashPasswordLine(request: HashPasswordRequest, password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error(`the password must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const hash = await hashPassword(password);
  if (request.username === undefined) return hash;
  return JSON.stringify({ username: request.username, role: request.role, password_hash: hash });
}

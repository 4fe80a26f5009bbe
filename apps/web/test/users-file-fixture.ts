// A WEB_USERS_FILE in a temporary folder, hashed at a low scrypt cost so tests stay quick.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type ScryptCost } from '../src/auth/password-hash';

/** 1 MiB and about a millisecond per check: the production default is 128 times that. */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export interface FixtureUser {
  readonly username: string;
  readonly role: 'viewer' | 'admin';
  readonly password: string;
}

export interface UsersFileFixture {
  readonly path: string;
  readonly folder: string;
  remove(): void;
}

export async function writeUsersFile(users: readonly FixtureUser[]): Promise<UsersFileFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'logline-web-users-'));
  const entries = await Promise.all(
    users.map(async ({ username, role, password }) => ({ username, role, password_hash: await hashPassword(password, TEST_COST) })),
  );
  const path = join(folder, 'users.json');
  writeFileSync(path, JSON.stringify(entries));
  return { path, folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

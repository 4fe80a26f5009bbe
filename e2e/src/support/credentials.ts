/**
 * Credentials made the way an operator makes them: API tokens with the api's `token` command and
 * users-file entries with the web's `hash-password` command, both from the built bundles.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@logline/testing';

function runBundle(app: 'api' | 'web', args: string[], input?: string): string {
  const result = spawnSync(process.execPath, [join(WORKSPACE_ROOT, 'dist', 'apps', app, 'main.js'), ...args], { input, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`main.js ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

export interface ApiToken {
  /** What the client sends as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The line for API_TOKENS_FILE (a JSON array of these). */
  readonly entry: unknown;
}

/** `node dist/apps/api/main.js token NAME SCOPES`. */
export function createApiToken(name: string, scopes: string): ApiToken {
  const output = runBundle('api', ['token', name, scopes]);
  const token = /^token \(shown once[^)]*\): (\S+)$/m.exec(output)?.[1];
  const entry = /^entry for API_TOKENS_FILE[^:]*: (\{.*\})$/m.exec(output)?.[1];
  if (!token || !entry) throw new Error(`unexpected output of main.js token:\n${output}`);
  return { token, entry: JSON.parse(entry) };
}

/** `node dist/apps/web/main.js hash-password --username NAME --role ROLE`, password on stdin. */
export function createUserEntry(username: string, role: 'viewer' | 'admin', password: string): string {
  return runBundle('web', ['hash-password', '--username', username, '--role', role], `${password}\n`).trim();
}

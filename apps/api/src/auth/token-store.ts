/**
 * API tokens with scopes, kept as SHA-256 hashes in a JSON file (API_TOKENS_FILE) so the file
 * never holds a usable secret. `main.js token NAME SCOPES` prints a new token and its entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * `ingest` sends events, `read` searches them, `web` keeps the web app's shared state (its sign-in
 * budgets, sign-outs and rate-limit counts: a read token such as Grafana's must not be able to lock
 * a user out or give failed attempts back), `admin` holds every scope.
 */
export const SCOPES = ['ingest', 'read', 'web', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface TokenEntry {
  name: string;
  scopes: Scope[];
  /** Hex SHA-256 of the token. */
  sha256: string;
}

export interface Principal {
  name: string;
  scopes: ReadonlySet<Scope>;
}

export class TokenStore {
  private readonly byHash: ReadonlyMap<string, Principal>;

  constructor(entries: readonly TokenEntry[]) {
    this.byHash = new Map(entries.map((entry) => [entry.sha256.toLowerCase(), { name: entry.name, scopes: new Set(entry.scopes) }]));
  }

  /** True when tokens are configured, i.e. authentication is on. */
  get enabled(): boolean {
    return this.byHash.size > 0;
  }

  /** The token's owner, or undefined for an unknown token. */
  authenticate(token: string): Principal | undefined {
    return this.byHash.get(hashToken(token));
  }
}

/** Does `principal` hold `scope`? `admin` holds every scope. */
export function allows(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope) || principal.scopes.has('admin');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createToken(name: string, scopes: Scope[]): { token: string; entry: TokenEntry } {
  const token = `ll_${randomBytes(24).toString('base64url')}`;
  return { token, entry: { name, scopes, sha256: hashToken(token) } };
}

/** Reads and validates a token file; throws naming the entry and field at fault. */
export function loadTokenFile(path: string): TokenEntry[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of {name, scopes, sha256}`);
  return parsed.map((entry, index) => {
    const where = `${path}: entry ${index + 1}`;
    const { name, scopes, sha256 } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw new Error(`${where}: name must be a non-empty string`);
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((scope) => SCOPES.includes(scope))) {
      throw new Error(`${where} (${name}): scopes must be a non-empty list of ${SCOPES.join(', ')}`);
    }
    if (typeof sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256)) {
      throw new Error(`${where} (${name}): sha256 must be the 64-hex-digit SHA-256 of the token`);
    }
    return { name, scopes: scopes as Scope[], sha256 };
  });
}

/**
 * Password hashes for WEB_USERS_FILE: scrypt (node:crypto) with a random salt, written with its
 * cost as `scrypt$N$r$p$salt$key` (salt and key in base64url), so a hash made at a higher cost
 * later still verifies beside the older ones.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** CPU and memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

export interface PasswordHash extends ScryptCost {
  readonly salt: Buffer;
  readonly key: Buffer;
}

/** OWASP's recommended minimum for scrypt: 128 MiB and a few hundred ms per check. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** A hash asking for more memory than this per check is refused when the users file is read. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MIN_BYTES = 16;

/** A password hash that cannot be used, with the reason. */
export class InvalidPasswordHashError extends Error {
  override readonly name = 'InvalidPasswordHashError';
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` is the one `hash` was made from; takes the same time either way. */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const key = await deriveKey(password, hash.salt, hash.key.length, hash);
  return timingSafeEqual(key, hash.key);
}

export function parsePasswordHash(encoded: string): PasswordHash {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    throw new InvalidPasswordHashError('expected scrypt$N$r$p$salt$key, as `main.js hash-password` prints it');
  }
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,10}$/.test(part) ? Number(part) : Number.NaN));
  if (!(N > 1 && Number.isInteger(Math.log2(N))) || !(r >= 1) || !(p >= 1)) {
    throw new InvalidPasswordHashError('N must be a power of two above 1, and r and p positive whole numbers');
  }
  if (memoryNeeded({ N, r, p }) > MAX_MEMORY_BYTES) {
    throw new InvalidPasswordHashError(`N=${N}, r=${r}, p=${p} needs more than ${MAX_MEMORY_BYTES / 1024 / 1024} MiB per check`);
  }
  const [salt, key] = parts.slice(4).map((part) => Buffer.from(part, 'base64url'));
  if (salt.length < MIN_BYTES || key.length < MIN_BYTES) {
    throw new InvalidPasswordHashError(`salt and key must each be at least ${MIN_BYTES} bytes of base64url`);
  }
  return { N, r, p, salt, key };
}

function deriveKey(password: string, salt: Buffer, length: number, { N, r, p }: ScryptCost): Promise<Buffer> {
  // NFC, so the same password typed on another keyboard or system hashes the same.
  const normalized = password.normalize('NFC');
  const maxmem = memoryNeeded({ N, r, p }) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, length, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** OpenSSL's own estimate of what one derivation allocates. */
function memoryNeeded({ N, r, p }: ScryptCost): number {
  return 128 * r * (N + p + 2);
}

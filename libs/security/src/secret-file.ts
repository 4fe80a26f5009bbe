/**
 * Secrets read from files (Docker and Kubernetes secrets mount them under /run/secrets), so they
 * never sit in an environment that `docker inspect`, `ps e` or a crash dump would show.
 */
import { readFileSync } from 'node:fs';

/** The file's content without trailing whitespace; throws naming the setting and file when unreadable or empty. */
export function readSecretFile(path: string, setting: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${setting}: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const secret = text.replace(/\s+$/, '');
  if (secret === '') throw new Error(`${setting}: ${path} is empty`);
  return secret;
}

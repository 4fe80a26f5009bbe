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

/**
 * A secret setting given either as `NAME` or, preferably, as a file in `NAME_FILE`: the value
 * (undefined when neither is set) or the problem (both set, or an unreadable or empty file).
 */
export function readSecretSetting(env: Readonly<Record<string, string | undefined>>, name: string): { value?: string; problem?: string } {
  const direct = env[name] || undefined;
  const file = env[`${name}_FILE`] || undefined;
  if (direct !== undefined && file !== undefined) return { problem: `${name} and ${name}_FILE are both set: use one (the file)` };
  if (file === undefined) return { value: direct };
  try {
    return { value: readSecretFile(file, `${name}_FILE`) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

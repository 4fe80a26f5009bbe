/** Which system this is, as far as installing a package goes: the package manager and root or not. */
import { readFileSync } from 'node:fs';

export type PackageSystem = 'debian' | 'ubuntu' | 'macos' | 'other';

export interface HostSystem {
  packageSystem: PackageSystem;
  /** A human name for messages, e.g. "Debian GNU/Linux 12 (bookworm)". */
  description: string;
  isRoot: boolean;
}

export function describeHost(): HostSystem {
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'darwin') return { packageSystem: 'macos', description: 'macOS', isRoot };
  const release = readOsRelease();
  return { packageSystem: packageSystemOf(release), description: release['PRETTY_NAME'] ?? process.platform, isRoot };
}

/** Ubuntu and its derivatives first (their Chromium package differs), then Debian and its derivatives. */
export function packageSystemOf(release: Readonly<Record<string, string>>): PackageSystem {
  const family = [release['ID'], ...(release['ID_LIKE'] ?? '').split(' ')];
  if (family.includes('ubuntu')) return 'ubuntu';
  if (family.includes('debian')) return 'debian';
  return 'other';
}

/** The KEY=value lines of os-release(5), quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(["']?)(.*)\2$/.exec(line.trim());
    if (match) fields[match[1]] = match[3];
  }
  return fields;
}

function readOsRelease(): Record<string, string> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return parseOsRelease(readFileSync(path, 'utf8'));
    } catch {
      // not on this system; try the next place os-release(5) names
    }
  }
  return {};
}

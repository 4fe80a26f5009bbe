/**
 * WEB_SESSIONS_FILE: the signed-in sessions, saved when the web stops cleanly and read back when
 * it starts, so a restart does not sign everyone out. The file holds SHA-256 digests of session
 * ids, never the ids themselves, so a copy of it cannot be turned into a cookie; it is written
 * readable by its owner only.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { StoredSession } from './session-store';

const VERSION = 1;

/** The saved sessions; none when the file does not exist yet. Throws on a damaged file. */
export function readSessionFile(path: string): [string, StoredSession][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const saved = JSON.parse(text) as { version?: unknown; sessions?: unknown };
  if (saved.version !== VERSION || !Array.isArray(saved.sessions)) throw new Error(`${path} is not a Logline sessions file`);
  return saved.sessions.filter(isEntry);
}

/** Replaces the file in one step (write beside it, then rename), so a crash leaves the old one. */
export function writeSessionFile(path: string, entries: readonly [string, StoredSession][]): void {
  const next = `${path}.${process.pid}.tmp`;
  writeFileSync(next, JSON.stringify({ version: VERSION, sessions: entries }), { mode: 0o600 });
  renameSync(next, path);
}

function isEntry(entry: unknown): entry is [string, StoredSession] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
  const session = entry[1] as Partial<StoredSession> | null;
  return (
    typeof session?.account?.username === 'string' &&
    typeof session.account.credentialTag === 'string' &&
    typeof session.csrfToken === 'string' &&
    typeof session.createdAt === 'number' &&
    typeof session.lastSeenAt === 'number'
  );
}

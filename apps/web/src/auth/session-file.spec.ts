import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSessionFile, writeSessionFile } from './session-file';
import type { StoredSession } from './session-store';

describe('the sessions file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'logline-sessions-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const entry: [string, StoredSession] = ['key', { account: { username: 'ada', credentialTag: 't' }, csrfToken: 'c', createdAt: 1, lastSeenAt: 2 }];

  it('gives back what was saved, and is readable by its owner only', () => {
    const path = join(folder, 'sessions.json');
    writeSessionFile(path, [entry]);

    expect(readSessionFile(path)).toEqual([entry]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('is empty before the first save', () => {
    expect(readSessionFile(join(folder, 'none.json'))).toEqual([]);
  });

  it('refuses a file it did not write, and skips malformed entries', () => {
    const path = join(folder, 'sessions.json');
    writeFileSync(path, '{"something":"else"}');
    expect(() => readSessionFile(path)).toThrow(/not a Logline sessions file/);

    writeFileSync(path, JSON.stringify({ version: 1, sessions: [entry, ['k2', { account: null }], 'junk'] }));
    expect(readSessionFile(path)).toEqual([entry]);
  });
});

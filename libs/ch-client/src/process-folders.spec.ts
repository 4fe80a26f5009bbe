import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeFoldersOfEndedProcesses } from './process-folders';

describe('removeFoldersOfEndedProcesses', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'logline-folders-test-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('removes the folders of ended processes, with what they hold, and keeps every other', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const names = [`spool-${ended}`, `spool-${ended}-a1B2c3`, `spool-${process.pid}-x`, `spool-${process.ppid}`, 'spool-a1B2c3', 'spool-123456x', `other-${ended}`];
    for (const name of names) mkdirSync(join(root, name));
    writeFileSync(join(root, `spool-${ended}-a1B2c3`, '1.native'), 'left by kill -9');

    removeFoldersOfEndedProcesses(root, 'spool-');

    expect(readdirSync(root).sort()).toEqual([`spool-${process.pid}-x`, `spool-${process.ppid}`, 'spool-a1B2c3', 'spool-123456x', `other-${ended}`].sort());
  });
});

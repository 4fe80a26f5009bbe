/**
 * Scratch folders owned by one process: named `<prefix><pid>` or `<prefix><pid>-<anything>`, so
 * that a later process can remove those whose owner ended without cleaning up (kill -9, a crash, a
 * jest worker stopped at its timeout). Processes sharing a root must share a pid namespace (one
 * host, or one container): a pid is only known to be ended in its own.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Removes the folders in `root` named for `prefix` whose owning process no longer runs. */
export function removeFoldersOfEndedProcesses(root: string, prefix: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^([0-9]+)(?:-|$)/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

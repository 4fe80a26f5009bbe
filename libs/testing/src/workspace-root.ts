import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The workspace folder (the one holding nx.json), found from this file: it sits in libs/ under
 * jest and in dist/ once bundled into a tool, so a fixed number of `..` would be wrong in one.
 */
function findWorkspaceRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json above ${from}: not inside the Logline workspace`);
}

export const WORKSPACE_ROOT = findWorkspaceRoot(__dirname);

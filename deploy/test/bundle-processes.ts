/**
 * Installs a built app the way its image does (apps/<app>/Dockerfile: `npm ci --omit=dev` from the
 * bundle's generated lock file in an empty folder, the bundle beside it) and runs it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startProcess, type AppName, type RunningProcess } from '@logline/testing';
import { WORKSPACE } from './workspace';

/** Copies dist/apps/<app> into `folder` and installs its production dependencies there. */
export async function installBundle(app: AppName, folder: string): Promise<void> {
  const bundle = join(WORKSPACE, 'dist', 'apps', app);
  for (const file of ['main.js', 'package.json', 'package-lock.json']) {
    if (!existsSync(join(bundle, file))) throw new Error(`${bundle}/${file} is missing: build first (npx nx run-many -t build -p api,web,generator)`);
  }
  cpSync(bundle, folder, { recursive: true });
  // --prefer-offline: the packages are the workspace's own, so npm's cache usually has them.
  await promisify(execFile)('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: folder,
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Starts `node main.js ARGS` in an installed bundle's folder, with the environment a container has. */
export function startBundle(folder: string, args: string[], env: Record<string, string>): RunningProcess {
  return startProcess('main.js', args, { cwd: folder, env: { NODE_ENV: 'production', ...env }, inheritEnv: false });
}

/**
 * Installs a built app the way its image does (apps/<app>/Dockerfile: `npm ci --omit=dev` from the
 * bundle's generated lock file in an empty folder, the bundle beside it) and runs it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE } from './workspace';

export type App = 'api' | 'web' | 'generator';

/** Copies dist/apps/<app> into `folder` and installs its production dependencies there. */
export async function installBundle(app: App, folder: string): Promise<void> {
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

export interface BundleProcess {
  output: () => string;
  exited: Promise<number | null>;
  /** Sends SIGINT and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts `node main.js ARGS` in an installed bundle's folder. */
export function startBundle(folder: string, args: string[], env: Record<string, string>): BundleProcess {
  const child: ChildProcess = spawn(process.execPath, ['main.js', ...args], {
    cwd: folder,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The first HTTP answer from `url`, whatever its status; fails if the process exits first. */
export async function firstAnswer(url: string, process: BundleProcess, timeoutMs = 60_000): Promise<Response> {
  let exitCode: number | null | undefined;
  void process.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`exited with ${exitCode} before answering ${url}:\n${process.output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${process.output()}`);
}

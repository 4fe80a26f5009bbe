/** Starts node scripts as real processes (the built apps, or an installed bundle), watches them and stops them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace-root';

export type AppName = 'api' | 'web' | 'generator';

export interface RunningProcess {
  child: ChildProcess;
  /** What it printed on stdout and stderr (at least the last MAX_OUTPUT characters). */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGINT, then SIGKILL if it has not exited within `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ProcessOptions {
  /** Working directory. Default: the test's. */
  cwd?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
  /** Start from this process's environment (default), or from PATH alone, as a container would. */
  inheritEnv?: boolean;
}

/** Keeps memory bounded for processes that print for minutes (the benchmark's). */
const MAX_OUTPUT = 1_000_000;

/** `node SCRIPT ...args`. */
export function startProcess(script: string, args: readonly string[], options: ProcessOptions = {}): RunningProcess {
  const base = options.inheritEnv === false ? { PATH: process.env['PATH'] ?? '' } : process.env;
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: { ...base, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Trimmed only past twice the bound, so a chatty process costs appends, not a copy per chunk.
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2 * MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    stop: async (graceMs = 60_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The built app, `dist/apps/<app>/main.js` (build it first). */
export function startApp(app: AppName, args: readonly string[], env: Record<string, string>): RunningProcess {
  return startProcess(join(WORKSPACE_ROOT, 'dist', 'apps', app, 'main.js'), args, { env });
}

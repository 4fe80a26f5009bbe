/** Starts the built apps (dist/apps/<app>/main.js) and tools as real processes, watches them, stops them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..', '..');

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGINT, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs?: number): Promise<number | null>;
  /** Resident memory now (VmRSS), MiB. */
  rssMiB(): number;
}

export type AppName = 'api' | 'web' | 'generator';

export function startApp(app: AppName, args: readonly string[], env: Record<string, string>): AppProcess {
  return startBundle(join(WORKSPACE, 'dist', 'apps', app, 'main.js'), args, env);
}

/** The ClickHouse HTTP front (tools/clickhouse-http) serving `dataDir` as a ClickHouse server on `port`. */
export function startClickHouseFront(dataDir: string, port: number): AppProcess {
  return startBundle(join(WORKSPACE, 'dist', 'tools', 'clickhouse-http', 'main.js'), ['--data-dir', dataDir, '--port', String(port)], {});
}

function startBundle(script: string, args: readonly string[], env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
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
    rssMiB: () => readRssMiB(child.pid),
  };
}

export function readRssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function waitForOk(url: string, app: AppProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`${url}: the process exited early:\n${app.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${app.output()}`);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

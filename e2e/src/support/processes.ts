/** Starts the built apps as real processes for end-to-end tests, and stops them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Sends SIGINT and resolves with the exit code. */
  stop: () => Promise<number | null>;
  exited: Promise<number | null>;
}

export function startApp(app: 'api' | 'web' | 'generator', args: string[], env: Record<string, string>): RunningProcess {
  return startBundle(join(WORKSPACE, 'dist', 'apps', app, 'main.js'), args, env);
}

/**
 * The ClickHouse HTTP front (tools/clickhouse-http, test infrastructure) serving the embedded engine
 * in `dataDir` as a ClickHouse server would, for the apps' server mode.
 */
export function startClickHouseFront(dataDir: string, port: number, users: Record<string, string>): RunningProcess {
  const args = ['--data-dir', dataDir, '--port', String(port), ...Object.entries(users).flatMap(([name, password]) => ['--user', `${name}:${password}`])];
  return startBundle(join(WORKSPACE, 'dist', 'tools', 'clickhouse-http', 'main.js'), args, {});
}

function startBundle(script: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
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

export async function waitForOk(url: string, process: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`process exited early:\n${process.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${process.output()}`);
}

/** Runs the generator to completion and returns its summary lines. */
export async function runGenerator(args: string[]): Promise<{ code: number | null; summaries: GeneratorSummary[]; output: string }> {
  const generator = startApp('generator', args, {});
  const code = await generator.exited;
  const summaries = generator
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{"producer_id"'))
    .map((line) => JSON.parse(line) as GeneratorSummary);
  return { code, summaries, output: generator.output() };
}

export interface GeneratorSummary {
  producer_id: string;
  sent: number;
  acked: number;
  failed: number;
  first_seq: number;
  last_seq: number;
}

/** Runs one engine-worker task in a child process and returns its parsed result. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RESULT_PREFIX } from './worker-protocol';

/**
 * A guard against a hung worker, not a limit on work: loading 100 million events takes ~20 min
 * on a calm 2-core machine and well over an hour on a busy one.
 */
const WORKER_TIMEOUT_MS = 4 * 60 * 60_000;

export function runWorker<T>(task: string, args: object): Promise<T> {
  const child = spawn(process.execPath, [join(__dirname, 'engine-worker.js'), task, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: WORKER_TIMEOUT_MS,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<T>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      else reject(new Error(`engine worker '${task}' failed (exit ${code}):\n${stderr.slice(-4000)}`));
    });
  });
}

/**
 * Prometheus's own checker, promtool (Debian package `prometheus`; .ci/run installs it). A
 * missing promtool fails the test that needs it: these checks are part of the suite.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..', '..');

export interface PromtoolResult {
  code: number | null;
  output: string;
}

/** Runs `promtool ...args` in the workspace root, with `input` on stdin. */
export function promtool(args: string[], input?: string): PromtoolResult {
  const result = spawnSync('promtool', args, { cwd: WORKSPACE, input, encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('promtool is not installed: apt-get install prometheus (.ci/run installs it)');
  }
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `promtool check metrics` on a /metrics body: exit 0 and no lint findings. */
export function checkMetrics(exposition: string): PromtoolResult {
  return promtool(['check', 'metrics'], exposition);
}

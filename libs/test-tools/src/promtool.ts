/** Prometheus's own checker, promtool, for tests: a /metrics body or config files, judged by Prometheus. */
import { spawnSync } from 'node:child_process';
import { testToolPath } from './test-tool-path';

export interface PromtoolResult {
  code: number | null;
  output: string;
}

/** Runs `promtool ...args` in `cwd`, with `input` on stdin. */
export function promtool(args: readonly string[], options: { cwd?: string; input?: string } = {}): PromtoolResult {
  const result = spawnSync(testToolPath('promtool'), args, { ...options, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `promtool check metrics` on a /metrics body: `{ code: 0, output: '' }` when it is clean. */
export function checkMetrics(exposition: string): PromtoolResult {
  return promtool(['check', 'metrics'], { input: exposition });
}

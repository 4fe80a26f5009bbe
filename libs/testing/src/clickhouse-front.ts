import { join } from 'node:path';
import { startProcess, type RunningProcess } from './running-process';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * The built ClickHouse HTTP front (tools/clickhouse-http) serving the embedded engine in `dataDir`
 * on `port` as a ClickHouse server would, for the apps' server mode; `users` maps names to passwords.
 */
export function startClickHouseFront(dataDir: string, port: number, users: Record<string, string> = {}): RunningProcess {
  const args = ['--data-dir', dataDir, '--port', String(port), ...Object.entries(users).flatMap(([name, password]) => ['--user', `${name}:${password}`])];
  return startProcess(join(WORKSPACE_ROOT, 'dist', 'tools', 'clickhouse-http', 'main.js'), args);
}

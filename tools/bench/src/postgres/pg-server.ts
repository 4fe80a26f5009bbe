/**
 * A throw-away PostgreSQL 15 for the baseline: installed from Debian when missing, initialised in
 * its own temp data directory as the `postgres` user, listening on a free loopback port, stopped
 * and removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@logline/testing';

const BIN = '/usr/lib/postgresql/15/bin';

export interface PgServer {
  port: number;
  /** Socket directory and data directory live under this folder. */
  folder: string;
  version: string;
  stop(): void;
}

function run(command: string, args: readonly string[], asPostgres = false): string {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 20 * 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

export function ensurePostgresInstalled(): void {
  if (existsSync(join(BIN, 'initdb'))) return;
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'postgresql-15', 'postgresql-contrib']);
}

/** Memory settings a user would give a dedicated analytics box of this size; the rest are defaults. */
const SETTINGS = ['shared_buffers=2GB', 'work_mem=64MB', 'maintenance_work_mem=1GB', 'max_wal_size=8GB', 'effective_cache_size=8GB', 'timezone=UTC'];

export async function startPostgres(): Promise<PgServer> {
  ensurePostgresInstalled();
  const folder = mkdtempSync(join(tmpdir(), 'logline-bench-pg-'));
  chmodSync(folder, 0o777);
  const data = join(folder, 'data');
  const port = await freePort();
  try {
    run(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'], true);
    const options = [`-p ${port}`, `-k ${folder}`, "-c listen_addresses='127.0.0.1'", ...SETTINGS.map((setting) => `-c ${setting}`)];
    run(join(BIN, 'pg_ctl'), ['-D', data, '-l', join(folder, 'server.log'), '-o', options.join(' '), '-w', '-t', '120', 'start'], true);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const version = run(join(BIN, 'postgres'), ['--version']).trim();
  const stop = () => {
    spawnSync('runuser', ['-u', 'postgres', '--', join(BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'], { timeout: 120_000 });
    rmSync(folder, { recursive: true, force: true });
  };
  return { port, folder, version, stop };
}

/**
 * Test support: the real embedded engine in a data directory owned by this jest worker process
 * (the engine allows one directory per process), migrated and emptied for each test file.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from './schema/apply-migrations';
import { openStorage, type Storage } from './connection/open-storage';
import { removeFoldersOfEndedProcesses } from './process-folders';
import { runCommand } from './sql/run-query';
import { identifier, sql } from './sql/sql';

const DATA_DIR_PREFIX = 'logline-jest-';
let removeOnExit = false;

export function testDataDir(): string {
  const dir = join(tmpdir(), `${DATA_DIR_PREFIX}${process.pid}`);
  if (!removeOnExit) {
    removeOnExit = true;
    // A worker killed before its exit handler ran (a timeout, Ctrl-C) left its directory behind.
    removeFoldersOfEndedProcesses(tmpdir(), DATA_DIR_PREFIX);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return dir;
}

export async function openTestStorage(): Promise<Storage> {
  return prepareTestStorage(openStorage({ dataDir: testDataDir() }));
}

/** The retention the test schema is migrated with. */
export const TEST_RETENTION_DAYS = 30;

/** Migrates the storage and empties its tables (embedded or a server alike). */
export async function prepareTestStorage(storage: Storage): Promise<Storage> {
  await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, target: storage.schemaTarget });
  const tables = await storage.reader.query({
    query: "SELECT name FROM system.tables WHERE database = 'logs' AND engine NOT LIKE '%View' AND name != 'schema_migrations'",
    format: 'JSONEachRow',
  });
  for (const { name } of await tables.json<{ name: string }>()) {
    await runCommand(storage.writer, sql`TRUNCATE TABLE ${identifier(`logs.${name}`)}`);
  }
  return storage;
}

/** Closes the clients and waits for the engine's pending work, so the next test file can open it. */
export async function closeTestStorage(storage: Storage): Promise<void> {
  await storage.close();
  const { drainPending } = require('chdb') as typeof import('chdb');
  await drainPending();
}

/**
 * Test support: the real embedded engine in a data directory owned by this jest worker process
 * (the engine allows one directory per process), migrated and emptied for each test file.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from './apply-migrations';
import { openStorage, type Storage } from './create-storage';

export function testDataDir(): string {
  return join(tmpdir(), `logline-jest-${process.pid}`);
}

export async function openTestStorage(): Promise<Storage> {
  const storage = openStorage({ dataDir: testDataDir() });
  await applyMigrations(storage.writer, { retentionDays: 30 });
  await storage.writer.command({ query: 'TRUNCATE TABLE logs.application_logs' });
  await storage.writer.command({ query: 'TRUNCATE TABLE logs.ingest_errors' });
  return storage;
}

/** Closes the clients and waits for the engine's pending work, so the next test file can open it. */
export async function closeTestStorage(storage: Storage): Promise<void> {
  await storage.close();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { drainPending } = require('chdb') as typeof import('chdb');
  await drainPending();
}

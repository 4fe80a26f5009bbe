/**
 * The two ways the api reaches ClickHouse, for suites that must hold in both: the embedded engine
 * in this process, and a server over HTTP — @clickhouse/client exactly as openStorage configures it
 * for CLICKHOUSE_URL, talking to Logline's ClickHouse HTTP front (tools/clickhouse-http), whose real
 * engine runs here on this worker's data directory.
 */
import { startClickHouseHttp } from '@logline/clickhouse-http';
import { openStorage, type Storage } from '../src';
import { openTestStorage, prepareTestStorage, testDataDir } from '../src/testing';

export const STORAGE_MODES = ['embedded', 'server'] as const;
export type StorageMode = (typeof STORAGE_MODES)[number];

/** Migrated, emptied storage in the given mode; close it with closeTestStorage. */
export async function openStorageIn(mode: StorageMode): Promise<Storage> {
  if (mode === 'embedded') return openTestStorage();
  const front = await startClickHouseHttp({ dataDir: testDataDir() });
  const storage = openStorage({ url: front.url });
  const close = async () => {
    await storage.close();
    await front.close();
  };
  return prepareTestStorage({ ...storage, close });
}

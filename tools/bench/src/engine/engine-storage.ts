/** Opens the embedded engine on a data directory with the api's schema, as the api itself does. */
import { applyMigrations, openStorage, type Storage } from '@logline/ch-client';
import { DEFAULT_RETENTION_DAYS } from '@logline/log-schema';

export async function openMigratedStorage(dataDir: string): Promise<Storage> {
  const storage = openStorage({ dataDir });
  await applyMigrations(storage.writer, { retentionDays: DEFAULT_RETENTION_DAYS });
  return storage;
}

/** A path as a ClickHouse string literal (paths come from the bench's own temp folder). */
export function quotePath(path: string): string {
  return `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface TableSize {
  rows: number;
  bytesOnDisk: number;
  /** Compressed bytes of the skip and text indexes, included in bytesOnDisk. */
  indexBytes: number;
}

export async function tableSize(storage: Storage, table: string): Promise<TableSize> {
  const result = await storage.reader.query({
    query: `SELECT sum(rows) AS rows, sum(bytes_on_disk) AS bytes, sum(secondary_indices_compressed_bytes) AS index_bytes
            FROM system.parts WHERE active AND database = 'logs' AND table = {table:String}`,
    query_params: { table },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ rows: string; bytes: string; index_bytes: string }>();
  return { rows: Number(row.rows), bytesOnDisk: Number(row.bytes), indexBytes: Number(row.index_bytes) };
}

/**
 * Loads the bench NDJSON into logs.application_logs with the engine's own reader
 * (INSERT ... SELECT FROM file): the insert ceiling for this table with its indexes and rollup
 * view. Optionally writes the stored rows as CSV for the PostgreSQL baseline.
 */
import type { Storage } from '@logline/ch-client';
import { openMigratedStorage, quotePath, tableSize, type TableSize } from './engine-storage';

const ROW_STRUCTURE =
  "timestamp DateTime64(3, 'UTC'), log_level String, message String, source String, host String, " +
  'producer_id String, seq Nullable(UInt64), attributes Map(String, String)';
const COLUMNS = 'timestamp, log_level, message, source, host, producer_id, seq, attributes';

export interface LoadResult extends TableSize {
  seconds: number;
  engineVersion: string;
}

export async function loadFile(args: { dataDir: string; ndjson: string; csv?: string }): Promise<LoadResult> {
  const storage = await openMigratedStorage(args.dataDir);
  try {
    const started = performance.now();
    await storage.writer.command({
      query: `INSERT INTO logs.application_logs (${COLUMNS})
              SELECT ${COLUMNS} FROM file(${quotePath(args.ndjson)}, JSONEachRow, ${quotePath(ROW_STRUCTURE)})`,
    });
    const seconds = (performance.now() - started) / 1000;
    if (args.csv) await writeCsv(storage, args.csv);
    const version = await storage.reader.query({ query: 'SELECT version() AS version', format: 'JSONEachRow' });
    const [{ version: engineVersion }] = await version.json<{ version: string }>();
    return { seconds, engineVersion, ...(await tableSize(storage, 'application_logs')) };
  } finally {
    await storage.close();
  }
}

async function writeCsv(storage: Storage, path: string): Promise<void> {
  await storage.writer.command({
    query: `INSERT INTO FUNCTION file(${quotePath(path)}, CSV)
            SELECT timestamp, log_level, message, source, host, producer_id, seq, toJSONString(attributes), ingested_at
            FROM logs.application_logs SETTINGS engine_file_truncate_on_insert = 1`,
  });
}

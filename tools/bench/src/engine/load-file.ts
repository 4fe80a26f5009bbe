/**
 * Generates the bench NDJSON chunk by chunk and loads each chunk into logs.application_logs with
 * the engine's own reader (INSERT ... SELECT FROM file): the insert ceiling for this table with
 * its indexes and rollup views, timed over the inserts alone. Generation and insert take turns, so
 * neither slows the other, and only one chunk is on disk at a time.
 */
import { rmSync } from 'node:fs';
import { BenchDataWriter } from '../dataset/write-ndjson';
import { openMigratedStorage, quotePath, tableSize, type TableSize } from './engine-storage';

const ROW_STRUCTURE =
  "timestamp DateTime64(3, 'UTC'), log_level String, message String, source String, host String, " +
  'producer_id String, seq Nullable(UInt64), attributes Map(String, String), trace_id String';
const LOADED_COLUMNS = 'timestamp, log_level, message, source, host, producer_id, seq, attributes, trace_id';

export interface LoadResult extends TableSize {
  /** Seconds spent in the engine's inserts. */
  seconds: number;
  /** CPU seconds the process (the engine's threads) spent in them. */
  cpuSeconds: number;
  /** Seconds spent generating the NDJSON. */
  generateSeconds: number;
  ndjsonBytes: number;
  engineVersion: string;
}

export interface LoadArgs {
  dataDir: string;
  /** Where each chunk's NDJSON is written, then removed once loaded. */
  ndjson: string;
  events: number;
  nowMs: number;
  chunkEvents: number;
}

export async function loadFile(args: LoadArgs): Promise<LoadResult> {
  const storage = await openMigratedStorage(args.dataDir);
  const data = new BenchDataWriter(args.events, args.nowMs);
  let seconds = 0;
  let cpuSeconds = 0;
  let generateSeconds = 0;
  let ndjsonBytes = 0;
  try {
    while (data.remaining > 0) {
      const generated = performance.now();
      ndjsonBytes += await data.writeNext(args.ndjson, args.chunkEvents);
      const started = performance.now();
      const cpu = process.cpuUsage();
      generateSeconds += (started - generated) / 1000;
      await storage.writer.command({
        query: `INSERT INTO logs.application_logs (${LOADED_COLUMNS})
                SELECT ${LOADED_COLUMNS} FROM file(${quotePath(args.ndjson)}, JSONEachRow, ${quotePath(ROW_STRUCTURE)})`,
      });
      seconds += (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      cpuSeconds += (used.user + used.system) / 1e6;
      rmSync(args.ndjson);
    }
    const version = await storage.reader.query({ query: 'SELECT version() AS version', format: 'JSONEachRow' });
    const [{ version: engineVersion }] = await version.json<{ version: string }>();
    return { seconds, cpuSeconds, generateSeconds, ndjsonBytes, engineVersion, ...(await tableSize(storage, 'application_logs')) };
  } finally {
    await storage.close();
  }
}

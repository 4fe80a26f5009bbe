/**
 * Writes the stored rows of one time slice as CSV for the PostgreSQL baseline, so the baseline
 * loads chunk by chunk instead of from one file the size of the whole dataset.
 */
import { openStorage } from '@logline/ch-client';
import { quotePath } from './engine-storage';

export interface CsvSliceArgs {
  dataDir: string;
  csv: string;
  /** The slice [fromMs, toMs) of event timestamps. */
  fromMs: number;
  toMs: number;
}

export async function writeCsvSlice(args: CsvSliceArgs): Promise<object> {
  const storage = openStorage({ dataDir: args.dataDir });
  try {
    await storage.writer.command({
      query: `INSERT INTO FUNCTION file(${quotePath(args.csv)}, CSV)
              SELECT timestamp, log_level, message, source, host, producer_id, seq, toJSONString(attributes), trace_id, ingested_at
              FROM logs.application_logs
              WHERE timestamp >= fromUnixTimestamp64Milli(${Math.trunc(args.fromMs)}, 'UTC')
                AND timestamp < fromUnixTimestamp64Milli(${Math.trunc(args.toMs)}, 'UTC')
              SETTINGS engine_file_truncate_on_insert = 1`,
    });
    return {};
  } finally {
    await storage.close();
  }
}

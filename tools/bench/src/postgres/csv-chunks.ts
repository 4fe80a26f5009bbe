/**
 * The loaded rows as CSV for PostgreSQL, one time slice per file: an engine worker writes each
 * slice when the loader asks for the next one.
 */
import { join } from 'node:path';
import { SPAN_MS } from '../dataset/write-ndjson';
import { runWorker } from '../engine/run-worker';
import type { CsvSliceArgs } from '../engine/write-csv';

export function csvChunks(args: { work: string; dataDir: string; nowMs: number; slices: number }): () => Promise<string | undefined> {
  const csv = join(args.work, 'events.csv');
  const sliceMs = SPAN_MS / args.slices;
  let slice = 0;
  return async () => {
    if (slice === args.slices) return undefined;
    const fromMs = args.nowMs - SPAN_MS + slice * sliceMs;
    slice += 1;
    // The last slice is open-ended, so no row falls between slices through rounding.
    const toMs = slice === args.slices ? args.nowMs + 1 : args.nowMs - SPAN_MS + slice * sliceMs;
    const sliceArgs: CsvSliceArgs = { dataDir: args.dataDir, csv, fromMs: slice === 1 ? 0 : fromMs, toMs };
    await runWorker<object>('csv', sliceArgs);
    return csv;
  };
}

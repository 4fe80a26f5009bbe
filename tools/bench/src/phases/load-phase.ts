/**
 * Generates the bench data and loads it with the engine's own reader into a data directory the
 * api then serves: the insert ceiling and the storage figures. Also leaves the rows as CSV for
 * the PostgreSQL baseline.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchData } from '../dataset/write-ndjson';
import { runWorker } from '../engine/run-worker';
import type { LoadResult } from '../engine/load-file';
import type { LoadFigures } from '../report/results';

export interface LoadedData {
  figures: LoadFigures;
  dataDir: string;
  csvPath?: string;
  /** End of the data's time range, epoch ms. */
  nowMs: number;
  engineVersion: string;
}

export async function loadBenchData(work: string, events: number, withCsv: boolean): Promise<LoadedData> {
  const ndjson = join(work, 'events.ndjson');
  const csvPath = withCsv ? join(work, 'events.csv') : undefined;
  const dataDir = join(work, 'data');
  const nowMs = Date.now();
  const generateStarted = performance.now();
  const written = await writeBenchData(ndjson, events, nowMs);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  log(`generated ${events} events (${Math.round(written.bytes / 2 ** 20)} MiB NDJSON) in ${generateSeconds.toFixed(1)} s; loading`);
  const load = await runWorker<LoadResult>('load', { dataDir, ndjson, csv: csvPath });
  rmSync(ndjson);
  if (load.rows !== events) throw new Error(`loaded ${load.rows} rows of ${events}`);
  const figures: LoadFigures = {
    events,
    ndjsonBytes: written.bytes,
    generateSeconds,
    loadSeconds: load.seconds,
    rowsPerSecond: events / load.seconds,
    bytesOnDisk: load.bytesOnDisk,
    indexBytes: load.indexBytes,
  };
  log(`loaded at ${Math.round(figures.rowsPerSecond)} rows/s, ${(load.bytesOnDisk / events).toFixed(1)} B/event`);
  return { figures, dataDir, csvPath, nowMs, engineVersion: load.engineVersion };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

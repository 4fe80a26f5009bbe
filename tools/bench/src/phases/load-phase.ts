/**
 * Generates the bench data and loads it with the engine's own reader into a data directory the
 * api then serves: the insert ceiling and the storage figures.
 */
import { join } from 'node:path';
import { runWorker } from '../engine/run-worker';
import type { LoadResult } from '../engine/load-file';
import type { LoadFigures } from '../report/results';

/**
 * Events per chunk of the data on disk at a time: the NDJSON while loading (~1.2 GiB) and the CSV
 * for PostgreSQL's COPY (~1.3 GiB).
 */
export const CHUNK_EVENTS = 5_000_000;

export interface LoadedData {
  figures: LoadFigures;
  dataDir: string;
  /** End of the data's time range, epoch ms. */
  nowMs: number;
  engineVersion: string;
}

export async function loadBenchData(work: string, events: number): Promise<LoadedData> {
  const dataDir = join(work, 'data');
  const nowMs = Date.now();
  log(`generating and loading ${events} events in chunks of up to ${CHUNK_EVENTS}`);
  const load = await runWorker<LoadResult>('load', { dataDir, ndjson: join(work, 'events.ndjson'), events, nowMs, chunkEvents: CHUNK_EVENTS });
  if (load.rows !== events) throw new Error(`loaded ${load.rows} rows of ${events}`);
  const figures: LoadFigures = {
    events,
    ndjsonBytes: load.ndjsonBytes,
    generateSeconds: load.generateSeconds,
    loadSeconds: load.seconds,
    loadCpuSeconds: load.cpuSeconds,
    rowsPerSecond: events / load.seconds,
    bytesOnDisk: load.bytesOnDisk,
    indexBytes: load.indexBytes,
  };
  log(`generated ${Math.round(load.ndjsonBytes / 2 ** 20)} MiB NDJSON in ${load.generateSeconds.toFixed(1)} s; loaded at ${Math.round(figures.rowsPerSecond)} rows/s, ${(load.bytesOnDisk / events).toFixed(1)} B/event`);
  return { figures, dataDir, nowMs, engineVersion: load.engineVersion };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * Storage on replayed real logs (the "report the same figure for replayed real logs"):
 * every *.log in the folder replayed by the generator into a fresh api, as a user would; then,
 * with the api stopped, its data directory merged and measured in an engine worker.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runWorker } from '../engine/run-worker';
import type { ReplayedStorage } from '../engine/replayed-storage';
import { replayFile, type ReplayedFile } from '../ingest/replay-file';
import { startApi } from '../ingest/running-api';
import { WORKSPACE_ROOT } from '@logline/testing';
import { log } from './load-phase';

/** Ten years: no replayed sample is older once moved to end now. */
const RETENTION_DAYS = 3650;

export interface ReplayedFileFigures extends ReplayedFile {
  /** NDJSON the api received for this file's events (see engine/replayed-storage.ts). */
  ndjsonBytes: number;
}

export type RealLogsFigures =
  | { measured: false; folder: string; reason: string }
  | {
      measured: true;
      folder: string;
      files: ReplayedFileFigures[];
      /** Rows in the table after OPTIMIZE FINAL. */
      rows: number;
      bytesOnDisk: number;
      /** Skip and text indexes, included in bytesOnDisk. */
      indexBytes: number;
      /** The text index on message alone. */
      textIndexBytes: number;
    };

export async function measureRealLogs(work: string, folder: string): Promise<RealLogsFigures> {
  const shown = relative(WORKSPACE_ROOT, folder);
  if (!existsSync(folder)) return { measured: false, folder, reason: `no ${shown}` };
  const paths = readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name) => join(folder, name));
  if (paths.length === 0) return { measured: false, folder, reason: `no *.log in ${shown}` };
  const dataDir = join(work, 'real-logs');
  // A sample may span more than the default retention (Linux_2k.log covers six weeks): moved to
  // end now, its oldest lines would be refused as already expired, and the figure is about all.
  const api = await startApi(dataDir, { INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOG_RETENTION_DAYS: String(RETENTION_DAYS) });
  const replayed: ReplayedFile[] = [];
  try {
    for (const path of paths) {
      log(`replaying ${relative(folder, path)} into a fresh api`);
      replayed.push(await replayFile(api, path));
    }
  } finally {
    await api.app.stop();
  }
  log('real logs: OPTIMIZE FINAL, then bytes on disk');
  const stored = await runWorker<ReplayedStorage>('replayed-storage', { dataDir });
  rmSync(dataDir, { recursive: true, force: true });
  const files = replayed.map((file) => ({ ...file, ndjsonBytes: stored.ndjsonBytesByProducer[file.producerId] ?? 0 }));
  const { rows, bytesOnDisk, indexBytes, textIndexBytes } = stored;
  return { measured: true, folder, files, rows, bytesOnDisk, indexBytes, textIndexBytes };
}

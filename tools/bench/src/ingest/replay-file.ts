/** One real log file replayed by the generator into a running api, checked stored line for line. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { runReplay } from '../processes/generator-run';
import { checkDelivery } from './delivery-check';
import type { RunningApi } from './running-api';

export interface ReplayedFile {
  file: string;
  source: string;
  producerId: string;
  /** Bytes of the file as it lies on disk. */
  rawBytes: number;
  /** Non-blank lines: the events a replay should store. */
  lines: number;
  sent: number;
  stored: number;
  lost: number;
  duplicates: number;
  /** The generator exited 0: every event it sent was acknowledged. */
  acknowledged: boolean;
}

const REPLAY_TIMEOUT_MS = 10 * 60_000;

export async function replayFile(api: RunningApi, path: string): Promise<ReplayedFile> {
  const file = basename(path);
  const { source, producerId } = namesFor(file);
  const run = await runReplay({ target: api.httpTarget, producer: producerId, file: path, source }, REPLAY_TIMEOUT_MS);
  const delivery = await checkDelivery(api.base, run.summaries, 10_000);
  return {
    file,
    source,
    producerId,
    rawBytes: statSync(path).size,
    lines: await countEventLines(path),
    sent: delivery.sent,
    stored: delivery.stored,
    lost: delivery.lost,
    duplicates: delivery.duplicates,
    acknowledged: run.code === 0,
  };
}

/** loghub names its samples `<System>_2k.log`: the system is the source, the file the producer. */
function namesFor(file: string): { source: string; producerId: string } {
  const stem = file.replace(/\.log$/, '').replace(/[^\w.-]+/g, '-');
  return { source: stem.split('_')[0].toLowerCase() || 'replay', producerId: `replay-${stem}` };
}

/** Lines as the generator's replay counts them: CR LF is one line end, blank lines are skipped. */
async function countEventLines(path: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    if (line.trim() !== '') lines += 1;
  }
  return lines;
}

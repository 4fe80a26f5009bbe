/** Writes the bench's N rows, spread over the seven days before `nowMs`, as an NDJSON file. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { benchRow } from './bench-events';
import { createRandom } from './random';

const SPAN_MS = 7 * 86_400_000;
const SEED = 42;

export async function writeBenchData(path: string, events: number, nowMs: number): Promise<{ bytes: number }> {
  const random = createRandom(SEED);
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < events; i += 1) {
    const line = `${JSON.stringify(benchRow(random, i, events, nowMs - SPAN_MS, nowMs))}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes };
}

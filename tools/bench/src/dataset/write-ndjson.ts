/**
 * Writes the bench's N rows, spread over the seven days before `nowMs`, as NDJSON files of at most
 * a chunk each: one seeded sequence across the chunks, so the rows do not depend on the chunk size,
 * and only one chunk is ever on disk (100 million events are ~24 GiB of NDJSON).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { benchRow } from './bench-events';
import { createRandom, type Random } from './random';

/** The time the rows span, ending at `nowMs`. */
export const SPAN_MS = 7 * 86_400_000;
const SEED = 42;

export class BenchDataWriter {
  private readonly random: Random = createRandom(SEED);
  private written = 0;

  constructor(
    private readonly events: number,
    private readonly nowMs: number,
  ) {}

  /** Rows not yet written. */
  get remaining(): number {
    return this.events - this.written;
  }

  /** Writes the next `count` rows (fewer at the end) to `path`; resolves with the bytes written. */
  async writeNext(path: string, count: number): Promise<number> {
    const out = createWriteStream(path);
    const end = Math.min(this.events, this.written + count);
    let bytes = 0;
    for (let i = this.written; i < end; i += 1) {
      const line = `${JSON.stringify(benchRow(this.random, i, this.events, this.nowMs - SPAN_MS, this.nowMs))}\n`;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    this.written = end;
    out.end();
    await once(out, 'finish');
    return bytes;
  }
}

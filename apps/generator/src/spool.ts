/**
 * A write-ahead spool of batches not yet acknowledged, so that a generator restarted with the
 * same --spool and --producer first resends them (same producer_id and seq, so the target can
 * drop duplicates) and then continues seq after the highest one it ever generated.
 *
 * The file is NDJSON, one record a line:
 *   {"producer_id":"p","first_seq":10,"events":[{...},{...}]}   a batch not yet acknowledged
 *   {"producer_id":"p","next_seq":20}                           the next seq producer p uses
 * A batch is appended and fsynced before it is first sent. Once the target has answered for it,
 * compaction rewrites the file with what is still pending: a temporary file, fsynced, renamed
 * over the spool. A torn last line, left by a crash in the middle of an append, is skipped.
 */
import { type FileHandle, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Batch } from './batch';

interface Pending {
  batch: Batch;
  record: string;
}

export class Spool {
  private readonly pending = new Map<string, Pending>();
  private readonly nextSeqs = new Map<string, number>();
  /** File operations run one at a time, in order. */
  private tail: Promise<void> = Promise.resolve();
  private queuedCompaction?: Promise<void>;
  /** Lines of the file found unreadable when it was opened. */
  unreadableLines = 0;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
  ) {}

  static async open(path: string): Promise<Spool> {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const spool = new Spool(path, await open(path, 'a'));
    spool.load(text);
    await spool.compact();
    return spool;
  }

  /** Producers with batches still to resend. */
  producerIds(): string[] {
    return [...new Set([...this.pending.values()].map(({ batch }) => batch.producerId))];
  }

  /** The producer's unacknowledged batches, lowest seq first. */
  pendingBatches(producerId: string): Batch[] {
    return [...this.pending.values()]
      .map(({ batch }) => batch)
      .filter((batch) => batch.producerId === producerId)
      .sort((a, b) => a.firstSeq - b.firstSeq);
  }

  /** The seq after the highest one the producer ever spooled; 0 for a new producer. */
  nextSeq(producerId: string): number {
    return this.nextSeqs.get(producerId) ?? 0;
  }

  /** Records the batch durably; resolves once it is on disk. */
  append(batch: Batch): Promise<void> {
    const record = `{"producer_id":${JSON.stringify(batch.producerId)},"first_seq":${batch.firstSeq},"events":[${batch.lines.join(',')}]}`;
    this.track(batch, record);
    return this.enqueue(async () => {
      await this.handle.appendFile(`${record}\n`);
      await this.handle.datasync();
    });
  }

  /** Forgets a batch the target has answered for. */
  remove(batch: Batch): Promise<void> {
    return this.pending.delete(keyOf(batch)) ? this.compact() : Promise.resolve();
  }

  async close(): Promise<void> {
    await this.compact();
    await this.handle.close();
  }

  private load(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = JSON.parse(line);
        if (typeof record.producer_id !== 'string') throw new TypeError('no producer_id');
        if (Number.isInteger(record.next_seq)) this.raiseNextSeq(record.producer_id, record.next_seq);
        else if (Number.isInteger(record.first_seq) && Array.isArray(record.events)) {
          const lines = record.events.map((event: unknown) => JSON.stringify(event));
          this.track({ producerId: record.producer_id, firstSeq: record.first_seq, lines }, line);
        } else throw new TypeError('neither a batch nor a next_seq');
      } catch {
        this.unreadableLines += 1;
      }
    }
  }

  private track(batch: Batch, record: string): void {
    this.pending.set(keyOf(batch), { batch, record });
    this.raiseNextSeq(batch.producerId, batch.firstSeq + batch.lines.length);
  }

  private raiseNextSeq(producerId: string, seq: number): void {
    this.nextSeqs.set(producerId, Math.max(seq, this.nextSeq(producerId)));
  }

  /** Rewrites the file; removals made before a queued rewrite starts all share it. */
  private compact(): Promise<void> {
    this.queuedCompaction ??= this.enqueue(async () => {
      this.queuedCompaction = undefined;
      await this.rewrite();
    });
    return this.queuedCompaction;
  }

  private async rewrite(): Promise<void> {
    const states = [...this.nextSeqs].map(([id, seq]) => `{"producer_id":${JSON.stringify(id)},"next_seq":${seq}}`);
    const records = [...this.pending.values()].map(({ record }) => record);
    const temporary = `${this.path}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile([...states, ...records].map((line) => `${line}\n`).join(''));
      await file.sync();
    } finally {
      await file.close();
    }
    await this.handle.close();
    await rename(temporary, this.path);
    await syncDirectory(dirname(this.path));
    this.handle = await open(this.path, 'a');
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function keyOf(batch: Batch): string {
  return `${batch.producerId}\n${batch.firstSeq}`;
}

/** Makes the rename itself durable. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

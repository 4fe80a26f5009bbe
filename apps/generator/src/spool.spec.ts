import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpIngest, range, runWithFlags, seqsOf, startHttpIngest } from '../test';
import type { Batch } from './batch';
import { Spool } from './spool';

function spoolPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'generator-spool-')), 'spool.ndjson');
}

function batchOf(producerId: string, firstSeq: number, size: number): Batch {
  const lines = range(size, firstSeq).map((seq) => JSON.stringify({ message: `m${seq}`, producer_id: producerId, seq }));
  return { producerId, firstSeq, lines };
}

describe('Spool', () => {
  it('keeps appended batches across a crash, ignoring a torn last line', async () => {
    const path = spoolPath();
    const spool = await Spool.open(path);
    await spool.append(batchOf('p', 0, 3));
    await spool.append(batchOf('p', 3, 3));
    await spool.append(batchOf('q', 0, 2));
    // A crash in the middle of an append leaves half a record; the spool is never closed.
    appendFileSync(path, '{"producer_id":"p","first_seq":6,"ev');
    const reopened = await Spool.open(path);
    expect(reopened.unreadableLines).toBe(1);
    expect(reopened.producerIds().sort()).toEqual(['p', 'q']);
    expect(reopened.pendingBatches('p')).toEqual([batchOf('p', 0, 3), batchOf('p', 3, 3)]);
    expect(reopened.nextSeq('p')).toBe(6);
    expect(reopened.nextSeq('new')).toBe(0);
    await reopened.close();
    await spool.close();
  });

  it('forgets acknowledged batches but remembers the next seq', async () => {
    const path = spoolPath();
    const spool = await Spool.open(path);
    const batches = [batchOf('p', 0, 2), batchOf('p', 2, 2), batchOf('p', 4, 2)];
    for (const batch of batches) await spool.append(batch);
    await Promise.all([spool.remove(batches[0]), spool.remove(batches[2])]);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toEqual([
      '{"producer_id":"p","next_seq":6}',
      `{"producer_id":"p","first_seq":2,"events":[${batches[1].lines.join(',')}]}`,
    ]);
    await spool.remove(batches[1]);
    await spool.close();
    const reopened = await Spool.open(path);
    expect(reopened.producerIds()).toEqual([]);
    expect(reopened.nextSeq('p')).toBe(6);
    await reopened.close();
  });
});

describe('generator with --spool, restarted', () => {
  let server: HttpIngest | undefined;
  afterEach(() => server?.close());

  it('first resends what was never acknowledged, with the same seqs, then continues after them', async () => {
    const path = spoolPath();
    const flags = ['--rate', '0', '--batch', '10', '--producer', 'durable', '--spool', path];
    server = await startHttpIngest(() => ({ status: 503 }));
    const first = await runWithFlags(['--target', server.url, '--count', '30', '--retry-deadline', '300ms', ...flags]);
    expect(first.stats[0]).toMatchObject({ sent: 30, acked: 0, failed: 30, first_seq: 0, last_seq: 29 });
    await server.close();

    server = await startHttpIngest();
    const second = await runWithFlags(['--target', server.url, '--count', '5', ...flags]);
    expect(second.stats[0]).toMatchObject({ sent: 35, acked: 35, failed: 0, first_seq: 0, last_seq: 34 });
    expect(seqsOf(server.stored, 'durable')).toEqual(range(35));
    expect(server.stored.slice(0, 30).map((event) => event.seq)).toEqual(range(30));
    expect(readFileSync(path, 'utf8')).toBe('{"producer_id":"durable","next_seq":35}\n');
  });

  it('refuses to start when the spool holds another producer\'s events', async () => {
    const path = spoolPath();
    const spool = await Spool.open(path);
    await spool.append(batchOf('someone-else', 0, 1));
    await spool.close();
    await expect(runWithFlags(['--producer', 'me', '--spool', path])).rejects.toThrow(
      /holds unacknowledged events of producer someone-else/,
    );
  });
});

import { normalizeEvent } from '@logline/log-schema';
import type { Storage } from '../connection/open-storage';
import { createLogRowWriter } from './log-row-writer';
import { NativeBlockInserter } from './native-block-inserter';
import { prepareLogRow, type PreparedLogRow } from './prepared-row';
import { getProducerStats } from '../queries/get-producer-stats';
import { closeTestStorage, openTestStorage } from '../testing';

// An hour ago, minute-aligned: inside the test table's retention whatever the date.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;

function rows(producer: string, seqs: number[], timestampMs = T0): PreparedLogRow[] {
  return seqs.map((seq) => {
    const result = normalizeEvent({ timestamp: new Date(timestampMs + seq).toISOString(), level: 'info', message: `m${seq}`, source: 's', producer_id: producer, seq });
    if (!result.ok) throw new Error(result.reason);
    return prepareLogRow(result.row);
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Events on 101 different days: the engine refuses the whole insert (more partitions than
 * max_partitions_per_insert_block), whichever format carries it.
 */
function acrossDays(producer: string): PreparedLogRow[] {
  return range(0, 100).flatMap((day) => rows(producer, [1000 + day], T0 - day * 86_400_000));
}

describe('createLogRowWriter as the sole writer (the embedded engine: Native blocks)', () => {
  let storage: Storage;
  let native: NativeBlockInserter;
  beforeAll(async () => {
    storage = await openTestStorage();
    native = new NativeBlockInserter(storage.writer);
  });
  afterAll(async () => {
    native.close();
    await closeTestStorage(storage);
  });

  it('stores each event once across batches out of order, retries, and a restart of the api', async () => {
    const duplicates: number[] = [];
    const writer = () => createLogRowWriter(storage.writer, (counts) => void duplicates.push(...counts.values()), { soleWriter: true, native });
    const first = writer();
    await first(rows('p-sole', range(10, 19)));
    await first(rows('p-sole', range(0, 9)));
    await first(rows('p-sole', range(5, 24)));
    // A new process knows nothing of what the old one stored: the producer's retry is still absorbed.
    const restarted = writer();
    await restarted(rows('p-sole', range(20, 29)));
    expect(duplicates).toEqual([15, 5]);
    expect(await getProducerStats(storage.reader, 'p-sole')).toMatchObject({ stored: 30, distinct_seq: 30, min_seq: 0, max_seq: 29 });
  });

  it('keeps a restarted producer whose seqs begin again at 0 (a later timestamp is another event)', async () => {
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true, native });
    await write(rows('p-reboot', range(0, 4)));
    await write(rows('p-reboot', range(0, 4), T0 + 3_600_000));
    expect(await getProducerStats(storage.reader, 'p-reboot')).toMatchObject({ stored: 10, distinct_seq: 5 });
  });

  it('stores a batch retried after its insert failed, and tells its listener of both in order', async () => {
    const heard: string[] = [];
    const listener = { stored: ({ ingestedMs, rows: stored }: { ingestedMs: number; rows: readonly PreparedLogRow[] }) => heard.push(`stored ${stored.length} at ${ingestedMs}`), failed: (ingestedMs: number) => heard.push(`failed at ${ingestedMs}`) };
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true, native, listener });
    const good = rows('p-retry', range(0, 4));
    await expect(write([...good, ...acrossDays('p-retry')])).rejects.toThrow(/partitions/i);
    await write(good);
    expect(await getProducerStats(storage.reader, 'p-retry')).toMatchObject({ stored: 5, distinct_seq: 5 });
    const stamps = heard.map((line) => Number(line.split(' at ')[1]));
    expect(heard.map((line) => line.split(' at ')[0])).toEqual(['failed', 'stored 5']);
    // Each insert is stamped later than the one before, even within one millisecond.
    expect(stamps[1]).toBeGreaterThan(stamps[0]);
  });
});

describe('createLogRowWriter beside other writers (a ClickHouse server: JSON text)', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage();
  });
  afterAll(() => closeTestStorage(storage));

  it('stores each event once, checking every seq against the table, and survives a refused insert', async () => {
    const write = createLogRowWriter(storage.writer);
    await write(rows('p-text', range(0, 9)));
    await write(rows('p-text', range(5, 14)));
    await expect(write([...rows('p-text', range(15, 19)), ...acrossDays('p-text')])).rejects.toThrow(/partitions/i);
    await write(rows('p-text', range(10, 19)));
    expect(await getProducerStats(storage.reader, 'p-text')).toMatchObject({ stored: 20, distinct_seq: 20, min_seq: 0, max_seq: 19 });
  });
});

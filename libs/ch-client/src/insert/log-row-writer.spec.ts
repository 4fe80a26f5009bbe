import { normalizeEvent } from '@logline/log-schema';
import type { Storage } from '../connection/open-storage';
import { createLogRowWriter } from './log-row-writer';
import { prepareLogRow, type PreparedLogRow } from './prepared-row';
import { getProducerStats } from '../queries/get-producer-stats';
import { closeTestStorage, openTestStorage } from '../testing';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

function rows(producer: string, seqs: number[], timestampMs = T0): PreparedLogRow[] {
  return seqs.map((seq) => {
    const result = normalizeEvent({ timestamp: new Date(timestampMs + seq).toISOString(), level: 'info', message: `m${seq}`, source: 's', producer_id: producer, seq });
    if (!result.ok) throw new Error(result.reason);
    return prepareLogRow(result.row);
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('createLogRowWriter as the sole writer', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage();
  });
  afterAll(() => closeTestStorage(storage));

  it('stores each event once across batches out of order, retries, and a restart of the api', async () => {
    const duplicates: number[] = [];
    const writer = () => createLogRowWriter(storage.writer, (counts) => void duplicates.push(...counts.values()), { soleWriter: true });
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
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true });
    await write(rows('p-reboot', range(0, 4)));
    await write(rows('p-reboot', range(0, 4), T0 + 3_600_000));
    expect(await getProducerStats(storage.reader, 'p-reboot')).toMatchObject({ stored: 10, distinct_seq: 5 });
  });

  it('stores a batch retried after its insert failed', async () => {
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true });
    const good = rows('p-retry', range(0, 4));
    const broken = [...good.slice(0, 4), { ...good[4], json: good[4].json.replace(/"timestamp":"[^"]*"/, '"timestamp":"not a time"') }];
    await expect(write(broken)).rejects.toThrow();
    await write(good);
    expect(await getProducerStats(storage.reader, 'p-retry')).toMatchObject({ stored: 5, distinct_seq: 5 });
  });
});

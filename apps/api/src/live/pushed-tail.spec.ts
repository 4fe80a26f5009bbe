/**
 * The pushed live tail on the real engine, fed by the api's own log writer: rows an insert stored
 * though it failed (the writer reports the failure, nobody was told of the rows) are read from the
 * table before the next pushed batch, so a viewer misses and repeats nothing.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { prepareLogRow, Store, type LogFilters, type PreparedLogRow, type Storage } from '@logline/ch-client';
import { closeTestStorage, openTestStorage } from '@logline/ch-client/testing';
import { normalizeEvent } from '@logline/log-schema';
import { InsertBroadcast } from './insert-broadcast';
import { PushedTail } from './pushed-tail';
import { LAST_ROW_KEY, type TailBatch } from './tail-feed';

function rows(producer: string, from: number, count: number, message = (seq: number) => `event ${seq}`): PreparedLogRow[] {
  return Array.from({ length: count }, (_, k) => {
    const seq = from + k;
    const result = normalizeEvent({ timestamp: new Date(Date.now() - 1000 + k).toISOString(), level: 'info', message: message(seq), source: 'push', producer_id: producer, seq });
    if (!result.ok) throw new Error(result.reason);
    return prepareLogRow(result.row, result.timestampMs);
  });
}

describe('PushedTail', () => {
  let storage: Storage;
  let store: Store;
  beforeAll(async () => {
    storage = await openTestStorage();
    store = new Store(storage, { retentionDays: 30 });
  });
  afterAll(() => closeTestStorage(storage));

  async function watch(filters: LogFilters) {
    const inserts = new InsertBroadcast();
    const errors: unknown[] = [];
    const feed = new PushedTail(store, filters, { ingestedMs: inserts.settledMs, rowKey: LAST_ROW_KEY }, (error) => errors.push(error));
    inserts.add(feed);
    const batches: TailBatch[] = [];
    feed.subscribe((batch) => batches.push(batch));
    const seqs = () => batches.flatMap((batch) => batch.rows.map((row) => row.seq));
    return { inserts, feed, batches, seqs, errors, write: store.createLogRowWriter(undefined, inserts) };
  }

  async function settle(seqs: () => (number | null)[], count: number): Promise<void> {
    for (const deadline = Date.now() + 5000; seqs().length < count && Date.now() < deadline; ) await pause(10);
    await pause(100);
  }

  it('delivers each stored batch in memory, in the order a resume reads them back', async () => {
    const { write, batches, seqs, errors } = await watch({ producerIds: ['memory'] });
    await write(rows('memory', 0, 10));
    await write(rows('other', 0, 10));
    await write(rows('memory', 10, 10));
    await settle(seqs, 20);
    expect([...seqs()].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 20 }, (_, seq) => seq));
    const resumed = await store.tailLogs({ producerIds: ['memory'] }, { after: { ingestedMs: 0, rowKey: '0' }, visibleUntilMs: Date.now() + 1000, limit: 100 });
    expect(batches.flatMap((batch) => batch.rows)).toEqual(resumed.rows);
    expect(batches.at(-1)?.position).toEqual(resumed.last);
    expect(errors).toEqual([]);
  });

  it('reads from the table what a failed insert stored, before the next batch, once', async () => {
    const { write, inserts, seqs, errors } = await watch({ producerIds: ['failed'] });
    await write(rows('failed', 0, 5));
    // An insert that failed after storing its rows: the rows are in the table, unannounced.
    await pause(2);
    const unheard = store.createLogRowWriter();
    await unheard(rows('failed', 5, 5));
    const stored = await store.tailLogs({ producerIds: ['failed'] }, { after: { ingestedMs: 0, rowKey: '0' }, visibleUntilMs: Date.now() + 1000, limit: 100 });
    inserts.failed(Date.parse(stored.rows[stored.rows.length - 1].ingested_at));
    await write(rows('failed', 10, 5));
    await settle(seqs, 15);
    expect([...seqs()].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 15 }, (_, seq) => seq));
    expect(errors).toEqual([]);
  });

  it('serves filters with words from the table as each insert settles', async () => {
    const { write, seqs } = await watch({ producerIds: ['words'], text: [{ words: ['zebra'], negate: false }] });
    await write(rows('words', 0, 10, (seq) => (seq % 2 === 0 ? `a zebra ${seq}` : `a horse ${seq}`)));
    await write(rows('words', 10, 10, (seq) => (seq % 2 === 0 ? `a zebra ${seq}` : `a horse ${seq}`)));
    await settle(seqs, 10);
    expect([...seqs()].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});

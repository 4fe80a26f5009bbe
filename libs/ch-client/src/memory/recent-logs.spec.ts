import { formatClickHouseTime, normalizeEvent } from '@logline/log-schema';
import type { Storage } from '../connection/open-storage';
import { findLog } from '../queries/find-log';
import { createLogRowWriter } from '../insert/log-row-writer';
import { NativeBlockInserter } from '../insert/native-block-inserter';
import { parseLogId } from '../cursors/log-id';
import type { LogFilters } from '../sql/log-filters';
import { prepareLogRow, type PreparedLogRow } from '../insert/prepared-row';
import { RecentLogs } from './recent-logs';
import { readNewestRecords, searchLogs, type SearchLogsOptions, type SearchLogsResult } from '../queries/search-logs';
import { hashText, toUnsigned } from './sip-hash';
import { closeTestStorage, openTestStorage } from '../testing';

const MESSAGES = ['login ok', 'payment declined: card "4242"', 'naïve café ☕ 😀', 'tab\there\nnewline', 'nul \u0000 inside', 'x'.repeat(300), ''];
const SOURCES = ['auth', 'payment', 'search', 'profile'];
const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

/** Events with many timestamp ties, with and without seqs, odd text and attributes. */
function events(count: number, startMs: number, firstSeq: number): PreparedLogRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = firstSeq + k;
    const result = normalizeEvent({
      // Seven events per millisecond step, a step every 13 ms, not in time order within a batch.
      timestamp: new Date(startMs + Math.floor(((k * 7919) % count) / 7) * 13).toISOString(),
      log_level: LEVELS[(i * 7) % 5],
      message: `${MESSAGES[i % MESSAGES.length]} #${i % 50}`,
      source: SOURCES[(i * 3) % 4],
      host: `host-${i % 3}`,
      producer_id: i % 5 === 0 ? undefined : `p${i % 2}`,
      seq: i % 5 === 0 ? undefined : i,
      attributes: i % 4 === 0 ? { region: `eu-${i % 2}`, '123': 'numeric key', ['__proto__']: 'not a prototype' } : {},
      // Traces of about ten events each, on a third of the events.
      trace_id: i % 3 === 0 ? (i % 30).toString(16).padStart(32, 'A') : undefined,
      span_id: i % 3 === 0 ? i.toString(16).padStart(16, '0') : undefined,
    });
    if (!result.ok) throw new Error(result.reason);
    return prepareLogRow(result.row, result.timestampMs);
  });
}

function idOf(text: string) {
  const id = parseLogId(text);
  if (!id) throw new Error(`not an id: ${text}`);
  return id;
}

/** A page without what answered it. */
const pageOf = ({ rows, next, prev }: SearchLogsResult) => ({ rows, next, prev });

const FILTERS: LogFilters[] = [
  {},
  { levels: ['ERROR'] },
  { levels: ['ERROR', 'CRITICAL'], sources: ['payment'] },
  { producerIds: ['p1'] },
  { traceIds: [(3).toString(16).padStart(32, 'a')] },
  { fields: [{ field: 'trace_id', values: [''], prefix: false, negate: true }], levels: ['ERROR'] },
  { fields: [{ field: 'host', values: ['host-1'], prefix: false, negate: true }] },
  { fields: [{ field: 'source', values: ['pay', 'sea'], prefix: true, negate: false }] },
  { fields: [{ field: { attribute: 'region' }, values: ['eu-1'], prefix: false, negate: false }] },
  { fields: [{ field: { attribute: 'region' }, values: [''], prefix: false, negate: false }], levels: ['INFO'] },
  { fields: [{ field: { attribute: '__proto__' }, values: ['not a prototype'], prefix: false, negate: false }] },
];

describe('RecentLogs: the newest events in memory answer as the table does', () => {
  let storage: Storage;
  let recent: RecentLogs;
  let write: (rows: readonly PreparedLogRow[]) => Promise<void>;
  let native: NativeBlockInserter;
  const startMs = Date.now() - 3_600_000;

  const loadNewest = (count: number) => readNewestRecords(storage.reader, count);

  beforeAll(async () => {
    storage = await openTestStorage();
    recent = new RecentLogs(loadNewest, { retentionDays: 30, capacity: 400 });
    await recent.load();
    native = new NativeBlockInserter(storage.writer);
    write = createLogRowWriter(storage.writer, undefined, { soleWriter: true, recent, native });
    // Later batches overlap earlier ones in time; the capacity makes the set trim its oldest.
    await write(events(700, startMs, 0));
    await write(events(700, startMs + 2_000, 700));
    await write(events(300, startMs + 500, 1400));
  });
  afterAll(async () => {
    native.close();
    await closeTestStorage(storage);
  });

  /** Pages through a listing from memory and from the table side by side; returns how many pages memory answered. */
  async function compareListing(options: SearchLogsOptions, pages: number): Promise<number> {
    let fromMemory = 0;
    let memory = { ...options };
    for (let page = 0; page < pages; page += 1) {
      const held = await searchLogs(storage.reader, memory, recent);
      const table = await searchLogs(storage.reader, memory);
      expect(table.answeredBy).toBe('table');
      if (held.answeredBy === 'memory') fromMemory += 1;
      expect(pageOf(held)).toEqual(pageOf(table));
      if (!held.next) break;
      memory = { ...memory, after: held.next };
    }
    return fromMemory;
  }

  it('computes row keys as the engine does (sipHash64)', async () => {
    const result = await storage.reader.query({ query: "SELECT toString(sipHash64('naïve café ☕ 😀')) AS h", format: 'JSONEachRow' });
    const [{ h }] = await result.json<{ h: string }>();
    expect(toUnsigned(hashText('naïve café ☕ 😀')).toString()).toBe(h);
  });

  it('gives the same pages, ids and cursors for every filter, newest first, answering the first pages itself', async () => {
    let fromMemory = 0;
    for (const filters of FILTERS) fromMemory += await compareListing({ ...filters, limit: 25, order: 'desc' }, 4);
    expect(fromMemory).toBeGreaterThanOrEqual(FILTERS.length);
    expect(recent.size).toBeLessThanOrEqual(500);
  });

  it('gives the same pages oldest first from a time at or after the floor, and for previous pages', async () => {
    const newest = await searchLogs(storage.reader, { limit: 1, order: 'desc' });
    const newestMs = Date.parse(newest.rows[0].timestamp);
    const fromMs = newestMs - 600;
    for (const filters of FILTERS.slice(0, 4)) {
      expect(await compareListing({ ...filters, fromMs, limit: 10, order: 'asc' }, 3)).toBeGreaterThan(0);
    }
    const second = await searchLogs(storage.reader, { limit: 30, order: 'desc' }, recent);
    const third = await searchLogs(storage.reader, { limit: 30, order: 'desc', after: second.next ?? undefined }, recent);
    const back = { limit: 30, order: 'desc' as const, before: third.prev ?? undefined };
    expect(recent.page(back, 'asc', back.before)).toBeDefined();
    expect(pageOf(await searchLogs(storage.reader, back, recent))).toEqual(pageOf(await searchLogs(storage.reader, back)));
    expect((await searchLogs(storage.reader, back, recent)).rows).toEqual(second.rows);
  });

  it('finds an event by id as the table does, and says when a held instant has no such event', async () => {
    const page = await searchLogs(storage.reader, { limit: 40, order: 'desc' }, recent);
    for (const row of page.rows.filter((_, index) => index % 7 === 0)) {
      const id = idOf(row.id);
      expect(await findLog(storage.reader, id, recent)).toEqual(await findLog(storage.reader, id));
      expect(await findLog(storage.reader, id, recent)).toEqual(row);
    }
    const missing = { ...idOf(page.rows[0].id), rowKey: '1' };
    expect(recent.page({ fromMs: missing.timestampMs, toMs: missing.timestampMs + 1, limit: 10 }, 'asc')).toBeDefined();
    expect(await findLog(storage.reader, missing, recent)).toBeUndefined();
  });

  it('leaves to the table what it does not hold: text, old pages, time ranges below its floor', () => {
    expect(recent.page({ words: ['login'], limit: 10 }, 'desc')).toBeUndefined();
    expect(recent.page({ limit: 10 }, 'asc')).toBeUndefined();
    expect(recent.page({ levels: ['CRITICAL'], toMs: startMs + 100, limit: 10 }, 'desc')).toBeUndefined();
  });

  it('leaves to the table a page that reaches events about to expire (the TTL may have dropped them)', async () => {
    const old = events(3, Date.now() - 23.5 * 3_600_000, 7000).map((row) => prepareLogRow({ ...row.row, producer_id: 'expiring' }, row.timestampMs));
    await write(old);
    const options = { producerIds: ['expiring'], limit: 10 };
    const daily = new RecentLogs(loadNewest, { retentionDays: 1 });
    const monthly = new RecentLogs(loadNewest, { retentionDays: 30 });
    await Promise.all([daily.load(), monthly.load()]);
    expect(daily.page(options, 'desc')).toBeUndefined();
    expect(monthly.page(options, 'desc')).toHaveLength(3);
  });

  it('reads the same newest events back from the table after a restart', async () => {
    const restarted = new RecentLogs(loadNewest, { retentionDays: 30, capacity: 300 });
    await restarted.load();
    for (const filters of FILTERS.slice(0, 3)) {
      const options = { ...filters, limit: 20, order: 'desc' as const };
      expect(restarted.page(options, 'desc')).toBeDefined();
      expect(pageOf(await searchLogs(storage.reader, options, restarted))).toEqual(pageOf(await searchLogs(storage.reader, options)));
    }
  });

  it('lets go after a failed insert (it may have stored part), and reads the table again', async () => {
    const broken = events(3, startMs + 9_000, 5000);
    // Events on 101 days: the engine refuses the insert (too many partitions for one insert).
    const days = Array.from({ length: 101 }, (_, day) => prepareLogRow({ ...broken[0].row, seq: 9000 + day }, broken[0].timestampMs - day * 86_400_000));
    await expect(write([...broken, ...days])).rejects.toThrow(/partitions/i);
    expect(recent.loaded).toBe(false);
    expect(recent.page({ limit: 10 }, 'desc')).toBeUndefined();
    await recent.load();
    // The newest batch is appended (the path that does not rebuild the lists by level).
    await write(events(40, startMs + 9_500, 6000));
    expect(await compareListing({ limit: 50, order: 'desc' }, 3)).toBeGreaterThan(0);
    expect(await compareListing({ levels: ['INFO'], limit: 5, order: 'desc' }, 2)).toBeGreaterThan(0);
  });

  it('stays bounded when more events than it holds share one timestamp (it then holds none of them)', async () => {
    const atMs = Date.now() - 60_000;
    const burst = events(600, atMs, 8000).map((row, k) =>
      prepareLogRow({ ...row.row, timestamp: formatClickHouseTime(atMs), producer_id: 'burst', seq: k }, atMs),
    );
    await write(burst);
    expect(recent.size).toBeLessThanOrEqual(500);
    expect(recent.page({ limit: 10 }, 'desc')).toBeUndefined();
    expect(await compareListing({ limit: 100, order: 'desc' }, 2)).toBe(0);
  });
});

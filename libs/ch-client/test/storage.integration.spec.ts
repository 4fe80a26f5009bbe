import { normalizeEvent, type LogRow } from '@logline/log-schema';
import {
  applyMigrations,
  BatchInserter,
  countTopValues,
  createLogRowWriter,
  findLog,
  formatPageCursor,
  parseLogId,
  parsePageCursor,
  prepareLogRow,
  searchLogs,
  type PreparedLogRow,
  type Storage,
} from '../src';
import { getProducerStats } from '../src/queries/get-producer-stats';
import { closeTestStorage } from '../src/testing';
import { openStorageIn, STORAGE_MODES } from './storage-modes';

const HOUR_MS = 3_600_000;
/**
 * Whole hours before now: rows must stay inside every retention the tests set (the TTL test sets
 * 7 days), so fixed dates would expire and fail the suite once the calendar passed them.
 */
const hoursAgo = (hours: number) => Math.floor(Date.now() / HOUR_MS) * HOUR_MS - hours * HOUR_MS;
const T0 = hoursAgo(2 * 24);

function row(i: number, overrides: Partial<Record<string, unknown>> = {}): LogRow {
  const result = normalizeEvent({
    timestamp: new Date(T0 + Math.floor(i / 2) * 1000).toISOString(),
    log_level: ['INFO', 'ERROR', 'WARNING'][i % 3],
    message: `request ${i} from User_Alice${i % 2 === 0 ? ' failed' : ''}`,
    source: i % 2 === 0 ? 'auth' : 'payment',
    producer_id: 'p1',
    seq: i,
    ...overrides,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.row;
}

describe.each(STORAGE_MODES)('storage, %s', (mode) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorageIn(mode);
    const inserter = new BatchInserter<PreparedLogRow>(createLogRowWriter(storage.writer), { maxRows: 7, flushMs: 5 });
    await Promise.all([0, 10, 20].map((start) =>
      inserter.insert(Array.from({ length: 10 }, (_, k) => prepareLogRow(row(start + k)))),
    ));
    await inserter.close();
  });
  afterAll(() => closeTestStorage(storage));

  it('migrates idempotently: a second run applies nothing', async () => {
    const report = await applyMigrations(storage.writer, { retentionDays: 30 });
    expect(report.applied).toEqual([]);
    expect(report.version).toBeGreaterThanOrEqual(2);
  });

  it('changes the retention TTL when configured differently', async () => {
    await applyMigrations(storage.writer, { retentionDays: 7 });
    const result = await storage.reader.query({ query: "SELECT create_table_query FROM system.tables WHERE name = 'application_logs'", format: 'JSONEachRow' });
    const [{ create_table_query }] = await result.json<{ create_table_query: string }>();
    expect(create_table_query).toContain('toIntervalDay(7)');
    await applyMigrations(storage.writer, { retentionDays: 30 });
  });

  it('stores every row of every request and reports the producer figures', async () => {
    expect(await getProducerStats(storage.reader, 'p1')).toMatchObject({ stored: 30, distinct_seq: 30, min_seq: 0, max_seq: 29 });
    expect(await getProducerStats(storage.reader, 'nobody')).toMatchObject({ stored: 0, min_seq: null, first_timestamp: null });
  });

  it('returns the newest rows first with ISO timestamps', async () => {
    const { rows } = await searchLogs(storage.reader, { limit: 3, order: 'desc' });
    expect(rows.map((r) => r.seq)).toEqual(expect.arrayContaining([29, 28]));
    expect(rows[0].timestamp).toBe(new Date(T0 + 14_000).toISOString());
    expect(rows[0].ingested_at).toMatch(/Z$/);
  });

  it('filters by level, source, words and time', async () => {
    const { rows } = await searchLogs(storage.reader, {
      limit: 100, order: 'asc', levels: ['ERROR', 'INFO'], sources: ['auth'], words: ['alice', 'failed'],
      fromMs: T0, toMs: T0 + 10_000,
    });
    // words match whole tokens case-insensitively: "User_Alice" splits into "user", "alice".
    expect(rows.map((r) => r.seq)).toEqual([0, 4, 6, 10, 12, 16, 18]);
    expect(rows.every((r) => r.source === 'auth' && r.message.includes('failed'))).toBe(true);
  });

  it('pages with a cursor without skipping or repeating rows that share a timestamp', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const seen: number[] = [];
      let after;
      do {
        const page = await searchLogs(storage.reader, { limit: 4, order, after });
        seen.push(...page.rows.map((r) => r.seq as number));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    }
  });

  it('sorts by level (severity) or source, then time, paging both ways through cursors that survive text', async () => {
    const SEVERITY = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];
    const key = (r: { log_level: string; source: string; timestamp: string; id: string }, sort: 'level' | 'source') =>
      [sort === 'level' ? SEVERITY.indexOf(r.log_level) : r.source, r.timestamp, BigInt(r.id.split('.')[1])] as const;
    const before = (a: readonly unknown[], b: readonly unknown[]) => {
      for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
      return false;
    };
    for (const sort of ['level', 'source'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const pages = [];
        let after;
        do {
          const page = await searchLogs(storage.reader, { limit: 4, order, sort, after });
          pages.push(page);
          // Through text and back, as the api hands cursors out.
          after = page.next ? parsePageCursor(formatPageCursor(page.next, sort), sort) : undefined;
        } while (after);
        const seen = pages.flatMap((page) => page.rows);
        expect(seen).toHaveLength(30);
        expect(new Set(seen.map((r) => r.id)).size).toBe(30);
        const keys = seen.map((r) => key(r, sort));
        for (let i = 1; i < keys.length; i += 1) expect(order === 'asc' ? before(keys[i - 1], keys[i]) : before(keys[i], keys[i - 1])).toBe(true);
        if (sort === 'level' && order === 'desc') expect(seen[0].log_level).toBe('ERROR');
        // Back from the third page lands on the second.
        const third = pages[2];
        const back = await searchLogs(storage.reader, { limit: 4, order, sort, before: third.prev ?? undefined });
        expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
      }
    }
    expect([parsePageCursor('b@d~1.2', 'source'), parsePageCursor('YQ~nope', 'level'), parsePageCursor('1.2', 'level')]).toEqual([undefined, undefined, undefined]);
    expect(parsePageCursor(formatPageCursor({ timestampMs: 5, rowKey: '7', sortValue: "pay'ment ~ ü" }, 'source'), 'source')).toEqual({
      timestampMs: 5,
      rowKey: '7',
      sortValue: "pay'ment ~ ü",
    });
  });

  it('matches whole words only', async () => {
    const { rows } = await searchLogs(storage.reader, { limit: 100, order: 'asc', words: ['alic'] });
    expect(rows).toEqual([]);
  });

  it('drops retried events already stored, and repeats within a batch, counting them per producer', async () => {
    const counted = new Map<string, number>();
    const write = createLogRowWriter(storage.writer, (duplicates) => {
      for (const [producer, count] of duplicates) counted.set(producer, (counted.get(producer) ?? 0) + count);
    });
    const retried = [5, 6, 7].map((seq) => prepareLogRow(row(seq)));
    const restartedProducer = prepareLogRow(row(5, { timestamp: new Date(T0 + 3_600_000).toISOString() }));
    const unidentified = prepareLogRow(row(100, { seq: undefined, producer_id: undefined }));
    await write([...retried, retried[0], restartedProducer, unidentified]);
    expect(counted).toEqual(new Map([['p1', 4]]));
    // seq 5 from a new boot (later timestamp) is a different event and is kept.
    expect(await getProducerStats(storage.reader, 'p1')).toMatchObject({ stored: 31, distinct_seq: 30 });
  });

  it('pages correctly across the nearer time windows it tries first', async () => {
    const now = Date.now();
    const ages = [20 * 86_400_000, 5 * 86_400_000, 3_600_000, 0];
    await createLogRowWriter(storage.writer)(ages.map((age, seq) => prepareLogRow(row(seq, { producer_id: 'spread', timestamp: new Date(now - age).toISOString() }))));
    for (const order of ['desc', 'asc'] as const) {
      const seqs: number[] = [];
      let after;
      do {
        const page = await searchLogs(storage.reader, { producerIds: ['spread'], limit: 1, order, after });
        seqs.push(...page.rows.map((r) => r.seq as number));
        after = page.next ?? undefined;
      } while (after);
      expect(seqs).toEqual(order === 'asc' ? [0, 1, 2, 3] : [3, 2, 1, 0]);
    }
  });

  it('counts facets exactly over a range that starts and ends mid-minute (rollup plus raw edges)', async () => {
    const t1 = hoursAgo(4 * 24);
    const sources = ['facet-a', 'facet-b', 'facet-b'];
    const levels = ['INFO', 'ERROR', 'ERROR', 'WARNING'];
    const hosts = ['facet-h1', 'facet-h2', 'facet-h2', 'facet-h2', 'facet-h3'];
    const rows = Array.from({ length: 30 }, (_, seq) =>
      row(seq, { producer_id: 'facets', timestamp: new Date(t1 + seq * 17_000).toISOString(), source: sources[seq % 3], log_level: levels[seq % 4], host: hosts[seq % 5] }),
    );
    await createLogRowWriter(storage.writer)(rows.map((r) => prepareLogRow(r)));
    const fromMs = t1 + 50_000;
    const toMs = t1 + 7 * 60_000 + 5_000;
    const inRange = rows.filter((_, seq) => t1 + seq * 17_000 >= fromMs && t1 + seq * 17_000 < toMs);
    const expected = (key: 'source' | 'log_level' | 'host') => {
      const counts = new Map<string, number>();
      for (const r of inRange) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
      return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const filters = { fromMs, toMs, sources: ['facet-a', 'facet-b'] };
    expect((await countTopValues(storage.reader, filters, 'source', 10)).values).toEqual(expected('source'));
    expect((await countTopValues(storage.reader, filters, 'log_level', 10)).values).toEqual(expected('log_level'));
    expect((await countTopValues(storage.reader, filters, 'host', 10)).values).toEqual(expected('host'));
    // The same range through the raw table only (a field filter the rollup cannot answer).
    const raw = await countTopValues(storage.reader, { ...filters, fields: [{ field: 'producer_id', values: ['facets'], prefix: false, negate: false }] }, 'source', 10);
    expect(raw.values).toEqual(expected('source'));
  });

  it('counts facets from the rollups only from the expiry horizon on, raw events before it', async () => {
    const t1 = hoursAgo(5 * 24);
    const at = (seq: number) => t1 + seq * 600_000;
    const rows = Array.from({ length: 12 }, (_, seq) =>
      row(seq, { producer_id: 'expiring', timestamp: new Date(at(seq)).toISOString(), source: 'expiring-src', host: seq % 3 === 0 ? 'exp-a' : 'exp-b' }),
    );
    await createLogRowWriter(storage.writer)(rows.map((r) => prepareLogRow(r)));
    // The first four leave the table as expired events do; the rollups, kept longer, still count them.
    await storage.writer.command({ query: `DELETE FROM logs.application_logs WHERE producer_id = 'expiring' AND seq < 4` });
    const filters = { sources: ['expiring-src'] };
    const stored = [{ value: 'exp-b', count: 6 }, { value: 'exp-a', count: 2 }];
    const horizon = { expiringBeforeMs: at(3) + 95_000 };
    expect((await countTopValues(storage.reader, filters, 'host', 10, horizon)).values).toEqual(stored);
    expect((await countTopValues(storage.reader, filters, 'source', 10, horizon)).values).toEqual([{ value: 'expiring-src', count: 8 }]);
    expect((await countTopValues(storage.reader, { ...filters, fromMs: at(1) }, 'host', 10, horizon)).values).toEqual(stored);
    // An open start without a horizon is counted from raw events alone.
    expect((await countTopValues(storage.reader, filters, 'host', 10)).values).toEqual(stored);
    // A horizon before the deleted events lets the rollup answer for them: it is what the option means.
    const early = { expiringBeforeMs: at(0) - 60_000 };
    expect((await countTopValues(storage.reader, filters, 'host', 10, early)).values).toEqual([{ value: 'exp-b', count: 8 }, { value: 'exp-a', count: 4 }]);
  });

  it('gives events without a seq ids that page and resolve like any other', async () => {
    const at = new Date(hoursAgo(6 * 24)).toISOString();
    const rows = ['one', 'two', 'three'].map((message) => row(0, { producer_id: 'no-seq', seq: undefined, timestamp: at, message }));
    await createLogRowWriter(storage.writer)(rows.map((r) => prepareLogRow(r)));
    const ids: string[] = [];
    let after;
    do {
      const page = await searchLogs(storage.reader, { producerIds: ['no-seq'], limit: 1, order: 'desc', after });
      ids.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      const cursor = parseLogId(id);
      if (!cursor) throw new Error(`not an id: ${id}`);
      expect((await findLog(storage.reader, cursor))?.id).toBe(id);
    }
  });

  it('treats hostile text as data', async () => {
    const { rows } = await searchLogs(storage.reader, { limit: 5, order: 'desc', sources: ["auth' OR 1=1 --"] });
    expect(rows).toEqual([]);
  });
});

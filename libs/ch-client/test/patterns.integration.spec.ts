/**
 * The Patterns view's query on the real engine: stored ids grouped into patterns, each listed
 * pattern's id a filter selecting exactly the events it counted (logs, histogram, facets), whether
 * the pattern rollup or the raw table answered, with hidden patterns left out.
 */
import { derivePattern, patternIdOf } from '@logline/log-patterns';
import { normalizeEvent, type LogRow } from '@logline/log-schema';
import { BatchInserter, prepareLogRow, Store, type LogFilters, type PatternList, type PreparedLogRow, type Storage } from '../src';
import { selectRows } from '../src/sql/run-query';
import { sql } from '../src/sql/sql';
import { closeTestStorage, TEST_RETENTION_DAYS } from '../src/testing';
import { openStorageIn, STORAGE_MODES } from './storage-modes';

const MINUTE = 60_000;
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE - 60 * MINUTE;

/** [message, events, level] — spread over ten minutes. */
const TRAFFIC: [string, number, string][] = [
  ['Failed password for root from 173.234.31.186 port 38926 ssh2', 50, 'WARNING'],
  ['Failed password for admin from 5.36.59.76 port 42393 ssh2', 20, 'WARNING'],
  ['Failed password for guest from 5.36.59.76 port 42393 ssh2', 3, 'ERROR'],
  ['Connection closed by 183.62.140.253 [preauth]', 40, 'INFO'],
  ['Invalid user 1234 from 183.62.140.253', 7, 'INFO'],
  ['Invalid user oracle from 183.62.140.253', 5, 'ERROR'],
];

function rows(): LogRow[] {
  return TRAFFIC.flatMap(([message, events, level], kind) =>
    Array.from({ length: events }, (_, index) => {
      const result = normalizeEvent({
        timestamp: new Date(T0 + ((index * 7_919 + kind * 30_011) % (10 * MINUTE))).toISOString(),
        log_level: level,
        message,
        source: index % 2 === 0 ? 'auth' : 'sshd',
        producer_id: 'p1',
      });
      if (!result.ok) throw new Error(result.reason);
      return result.row;
    }),
  );
}

// Mid-minute at both ends: the rollup counts the whole minutes, raw events the rest.
const RANGE = { fromMs: T0 + 30_000, toMs: T0 + 9 * MINUTE + 30_000 };
const SPARKLINE = { fromMs: T0, toMs: T0 + 10 * MINUTE, bucketSeconds: 60 };
const EVENTS_IN_RANGE = rows().filter((row) => Date.parse(`${row.timestamp.replace(' ', 'T')}Z`) >= RANGE.fromMs && Date.parse(`${row.timestamp.replace(' ', 'T')}Z`) < RANGE.toMs);

describe.each(STORAGE_MODES)('patterns, %s', (mode) => {
  let storage: Storage;
  let store: Store;
  let listed: PatternList;
  const list = (filters: LogFilters) => store.listPatterns(filters, { limit: 50, sparkline: SPARKLINE });
  beforeAll(async () => {
    storage = await openStorageIn(mode);
    store = new Store(storage, { retentionDays: TEST_RETENTION_DAYS });
    const inserter = new BatchInserter<PreparedLogRow>(store.createLogRowWriter(), { maxRows: 40, flushMs: 5 });
    await inserter.insert(rows().map((row) => prepareLogRow(row)));
    await inserter.close();
    listed = await list(RANGE);
  }, 60_000);
  afterAll(() => closeTestStorage(storage));

  it('lists the merged patterns busiest first, counting every event of the range once', async () => {
    expect(listed.servedBy).toBe('rollup');
    expect(listed.totalEvents).toBe(EVENTS_IN_RANGE.length);
    expect(listed.patterns.map((pattern) => pattern.template)).toEqual([
      'Failed password for <*> from <*> port <*> ssh2',
      'Connection closed by <*> [preauth]',
      'Invalid user <*> from <*>',
    ]);
    expect(listed.patterns.reduce((sum, pattern) => sum + pattern.count, 0)).toBe(EVENTS_IN_RANGE.length);
    expect(listed.storedIdCount).toBe(TRAFFIC.length);
    expect(listed.complete).toBe(true);
  });

  it('gives a merged pattern the id of its template and a single stored id its own', () => {
    const [failed, closed] = listed.patterns;
    expect(failed.patternId).toBe(patternIdOf('Failed password for <*> from <*> port <*> ssh2'));
    expect(failed.storedIds).toHaveLength(3);
    expect(closed.storedIds).toEqual([derivePattern(TRAFFIC[3][0]).patternId]);
    expect(closed.patternId).toBe(closed.storedIds[0]);
  });

  it("answers each pattern's id as a filter with exactly its count, in the logs, the histogram and the facets", async () => {
    for (const pattern of listed.patterns) {
      const filters = { ...RANGE, patternIds: [pattern.patternId] };
      const page = await store.searchLogs({ ...filters, limit: 1000, order: 'desc' });
      expect(page.rows).toHaveLength(pattern.count);
      expect(new Set(page.rows.map((row) => row.pattern_id))).toEqual(new Set(pattern.storedIds));
      expect(await store.countLogs(filters, RANGE)).toBe(pattern.count);
      const histogram = await store.countHistogram(filters, { ...RANGE, bucketSeconds: 30 });
      expect(histogram.counts.reduce((sum, count) => sum + count.count, 0)).toBe(pattern.count);
      const levels = await store.countTopValues(filters, 'log_level', 10);
      expect(levels.values.reduce((sum, value) => sum + value.count, 0)).toBe(pattern.count);
    }
  });

  it('keeps every row its stored id, the one derivePattern gives its message', async () => {
    const page = await store.searchLogs({ ...RANGE, limit: 1000, order: 'asc' });
    expect(page.rows.every((row) => row.pattern_id === derivePattern(row.message).patternId)).toBe(true);
  });

  it('draws each sparkline over the range from the same counts', () => {
    for (const pattern of listed.patterns) {
      expect(pattern.sparkline).toHaveLength(10);
      expect(pattern.sparkline.reduce((sum, count) => sum + count, 0)).toBe(pattern.count);
    }
    expect(listed.patterns[0].sample).toMatch(/^Failed password for /);
    expect(listed.patterns[0].firstSeenMs).toBeGreaterThanOrEqual(RANGE.fromMs);
    expect(listed.patterns[0].lastSeenMs).toBeLessThan(RANGE.toMs);
  });

  it('counts the same from raw events as from the rollup', async () => {
    const raw = await list({ ...RANGE, producerIds: ['p1'] });
    expect(raw.servedBy).toBe('raw');
    expect(raw.patterns.map(({ patternId, count, firstSeenMs, lastSeenMs, sparkline }) => ({ patternId, count, firstSeenMs, lastSeenMs, sparkline }))).toEqual(
      listed.patterns.map(({ patternId, count, firstSeenMs, lastSeenMs, sparkline }) => ({ patternId, count, firstSeenMs, lastSeenMs, sparkline })),
    );
  });

  it('hides excluded patterns, from the list and from the events alike', async () => {
    const [failed] = listed.patterns;
    const hidden = await list({ ...RANGE, excludedPatternIds: [failed.patternId] });
    expect(hidden.patterns.map((pattern) => pattern.patternId)).toEqual(listed.patterns.slice(1).map((pattern) => pattern.patternId));
    expect(hidden.totalEvents).toBe(EVENTS_IN_RANGE.length - failed.count);
    expect(await store.countLogs({ excludedPatternIds: [failed.patternId] }, RANGE)).toBe(EVENTS_IN_RANGE.length - failed.count);
  });

  it('lists within a pattern and a level, the filters the rollup holds too', async () => {
    const [failed] = listed.patterns;
    const errors = await list({ ...RANGE, patternIds: [failed.patternId], levels: ['ERROR'] });
    expect(errors.servedBy).toBe('rollup');
    expect(errors.patterns.map((pattern) => pattern.template)).toEqual(['Failed password for guest from <*> port <*> ssh2']);
  });

  it('saves merged templates where every replica resolves them', async () => {
    const saved = await selectRows<{ pattern_id: string; template: string }>(storage.reader, sql`SELECT pattern_id, template FROM logs.pattern_groups FINAL ORDER BY template`);
    expect(saved).toEqual([
      { pattern_id: patternIdOf('Failed password for <*> from <*> port <*> ssh2'), template: 'Failed password for <*> from <*> port <*> ssh2' },
      { pattern_id: patternIdOf('Invalid user <*> from <*>'), template: 'Invalid user <*> from <*>' },
    ]);
  });
});

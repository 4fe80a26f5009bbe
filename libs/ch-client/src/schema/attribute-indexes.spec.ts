/**
 * Lookup indexes of INDEXED_ATTRIBUTES on the real engine: added and dropped at migration to match
 * the list, used by the filters' own conditions, and never in the way of correct answers.
 */
import { attributeIndexName } from '@logline/log-schema';
import type { Storage } from '../connection/open-storage';
import { createLogRowWriter } from '../insert/log-row-writer';
import { NativeBlockInserter } from '../insert/native-block-inserter';
import { prepareLogRow } from '../insert/prepared-row';
import { searchLogs } from '../queries/search-logs';
import { filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';
import { closeTestStorage, openTestStorage, TEST_RETENTION_DAYS } from '../testing';
import { applyMigrations } from './apply-migrations';

const byRequest = (id: string): LogFilters => ({ fields: [{ field: { attribute: 'request_id' }, values: [id], prefix: false, negate: false }] });

describe('attribute lookup indexes', () => {
  let storage: Storage;
  let native: NativeBlockInserter;
  beforeAll(async () => {
    storage = await openTestStorage();
    native = new NativeBlockInserter(storage.writer);
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true, native });
    const now = Date.now() - 60_000;
    // Several parts, so the index has granules to skip.
    for (let part = 0; part < 3; part += 1) {
      await write(
        Array.from({ length: 20_000 }, (_, k) => {
          const seq = part * 20_000 + k;
          return prepareLogRow(
            { timestamp: '', log_level: 'INFO', message: `m ${seq}`, source: 's', host: 'h', producer_id: 'idx', seq, attributes: { request_id: `r-${seq}`, 'order.id': `o-${seq % 7}` }, trace_id: '', span_id: '' },
            now + seq,
          );
        }),
      );
    }
  });
  afterAll(async () => {
    native.close();
    await closeTestStorage(storage);
  });

  const indexNames = async () =>
    (
      await selectRows<{ name: string }>(
        storage.reader,
        sql`SELECT name FROM system.data_skipping_indices WHERE database = 'logs' AND table = 'application_logs' AND startsWith(name, 'idx_attr_') ORDER BY name`,
      )
    ).map((index) => index.name);

  it('are added and dropped at migration to match the configured attributes', async () => {
    expect(await indexNames()).toEqual([attributeIndexName('request_id')]);
    await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, indexedAttributes: ['order.id', 'request_id'] });
    expect(await indexNames()).toEqual([attributeIndexName('order.id'), attributeIndexName('request_id')].sort());
    await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, indexedAttributes: ['order.id'] });
    expect(await indexNames()).toEqual([attributeIndexName('order.id')]);
    await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, indexedAttributes: ['request_id'] });
    expect(await indexNames()).toEqual([attributeIndexName('request_id')]);
  });

  it("serve the filters' attribute conditions: one granule read of 60,000 rows", async () => {
    const filters = byRequest('r-41234');
    const lines = await selectRows<{ explain: string }>(
      storage.reader,
      sql`EXPLAIN indexes = 1 SELECT message FROM logs.application_logs ${whereClause(filterConditions(filters))} ${filterSettings(filters)}`,
    );
    const plan = lines.map((line) => line.explain).join('\n');
    expect(plan).toContain(attributeIndexName('request_id'));
    expect(plan).toMatch(/Granules: 1\/\d+/);
  });

  it('find every event of an id, on an indexed attribute and on another', async () => {
    const page = await searchLogs(storage.reader, { ...byRequest('r-41234'), order: 'desc', limit: 10 });
    expect(page.rows.map((row) => row.seq)).toEqual([41234]);
    const other: LogFilters = { fields: [{ field: { attribute: 'order.id' }, values: ['o-3'], prefix: false, negate: false }] };
    const [{ count }] = await selectRows<{ count: string }>(
      storage.reader,
      sql`SELECT toString(count()) AS count FROM logs.application_logs ${whereClause(filterConditions(other))} ${filterSettings(other)}`,
    );
    // seq % 7 = 3 for seq in 0..59,999
    expect(count).toBe('8571');
  });
});

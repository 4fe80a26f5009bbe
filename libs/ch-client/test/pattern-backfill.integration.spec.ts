/**
 * Migration 11 over events stored before it: their ids (computed on read until the mutation has
 * written them), the catalogue and the per-minute counts backfilled, and a re-run after an
 * interruption counting nothing twice.
 */
import { derivePattern } from '@logline/log-patterns';
import { formatClickHouseTime, MIGRATIONS, PATTERNS_MIGRATION } from '@logline/log-schema';
import { applyMigrations, type Storage } from '../src';
import { insertLines } from '../src/insert/insert-lines';
import { runCommand, selectRows } from '../src/sql/run-query';
import { sql } from '../src/sql/sql';
import { closeTestStorage, openTestStorage, TEST_RETENTION_DAYS } from '../src/testing';

const MESSAGES = ['disk sda1 at 91% full', 'disk sdb2 at 97% full', 'user bob signed in from 10.0.0.1', 'cache warmed in 32 ms'];
const BASE_MS = Date.now() - 3_600_000;

describe('migration 11 on stored events', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage();
    await runCommand(storage.writer, sql`DROP DATABASE logs SYNC`);
    await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, migrations: MIGRATIONS.filter((migration) => migration.version < PATTERNS_MIGRATION.version) });
    const lines = Array.from({ length: 400 }, (_, index) => JSON.stringify({
      timestamp: formatClickHouseTime(BASE_MS + index * 9_000),
      log_level: index % 5 === 0 ? 'ERROR' : 'INFO',
      message: MESSAGES[index % MESSAGES.length],
      source: 'disk',
    }));
    await insertLines(storage.writer, 'INSERT INTO logs.application_logs (timestamp, log_level, message, source) FORMAT JSONEachRow', lines);
  }, 60_000);
  afterAll(() => closeTestStorage(storage));

  const countsByStoredId = () =>
    selectRows<{ pattern_id: string; raw: string; rollup: string }>(
      storage.reader,
      sql`SELECT pattern_id, toString(count()) AS raw,
                 toString((SELECT sum(events) FROM logs.pattern_counts_1m AS counts WHERE counts.pattern_id = logs.application_logs.pattern_id)) AS rollup
          FROM logs.application_logs GROUP BY pattern_id ORDER BY pattern_id`,
    );

  it('gives old events their ids, catalogue rows and per-minute counts', async () => {
    // Up to this one: later migrations are not what this test is about.
    const upToPatterns = MIGRATIONS.filter((migration) => migration.version <= PATTERNS_MIGRATION.version);
    expect((await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, migrations: upToPatterns })).applied).toEqual([PATTERNS_MIGRATION.version]);
    const stored = await selectRows<{ message: string; pattern_id: string }>(storage.reader, sql`SELECT message, pattern_id FROM logs.application_logs`);
    expect(stored.filter((row) => row.pattern_id !== derivePattern(row.message).patternId)).toEqual([]);
    const catalogue = await selectRows<{ pattern_id: string; template: string }>(storage.reader, sql`SELECT pattern_id, any(template) AS template FROM logs.patterns GROUP BY pattern_id ORDER BY template`);
    expect(catalogue.map((row) => row.template)).toEqual(['cache warmed in <*> ms', 'disk sda1 at <*> full', 'disk sdb2 at <*> full', 'user bob signed in from <*>']);
    const counts = await countsByStoredId();
    expect(counts.map((row) => row.rollup)).toEqual(counts.map((row) => row.raw));
  });

  it('counts nothing twice when its statements run again (an interrupted start)', async () => {
    const before = await countsByStoredId();
    for (const statement of PATTERNS_MIGRATION.statements) await storage.writer.command({ query: statement });
    expect(await countsByStoredId()).toEqual(before);
    const [{ rows }] = await selectRows<{ rows: string }>(storage.reader, sql`SELECT toString(count()) AS rows FROM (SELECT pattern_id FROM logs.patterns GROUP BY pattern_id)`);
    expect(rows).toBe('4');
  });
});

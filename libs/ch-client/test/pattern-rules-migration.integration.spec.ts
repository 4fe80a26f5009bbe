/**
 * A masking-rule migration (patternRulesMigration; SHORT_HASH_PATTERN_MIGRATION) on a database whose
 * column default and catalogue view were rendered from older rules: later rows get the new rules'
 * id and template, rows stored before keep theirs.
 */
import { derivePattern } from '@logline/log-patterns';
import { formatClickHouseTime, MIGRATIONS, SHORT_HASH_PATTERN_MIGRATION } from '@logline/log-schema';
import { applyMigrations, type Storage } from '../src';
import { insertLines } from '../src/insert/insert-lines';
import { runCommand, selectRows } from '../src/sql/run-query';
import { sql } from '../src/sql/sql';
import { closeTestStorage, openTestStorage, TEST_RETENTION_DAYS } from '../src/testing';

const RULES_MIGRATION_VERSION = SHORT_HASH_PATTERN_MIGRATION.version;
const MESSAGE = 'charged order ord_c0ffee1';

describe(`migration ${RULES_MIGRATION_VERSION} (masking rules) on a database of older rules`, () => {
  let storage: Storage;
  const store = (producer: string) =>
    insertLines(storage.writer, 'INSERT INTO logs.application_logs (timestamp, log_level, message, source, producer_id) FORMAT JSONEachRow', [
      JSON.stringify({ timestamp: formatClickHouseTime(Date.now()), log_level: 'INFO', message: MESSAGE, source: 'payment', producer_id: producer }),
    ]);
  const storedId = async (producer: string) =>
    (await selectRows<{ pattern_id: string }>(storage.reader, sql`SELECT pattern_id FROM logs.application_logs WHERE producer_id = ${producer}`))[0]?.pattern_id;

  beforeAll(async () => {
    storage = await openTestStorage();
    await runCommand(storage.writer, sql`DROP DATABASE logs SYNC`);
    await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS, migrations: MIGRATIONS.filter((migration) => migration.version < RULES_MIGRATION_VERSION) });
    // What older rules left: another default, and a view writing other templates.
    for (const query of [
      `ALTER TABLE logs.application_logs MODIFY COLUMN pattern_id LowCardinality(String) DEFAULT 'older-rules-id'`,
      'DROP VIEW logs.patterns_mv',
      `CREATE MATERIALIZED VIEW logs.patterns_mv TO logs.patterns AS
       SELECT pattern_id, 'older rules template' AS template, min(ingested_at) AS first_stored, max(ingested_at) AS last_stored
       FROM logs.application_logs GROUP BY pattern_id`,
    ]) {
      await storage.writer.command({ query });
    }
    await store('before');
  }, 60_000);
  afterAll(() => closeTestStorage(storage));

  it('gives later rows the id and catalogue template of the current rules, and leaves stored rows their ids', async () => {
    expect(await storedId('before')).toBe('older-rules-id');

    const report = await applyMigrations(storage.writer, { retentionDays: TEST_RETENTION_DAYS });
    expect(report.applied).toContain(RULES_MIGRATION_VERSION);
    await store('after');

    const { patternId, template } = derivePattern(MESSAGE);
    expect(template).toBe('charged order <*>');
    expect(await storedId('after')).toBe(patternId);
    expect(await storedId('before')).toBe('older-rules-id');
    const catalogue = await selectRows<{ pattern_id: string; template: string }>(storage.reader, sql`SELECT pattern_id, any(template) AS template FROM logs.patterns GROUP BY pattern_id ORDER BY pattern_id`);
    expect(catalogue).toEqual([
      { pattern_id: 'older-rules-id', template: 'older rules template' },
      { pattern_id: patternId, template },
    ].sort((a, b) => a.pattern_id.localeCompare(b.pattern_id)));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, openStorage, type Storage } from '@logline/ch-client';
import { closeTestStorage, testDataDir } from '@logline/ch-client/testing';
import { BOOTSTRAP_STATEMENTS, MIGRATIONS } from '@logline/log-schema';
import { loadNormalizeVectors } from '@logline/log-schema/test-vectors';
import { SCHEMA_SQL_PATH, renderSchemaSql } from '../src/schema-sql';
import { httpSourceEvent, readProgram, runProgram } from './run-vrl';

const committed = readFileSync(join(__dirname, '..', '..', SCHEMA_SQL_PATH), 'utf8');

/** The statements as clickhouse-client --multiquery splits the file. */
function statementsOf(script: string): string[] {
  const withoutComments = script.replace(/^--.*$/gm, '');
  return withoutComments.split(';').map((statement) => statement.trim()).filter(Boolean);
}

describe('deploy/clickhouse/initdb/001-schema.sql', () => {
  it('is what the library generates now (run `npx nx run deploy:generate-ddl` after a migration)', () => {
    expect(committed).toBe(renderSchemaSql());
  });

  it('holds what precedes the migrations, every migration statement once, none with a semicolon inside, then records the versions', () => {
    const expected = [...BOOTSTRAP_STATEMENTS, ...MIGRATIONS.flatMap((migration) => migration.statements)];
    const statements = statementsOf(committed);
    expect(statements.slice(0, expected.length)).toEqual(expected);
    expect(statements.slice(expected.length).map((statement) => statement.split('\n')[0])).toEqual(['INSERT INTO logs.schema_migrations (version, name)']);
  });

  describe('on the embedded ClickHouse engine', () => {
    let storage: Storage;

    beforeAll(() => {
      storage = openStorage({ dataDir: testDataDir() });
    });

    afterAll(() => closeTestStorage(storage));

    it('runs twice, recording each version once, and the api migrate step after it has nothing to apply', async () => {
      for (let round = 0; round < 2; round += 1) {
        for (const statement of statementsOf(committed)) await storage.writer.command({ query: statement });
      }
      const recorded = await storage.reader.query({ query: 'SELECT version, name FROM logs.schema_migrations ORDER BY version', format: 'JSONEachRow' });
      expect(await recorded.json()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      const report = await applyMigrations(storage.writer, { retentionDays: 30 });
      expect(report).toEqual({ applied: [], version: Math.max(...MIGRATIONS.map((migration) => migration.version)) });
    });

    it("stores the rows Vector's programs produce, as JSONEachRow like Vector's ClickHouse sink", async () => {
      const normalize = readProgram('normalize.vrl');
      const vector = loadNormalizeVectors().find((candidate) => candidate.name.startsWith('extra fields'));
      const row = runProgram(normalize, httpSourceEvent(vector?.line ?? ''));
      const deadLetter = runProgram(readProgram('dead-letter.vrl'), {
        ...httpSourceEvent('nope'),
        metadata: { dropped: { reason: 'abort', message: 'invalid_json: invalid JSON: expected value' } },
      });
      // Other spec files of this jest worker (vector-sink.spec.ts) may have stored events here already.
      for (const table of ['logs.application_logs', 'logs.ingest_errors']) await storage.writer.command({ query: `TRUNCATE TABLE ${table}` });
      // The test vectors' events happened on a fixed day, which falls out of the 30-day TTL as the calendar moves on.
      await storage.writer.command({ query: 'SYSTEM STOP TTL MERGES logs.application_logs' });
      await storage.writer.exec({ query: `INSERT INTO logs.application_logs FORMAT JSONEachRow ${JSON.stringify(row)}` });
      await storage.writer.exec({ query: `INSERT INTO logs.ingest_errors FORMAT JSONEachRow ${JSON.stringify(deadLetter)}` });
      const stored = await storage.reader.query({
        query: "SELECT toString(timestamp) AS timestamp, seq, attributes['ctx'] AS ctx FROM logs.application_logs WHERE message = 'm'",
        format: 'JSONEachRow',
      });
      expect(await stored.json()).toEqual([{ timestamp: '2026-11-28 17:00:00.000', seq: null, ctx: '{"a":"x","z":{"y":[1.5]}}' }]);
      const errors = await storage.reader.query({ query: 'SELECT transport, peer, line, code, raw FROM logs.ingest_errors', format: 'JSONEachRow' });
      expect(await errors.json()).toEqual([{ transport: 'vector-http', peer: '10.1.2.3', line: 0, code: 'invalid_json', raw: 'nope' }]);
    });
  });
});

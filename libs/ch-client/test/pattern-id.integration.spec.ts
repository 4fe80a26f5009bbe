/**
 * The pattern id of a row written without one (Vector, any INSERT leaving the column out) is the
 * column default's, SQL generated from @logline/log-patterns' rules: it must equal derivePattern's,
 * which the api writes, for every message. Checked on the real engine over loghub's raw lines (when
 * the samples are on this machine) and a committed set reaching every rule.
 */
import { join } from 'node:path';
import { coversTemplate, derivePattern, groupPatterns, renderCoversSql } from '@logline/log-patterns';
import { PATTERN_TEST_MESSAGES, readLoghubLines } from '@logline/log-patterns/test-messages';
import { formatClickHouseTime } from '@logline/log-schema';
import { BatchInserter, createLogRowWriter, prepareLogRow, type PreparedLogRow, type Storage } from '../src';
import { insertLines } from '../src/insert/insert-lines';
import { selectRows } from '../src/sql/run-query';
import { bind, generatedSql, sql } from '../src/sql/sql';
import { closeTestStorage, openTestStorage } from '../src/testing';

const LOGHUB = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'loghub');
const MESSAGES = [...PATTERN_TEST_MESSAGES, ...readLoghubLines(LOGHUB)];
const NOW = formatClickHouseTime(Date.now());

describe('pattern_id column default', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage();
    // As Vector writes: no pattern_id column (seq tells the messages apart).
    const lines = MESSAGES.map((message, seq) => JSON.stringify({ timestamp: NOW, log_level: 'INFO', message, source: 'vector', producer_id: 'vector', seq }));
    await insertLines(storage.writer, 'INSERT INTO logs.application_logs (timestamp, log_level, message, source, producer_id, seq) FORMAT JSONEachRow', lines);
  }, 60_000);
  afterAll(() => closeTestStorage(storage));

  it(`gives every message the id derivePattern gives it (${MESSAGES.length} messages)`, async () => {
    const rows = await selectRows<{ seq: string; pattern_id: string }>(
      storage.reader,
      sql`SELECT seq, pattern_id FROM logs.application_logs WHERE producer_id = 'vector' ORDER BY seq`,
    );
    expect(rows).toHaveLength(MESSAGES.length);
    const differences = rows
      .filter((row) => row.pattern_id !== derivePattern(MESSAGES[Number(row.seq)]).patternId)
      .map((row) => ({ message: MESSAGES[Number(row.seq)], sql: row.pattern_id, node: derivePattern(MESSAGES[Number(row.seq)]) }));
    expect(differences).toEqual([]);
  });

  it('keeps one catalogue template per id, the template derivePattern gives, whichever writer stored it', async () => {
    const inserter = new BatchInserter<PreparedLogRow>(createLogRowWriter(storage.writer), { maxRows: 1000, flushMs: 5 });
    await inserter.insert(PATTERN_TEST_MESSAGES.map((message, seq) => prepareLogRow({
      timestamp: NOW, log_level: 'WARNING', message, source: 'api', host: '', producer_id: 'api', seq, attributes: {}, trace_id: '', span_id: '',
    })));
    await inserter.close();
    const catalogue = await selectRows<{ pattern_id: string; template: string }>(
      storage.reader,
      sql`SELECT pattern_id, any(template) AS template FROM logs.patterns GROUP BY pattern_id`,
    );
    const expected = new Map(MESSAGES.map((message) => derivePattern(message)).map(({ patternId, template }) => [patternId, template]));
    expect(new Map(catalogue.map((row) => [row.pattern_id, row.template]))).toEqual(expected);
  });

  it('decides which templates a pattern covers as coversTemplate does', async () => {
    const templates = [...new Set(MESSAGES.map((message) => derivePattern(message).template))];
    const patterns = groupPatterns(templates.map((template) => ({ patternId: template, template, count: 1 }))).map((pattern) => pattern.template);
    const covers = generatedSql(renderCoversSql('pattern', 'template'));
    const pairs = await selectRows<{ pattern: string; template: string }>(
      storage.reader,
      sql`SELECT pattern, template
          FROM (SELECT arrayJoin(${bind(patterns, 'Array(String)')}) AS pattern) AS patterns
          CROSS JOIN (SELECT arrayJoin(${bind(templates, 'Array(String)')}) AS template) AS templates
          WHERE ${covers}`,
    );
    const expected = patterns.flatMap((pattern) => templates.filter((template) => coversTemplate(pattern, template)).map((template) => ({ pattern, template })));
    const key = (pair: { pattern: string; template: string }) => `${pair.pattern}\u0000${pair.template}`;
    expect(pairs.map(key).sort()).toEqual(expected.map(key).sort());
  });
});

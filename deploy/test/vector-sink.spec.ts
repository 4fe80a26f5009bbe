/**
 * Vector's two clickhouse sinks as deploy/vector/vector.yaml configures them, sending what the VRL
 * programs make of the shared test vectors in the exact request Vector 0.57 sends, to a ClickHouse
 * HTTP interface over the real engine and Logline's schema (tools/clickhouse-http: no ClickHouse
 * server or Vector binary runs here). The rows are the vectors' expected rows, which
 * normalize-vrl.spec.ts proves are normalize.vrl's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openStorage, type Storage } from '@logline/ch-client';
import { closeTestStorage, prepareTestStorage, TEST_RETENTION_DAYS, testDataDir } from '@logline/ch-client/testing';
import { startClickHouseHttp, type ClickHouseHttp } from '@logline/clickhouse-http';
import { retentionHorizonMs } from '@logline/log-schema';
import { loadNormalizeVectors, type LineOutcome } from '@logline/log-schema/test-vectors';
import { droppedEvent, httpSourceEvent, readProgram, runProgram } from './run-vrl';
import { vectorHealthcheck, vectorInsertRequest, type ClickHouseSinkOptions } from './vector-clickhouse-request';

const config = parse(readFileSync(join(__dirname, '..', 'vector', 'vector.yaml'), 'utf8')) as { sinks: Record<string, ClickHouseSinkOptions> };
const WRITER_PASSWORD = 'writer secret';

type RowOutcome = Extract<LineOutcome, { kind: 'row' }>;
type RejectionOutcome = Extract<LineOutcome, { kind: 'rejection' }>;

describe("Vector's clickhouse sinks, as deployed, into Logline's schema", () => {
  let front: ClickHouseHttp;
  let storage: Storage;
  /** A sink of vector.yaml pointed at the front instead of the compose service `clickhouse`. */
  const sink = (name: string): ClickHouseSinkOptions => ({ ...config.sinks[name], endpoint: front.url });
  const send = ({ url, init }: { url: string; init: RequestInit }) => fetch(url, init);

  beforeAll(async () => {
    const writer = config.sinks['clickhouse_logs'].auth?.user ?? 'default';
    front = await startClickHouseHttp({ dataDir: testDataDir(), users: { default: '', [writer]: WRITER_PASSWORD } });
    storage = await prepareTestStorage(openStorage({ url: front.url }));
  });
  afterAll(async () => {
    await closeTestStorage(storage);
    await front.close();
  });

  it("passes the sink's healthcheck with its credentials, and refuses a wrong password", async () => {
    expect((await send(vectorHealthcheck(sink('clickhouse_logs'), WRITER_PASSWORD))).status).toBe(200);
    const refused = await send(vectorHealthcheck(sink('clickhouse_logs'), 'wrong'));
    expect([refused.status, refused.headers.get('x-clickhouse-exception-code')]).toEqual([403, '516']);
  });

  it('stores every event normalize.vrl keeps, as the api would store it (those older than the retention excepted)', async () => {
    const rows = loadNormalizeVectors()
      .map((vector) => vector.expected)
      .filter((outcome): outcome is RowOutcome => outcome.kind === 'row')
      .map((outcome) => outcome.row);
    const response = await send(vectorInsertRequest(sink('clickhouse_logs'), WRITER_PASSWORD, rows));
    expect(response.status).toBe(200);
    // The table's TTL drops events older than the retention (the test schema keeps 30 days) as they arrive.
    const retained = rows.filter((row) => Date.parse(`${row.timestamp.replace(' ', 'T')}Z`) >= retentionHorizonMs(TEST_RETENTION_DAYS));
    const stored = await storage.reader.query({
      query: 'SELECT timestamp, log_level, message, source, host, producer_id, seq, attributes, trace_id, span_id FROM logs.application_logs',
      format: 'JSONEachRow',
    });
    const inOrder = (list: object[]) => list.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
    expect(inOrder(await stored.json<object>())).toEqual(inOrder(retained));
  });

  it('stores every line normalize.vrl refuses as a dead letter, from the dead-letter sink', async () => {
    const deadLetter = readProgram('dead-letter.vrl');
    const refused = loadNormalizeVectors().filter((vector) => vector.expected.kind === 'rejection').slice(0, 3);
    const letters = refused.map((vector) => {
      const { code, reason } = vector.expected as RejectionOutcome;
      return runProgram(deadLetter, droppedEvent(httpSourceEvent(vector.line), 'abort', `${code}: ${reason}`)) as object;
    });
    expect((await send(vectorInsertRequest(sink('clickhouse_dead_letters'), WRITER_PASSWORD, letters))).status).toBe(200);
    const stored = await storage.reader.query({ query: "SELECT code FROM logs.ingest_errors WHERE transport = 'vector-http' ORDER BY code", format: 'JSONEachRow' });
    const codes = refused.map((vector) => (vector.expected as RejectionOutcome).code).sort();
    expect((await stored.json<{ code: string }>()).map((row) => row.code)).toEqual(codes);
  });

  it('answers a batch the table cannot take with a 400 Vector does not retry, storing none of it', async () => {
    const good = { timestamp: '2026-11-28 18:00:00.000', log_level: 'INFO', message: 'refused batch, good row', source: 'vector' };
    const response = await send(vectorInsertRequest(sink('clickhouse_logs'), WRITER_PASSWORD, [good, { ...good, timestamp: 'yesterday' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^Code: \d+\. DB::Exception: .*\(CANNOT_PARSE_/s);
    const count = await storage.reader.query({ query: "SELECT count() AS n FROM logs.application_logs WHERE source = 'vector'", format: 'JSONEachRow' });
    expect(await count.json()).toEqual([{ n: 0 }]);
  });
});

/**
 * @clickhouse/client 1.23 (the project's client) against the front, configured as
 * libs/ch-client's openServer configures it: query, insert, exec and command, bound parameters,
 * formats, compression both ways, ping, credentials and its typed errors.
 */
import { Readable } from 'node:stream';
import { ClickHouseError, ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { drainPending } from 'chdb';
import type { ClickHouseHttp } from '../src';
import { startTestFront, USERS } from './front';

describe('ClickHouse HTTP front: @clickhouse/client', () => {
  let front: ClickHouseHttp;
  let client: ClickHouseClient;
  const open = (username: string, password: string) =>
    createClient({
      url: front.url,
      username,
      password,
      compression: { request: true, response: true },
      clickhouse_settings: { wait_end_of_query: 1 },
      // The errors these tests provoke are expected; the client would log each one.
      log: { level: ClickHouseLogLevel.OFF },
    });

  beforeAll(async () => {
    front = await startTestFront();
    client = open('writer', USERS.writer);
    await client.command({ query: 'CREATE TABLE IF NOT EXISTS default.client_rows (id UInt32, name String, tags Array(String), at DateTime64(3, \'UTC\')) ENGINE = MergeTree ORDER BY id' });
    await client.command({ query: 'TRUNCATE TABLE default.client_rows' });
  });
  afterAll(async () => {
    await client.close();
    await front.close();
    await drainPending();
  });

  it('pings, both the /ping way and the SELECT way', async () => {
    expect(await client.ping()).toEqual({ success: true });
    expect(await client.ping({ select: true })).toEqual({ success: true });
  });

  it('inserts compressed JSONEachRow rows and reads them back in each JSON format and TabSeparated', async () => {
    const rows = [
      { id: 1, name: "O'Brien\ttab", tags: ['a', 'b'], at: '2026-11-28 12:00:00.123' },
      { id: 2, name: 'ünïcode ✓', tags: [], at: '2026-11-28 12:00:01.000' },
    ];
    await client.insert({ table: 'default.client_rows', values: rows, format: 'JSONEachRow' });
    const query = 'SELECT id, name, tags, at FROM default.client_rows ORDER BY id';
    expect(await (await client.query({ query, format: 'JSONEachRow' })).json()).toEqual(rows);
    expect(await (await client.query({ query, format: 'JSONCompactEachRow' })).json()).toEqual(rows.map((row) => Object.values(row)));
    const document = await (await client.query({ query, format: 'JSON' })).json<(typeof rows)[number]>();
    expect(document.data).toEqual(rows);
    expect(document.rows).toBe(2);
    expect(await (await client.query({ query: 'SELECT id, name FROM default.client_rows ORDER BY id', format: 'TabSeparated' })).text()).toBe("1\tO\\'Brien\\ttab\n2\tünïcode ✓\n");
  });

  it('streams NDJSON through exec, as the api writes its batches', async () => {
    const lines = Array.from({ length: 5000 }, (_, k) => JSON.stringify({ id: 100 + k, name: `n${k}`, tags: [], at: '2026-11-28 13:00:00.000' })).join('\n');
    const result = await client.exec({ query: 'INSERT INTO default.client_rows FORMAT JSONEachRow', values: Readable.from([lines]) });
    result.stream.resume();
    const [{ stored }] = await (await client.query({ query: 'SELECT count() AS stored FROM default.client_rows WHERE id >= 100', format: 'JSONEachRow' })).json<{ stored: number }>();
    expect(stored).toBe(5000);
  });

  it('binds every parameter type the client formats, including values too long for a 16 KiB URL', async () => {
    const long = 'x'.repeat(100_000);
    const result = await client.query({
      query: 'SELECT {s:String} = {long:String} AS same, length({long:String}) AS len, {ids:Array(UInt32)} AS ids, {at:DateTime64(3)} AS at, {flag:Bool} AS flag, {nothing:Nullable(String)} AS nothing',
      query_params: { s: long, long, ids: [1, 2, 3], at: new Date(Date.UTC(2026, 10, 28, 12, 0, 0, 250)), flag: true, nothing: null },
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ same: 1, len: 100_000, ids: [1, 2, 3], at: '2026-11-28 12:00:00.250', flag: true, nothing: null }]);
  });

  it('binds parameters past max_query_size, as a server does (they are not query text), and keeps the limit for the query itself', async () => {
    // 20,000 pattern ids: ~400 KiB of parameter, over the 256 KiB max_query_size, under the 1 MiB URL.
    const ids = Array.from({ length: 20_000 }, (_, index) => index.toString(16).padStart(16, '0'));
    const result = await client.query({ query: "SELECT length({ids:Array(String)}) AS n, getSetting('max_query_size') AS limit", query_params: { ids }, format: 'JSONEachRow' });
    expect(await result.json()).toEqual([{ n: 20_000, limit: 262144 }]);
    await expect(client.query({ query: `SELECT length('${'x'.repeat(300_000)}')` })).rejects.toMatchObject({ code: '62' });
  });

  it('gives typed ClickHouseErrors with the server code and name', async () => {
    await expect(client.query({ query: 'SELEC 1' })).rejects.toMatchObject({ code: '62', type: 'SYNTAX_ERROR' });
    await expect(client.query({ query: 'SELECT * FROM default.nowhere' })).rejects.toBeInstanceOf(ClickHouseError);
    const badRow = client.insert({ table: 'default.client_rows', values: [{ id: 'not a number', name: 'x', tags: [], at: '2026-11-28 12:00:00' }], format: 'JSONEachRow' });
    await expect(badRow).rejects.toMatchObject({ type: 'CANNOT_PARSE_INPUT_ASSERTION_FAILED' });
  });

  it('refuses a wrong password the way the server does, and ping reports it', async () => {
    const intruder = open('writer', 'wrong');
    try {
      await expect(intruder.query({ query: 'SELECT 1' })).rejects.toMatchObject({ code: '516', type: 'AUTHENTICATION_FAILED' });
      expect((await intruder.ping({ select: true })).success).toBe(false);
    } finally {
      await intruder.close();
    }
  });
});

/**
 * The front's HTTP interface as ClickHouse documents it (docs/en/interfaces/http.md), asked the way
 * curl asks: health checks, the query in the URL and/or the body, parameters, settings, context,
 * headers, compression and errors, every statement run by the real engine.
 */
import { connect } from 'node:net';
import { gunzipSync, gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { drainPending } from 'chdb';
import { request } from 'undici';
import type { ClickHouseHttp } from '../src';
import { call, startTestFront, USERS } from './front';

describe('ClickHouse HTTP front: the wire', () => {
  let front: ClickHouseHttp;
  beforeAll(async () => {
    front = await startTestFront();
  });
  afterAll(async () => {
    await front.close();
    await drainPending();
  });

  const post = (pathAndQuery: string, body: string | Buffer, headers: Record<string, string> = {}) => call(front, pathAndQuery, { method: 'POST', body, headers });

  it('answers the health checks with Ok.', async () => {
    for (const path of ['/ping', '/']) expect(await call(front, path)).toMatchObject({ status: 200, text: 'Ok.\n' });
  });

  it('runs a query from the URL, with the server headers', async () => {
    const { status, headers, text } = await call(front, '/?query=SELECT%201');
    expect([status, text]).toEqual([200, '1\n']);
    expect(headers.get('content-type')).toBe('text/tab-separated-values; charset=UTF-8');
    expect(headers.get('x-clickhouse-format')).toBe('TabSeparated');
    expect(headers.get('x-clickhouse-timezone')).toBe('Etc/UTC');
    expect(headers.get('x-clickhouse-query-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(headers.get('x-clickhouse-summary') ?? '{}')).toMatchObject({ result_rows: '1' });
  });

  it('joins the query parameter and the body with a line feed, as the server does', async () => {
    expect((await post('/?query=SELECT', '1')).text).toBe('1\n');
    expect((await post('/', 'SELECT 2')).text).toBe('2\n');
    const split = await post('/?query=SEL', 'ECT 1');
    expect(split.status).toBe(400);
    expect(split.headers.get('x-clickhouse-exception-code')).toBe('62');
  });

  it('binds param_* values given in ClickHouse escaped text, typed by their placeholders', async () => {
    const params = new URLSearchParams({
      query: 'SELECT {s:String} AS s, {a:Array(String)} AS a, {n:Nullable(UInt8)} AS n, {m:Map(String, UInt8)} AS m FORMAT JSONEachRow',
      param_s: "tab\\there\\nquote\\' slash\\\\",
      param_a: "['x','y\\'z']",
      param_n: '\\N',
      param_m: "{'k':7}",
    });
    const { text } = await call(front, `/?${params}`);
    expect(JSON.parse(text)).toEqual({ s: "tab\there\nquote' slash\\", a: ['x', "y'z"], n: null, m: { k: 7 } });
    const missing = await call(front, `/?query=${encodeURIComponent('SELECT {nope:String}')}`);
    expect(missing.headers.get('x-clickhouse-exception-code')).toBe('456');
  });

  it('applies URL settings to that request only', async () => {
    const limited = await call(front, `/?max_result_rows=2&result_overflow_mode=throw&query=${encodeURIComponent('SELECT number FROM numbers(5)')}`);
    expect(limited.status).toBe(500);
    expect(limited.text).toMatch(/^Code: 396\. DB::Exception: .*\(TOO_MANY_ROWS_OR_BYTES\) \(version 26\.\d/);
    expect((await call(front, `/?query=${encodeURIComponent('SELECT count() FROM numbers(5)')}`)).text).toBe('5\n');
    expect((await call(front, `/?query=${encodeURIComponent("SELECT getSetting('max_result_rows')")}`)).text).toBe('0\n');
    const unknown = await call(front, '/?no_such_setting=1&query=SELECT%201');
    expect([unknown.status, unknown.headers.get('x-clickhouse-exception-code')]).toEqual([404, '115']);
  });

  it('runs GET requests read-only and POST requests read-write', async () => {
    const create = 'CREATE TABLE IF NOT EXISTS default.wire_rw (n UInt8) ENGINE = Memory';
    const refused = await call(front, `/?query=${encodeURIComponent(create)}`);
    expect(refused.headers.get('x-clickhouse-exception-code')).toBe('164');
    expect((await post('/', create)).status).toBe(200);
    expect((await post(`/?query=${encodeURIComponent('INSERT INTO default.wire_rw FORMAT TabSeparated')}`, '4\n5\n')).status).toBe(200);
    expect((await call(front, '/?query=SELECT%20sum(n)%20FROM%20default.wire_rw')).text).toBe('9\n');
  });

  it('takes the database and default format from URL parameters or X-ClickHouse headers', async () => {
    expect((await call(front, '/?database=system&default_format=JSONEachRow&query=SELECT%20currentDatabase()%20AS%20db')).text).toBe('{"db":"system"}\n');
    const byHeaders = await call(front, '/?query=SELECT%20currentDatabase()%20AS%20db', { headers: { 'X-ClickHouse-Database': 'system', 'X-ClickHouse-Format': 'JSONCompactEachRow' } });
    expect(byHeaders.text).toBe('["system"]\n');
    expect(byHeaders.headers.get('x-clickhouse-format')).toBe('JSONCompactEachRow');
    const unknown = await call(front, '/?database=nowhere&query=SELECT%201');
    expect([unknown.status, unknown.headers.get('x-clickhouse-exception-code')]).toEqual([404, '81']);
  });

  it('takes credentials from Basic auth, X-ClickHouse-User/Key or user/password, but never two at once', async () => {
    const who = '/?query=SELECT%201';
    const basic = `Basic ${Buffer.from(`writer:${USERS.writer}`).toString('base64')}`;
    expect((await call(front, who, { headers: { authorization: basic } })).status).toBe(200);
    expect((await call(front, who, { headers: { 'X-ClickHouse-User': 'writer', 'X-ClickHouse-Key': USERS.writer } })).status).toBe(200);
    expect((await call(front, `${who}&user=writer&password=${encodeURIComponent(USERS.writer)}`)).status).toBe(200);
    const refusals = [
      await call(front, who, { headers: { 'X-ClickHouse-User': 'writer', 'X-ClickHouse-Key': 'nope' } }),
      await call(front, who, { headers: { authorization: basic, 'X-ClickHouse-User': 'writer', 'X-ClickHouse-Key': USERS.writer } }),
      await call(front, `${who}&user=writer`, { headers: { authorization: basic } }),
      await call(front, who, { headers: { authorization: 'Bearer token' } }),
    ];
    for (const refused of refusals) expect([refused.status, refused.headers.get('x-clickhouse-exception-code')]).toEqual([403, '516']);
    expect(refusals[0].text).toContain('writer: Authentication failed: password is incorrect, or there is no user with such name');
  });

  it('echoes the query id it is given', async () => {
    expect((await call(front, '/?query_id=my-query&query=SELECT%201')).headers.get('x-clickhouse-query-id')).toBe('my-query');
  });

  it('reads request bodies compressed with gzip, deflate or br, and refuses an unknown method', async () => {
    for (const [method, compress] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
      expect((await post('/', compress(Buffer.from('SELECT 40 + 2')), { 'Content-Encoding': method })).text).toBe('42\n');
    }
    const unknown = await post('/', 'SELECT 1', { 'Content-Encoding': 'lzma' });
    expect([unknown.status, unknown.headers.get('x-clickhouse-exception-code')]).toEqual([500, '89']);
  });

  it('compresses the answer only with enable_http_compression=1 and an Accept-Encoding it knows', async () => {
    const query = encodeURIComponent('SELECT number FROM numbers(3)');
    const compressed = await request(`${front.url}/?enable_http_compression=1&query=${query}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await compressed.body.arrayBuffer())).toString()).toBe('0\n1\n2\n');
    const plain = await request(`${front.url}/?query=${query}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(await plain.body.text()).toBe('0\n1\n2\n');
  });

  it("answers errors in ClickHouse's form, status and exception-code header", async () => {
    const syntax = await post('/', 'SELEC 1');
    expect(syntax.status).toBe(400);
    expect(syntax.headers.get('x-clickhouse-exception-code')).toBe('62');
    expect(syntax.text).toMatch(/^Code: 62\. DB::Exception: Syntax error: failed at position 7 .*\(SYNTAX_ERROR\) \(version 26\.[\d.]+\)\n$/s);
    const table = await post('/', 'SELECT * FROM default.no_such_table');
    expect([table.status, table.headers.get('x-clickhouse-exception-code')]).toEqual([404, '60']);
    expect([(await post('/', '')).status, (await post('/', ' \n')).text]).toEqual([400, expect.stringContaining('Empty query. (SYNTAX_ERROR)')]);
  });

  it('refuses what it does not implement, and binary bodies, with a reason', async () => {
    const session = await call(front, '/?session_id=abc&query=SELECT%201');
    expect([session.status, session.headers.get('x-clickhouse-exception-code')]).toEqual([501, '48']);
    expect(session.text).toContain('HTTP session (session_id) is not supported');
    const binary = await post('/?query=INSERT%20INTO%20default.wire_rw%20FORMAT%20RowBinary', Buffer.from([0xff, 0xfe, 0x00]));
    expect([binary.status, binary.headers.get('x-clickhouse-exception-code')]).toEqual([400, '36']);
  });

  it('answers 411 to a POST with neither Content-Length nor chunked transfer', async () => {
    const { port } = new URL(front.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.end('POST /?query=SELECT%201 HTTP/1.1\r\nHost: front\r\nConnection: close\r\n\r\n');
    let answer = '';
    for await (const chunk of socket) answer += chunk;
    expect(answer).toMatch(/^HTTP\/1\.1 411 /);
    expect(answer).toMatch(/X-ClickHouse-Exception-Code: 381/i);
  });
});

import { connect } from 'node:net';
import { request } from 'undici';
import { startTestApi, event, type TestApi } from './test-app';

describe('POST /api/v1/ingest', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INGEST_MAX_BODY_BYTES: String(64 * 1024) });
  });
  afterAll(() => api.close());

  const post = (payload: string | Buffer, contentType = 'application/x-ndjson') =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': contentType }, payload });

  it('stores the good lines of a mixed body and names the bad ones', async () => {
    const body = [event(0), '{"timestamp": "2026', event(1), JSON.stringify({ ...JSON.parse(event(9)), message: 42 }), event(2)].join('\n');
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ accepted: 3, rejected: 2 });
    expect(answer.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { line: 4, reason: 'message must be a string, got number 42' },
    ]);
    const stored = await api.app.inject({ url: '/api/v1/logs?producer_id=route-test&order=asc' });
    expect(stored.json().rows.map((row: { seq: number }) => row.seq)).toEqual([0, 1, 2]);
  });

  it('keeps every rejected line as a dead letter with its reason', async () => {
    await post(`${event(3)}\nnot json at all\n`);
    await api.ingest.close();
    const result = await api.storage.reader.query({
      query: "SELECT transport, line, code, raw FROM logs.ingest_errors WHERE raw = 'not json at all'",
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ transport: 'http', line: 2, code: 'invalid_json', raw: 'not json at all' }]);
  });
});

describe('POST /api/v1/ingest refusals', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INGEST_MAX_BODY_BYTES: String(64 * 1024) });
  });
  afterAll(() => api.close());

  const post = (payload: string, contentType = 'application/x-ndjson') =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': contentType }, payload });

  it('answers 400 when no line is valid, listing every line', async () => {
    const response = await post('{}\n[1]\n');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ accepted: 0, rejected: 2 });
  });

  it('answers 400 for an empty body', async () => {
    expect((await post('')).statusCode).toBe(400);
    expect((await post('\n\n')).json().message).toMatch(/only blank lines/);
  });

  it('answers 413 for a body over the limit and keeps serving', async () => {
    const response = await post(`${event(0)}\n`.repeat(1000));
    expect(response.statusCode).toBe(413);
    expect((await post(event(5))).statusCode).toBe(200);
  });

  it('accepts a JSON array body', async () => {
    const response = await post(`[${event(6)},${event(7)}]`, 'application/json');
    expect(response.json()).toMatchObject({ accepted: 2, rejected: 0 });
  });

  it('refuses other content types with 415', async () => {
    expect((await post(event(8), 'application/xml')).statusCode).toBe(415);
  });
});

describe('POST /api/v1/ingest: work and memory bounded per body', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      INGEST_MAX_ERRORS_KEPT: '100',
      INGEST_MAX_LINES: '20000',
      INGEST_MAX_PENDING_DEAD_LETTERS: '500',
      INGEST_MAX_BUFFERED_BYTES: '100000',
    });
  });
  afterAll(() => api.close());

  const post = (payload: string, contentType = 'application/x-ndjson') =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': contentType }, payload });

  async function deadLetters(): Promise<{ line: number; code: string; reason: string }[]> {
    const result = await api.storage.reader.query({ query: "SELECT line, code, reason FROM logs.ingest_errors WHERE transport = 'http' ORDER BY line", format: 'JSONEachRow' });
    return result.json();
  }

  it('keeps details of the first refusals only, counts the rest, and stores one dead letter for them', async () => {
    const response = await post(`${event(0, { producer_id: 'bounded' })}\n${'1\n'.repeat(10_000)}`);
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ accepted: 1, rejected: 10_000 });
    expect(answer.errors).toHaveLength(100);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const letters = await deadLetters();
    expect(letters).toHaveLength(101);
    expect(letters[100]).toEqual({
      line: 102,
      code: 'more_rejections',
      reason: '9900 more lines refused after the first 100 (lines 102 to 10001; not_an_object 9900); only their count is kept',
    });
  });

  it('refuses a body of more lines (or array elements) than INGEST_MAX_LINES with 413, storing nothing', async () => {
    const lines = await post(`${event(1, { producer_id: 'too-many' })}\n${'1\n'.repeat(20_000)}`);
    expect(lines.statusCode).toBe(413);
    expect(lines.json().message).toBe('the body has more than 20000 lines (INGEST_MAX_LINES); send them in several requests');
    const elements = await post(`[${event(2, { producer_id: 'too-many' })}${',{}'.repeat(20_000)}]`, 'application/json');
    expect(elements.statusCode).toBe(413);
    expect((await api.app.inject({ url: '/api/v1/producers/too-many' })).json().stored).toBe(0);
  });

  it('drops (and counts) dead letters once INGEST_MAX_PENDING_DEAD_LETTERS wait for storage', async () => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    const before = (await deadLetters()).length;
    // 20 connections' worth of refusals at once, before any insert can run: 101 letters each.
    for (let source = 0; source < 20; source += 1) {
      const rejections = api.ingest.collectRejections();
      for (let line = 1; line <= 150; line += 1) rejections.add({ line, code: 'invalid_json', reason: 'invalid JSON', raw: '{' });
      api.ingest.reject(rejections.take(true), 'http', `10.0.0.${source}:1`);
    }
    const dropped = (await api.app.metrics.droppedDeadLetters.get()).values[0].value;
    expect(dropped).toBe(16 * 101);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await deadLetters()).length - before).toBe(4 * 101);
  });

  it('refuses a body with 503 while the bodies in flight would pass INGEST_MAX_BUFFERED_BYTES', async () => {
    const url = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(url);
    // A client that announces 60 kB and then sends nothing holds its share of the budget.
    const slow = connect(Number(port), '127.0.0.1');
    const body = `${event(3, { producer_id: 'budget' })}\n`.padEnd(50_000, ' ');
    try {
      slow.write(`POST /api/v1/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\nContent-Length: 60000\r\n\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = await request(`${url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      await refused.body.dump();
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
    } finally {
      slow.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const admitted = await request(`${url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(admitted.statusCode).toBe(200);
    await admitted.body.dump();
  });
});

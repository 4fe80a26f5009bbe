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

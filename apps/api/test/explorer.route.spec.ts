import { BASE_TIME_MS, startTestApi, event, type TestApi } from './test-app';

const T0 = BASE_TIME_MS;

describe('explorer endpoints', () => {
  let api: TestApi;
  const get = (url: string) => api.app.inject({ url });

  beforeAll(async () => {
    api = await startTestApi();
    const lines = Array.from({ length: 240 }, (_, seq) =>
      JSON.stringify({
        ...JSON.parse(event(seq)),
        timestamp: new Date(T0 + seq * 15_000).toISOString(),
        level: ['info', 'info', 'warn', 'error'][seq % 4],
        source: ['auth', 'payment', 'search'][seq % 3],
        host: `web-${seq % 2}`,
        producer_id: seq % 2 ? 'p-odd' : 'p-even',
        message: seq === 77 ? 'Connection refused by upstream db-1' : `=SUM(A1) order ${seq} processed`,
        attributes: { user_id: String(seq % 10) },
      }),
    );
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.json().accepted).toBe(240);
  });
  afterAll(() => api.close());

  const range = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 3_600_000).toISOString()}`;

  it('searches phrases, field terms, attributes and exclusions', async () => {
    const phrase = (await get(`/api/v1/logs?q=${encodeURIComponent('"connection refused"')}`)).json();
    expect(phrase.rows.map((r: { seq: number }) => r.seq)).toEqual([77]);
    const wrongOrder = (await get(`/api/v1/logs?q=${encodeURIComponent('"refused connection"')}`)).json();
    expect(wrongOrder.rows).toEqual([]);
    const fields = (await get(`/api/v1/logs?limit=1000&q=${encodeURIComponent('level:error source:pay* attributes.user_id:3 -host:web-0')}`)).json();
    expect(fields.rows.map((r: { seq: number }) => r.seq).sort((a: number, b: number) => a - b)).toEqual([43, 103, 163, 223]);
    const bad = await get(`/api/v1/logs?q=${encodeURIComponent('level:error "oops')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('q: unterminated quote at position 12');
  });

  it('keeps injection payloads inert in every parameter', async () => {
    for (const payload of ["' OR 1=1 --", 'source:"x\') OR (1=1"', 'attributes.a\'b:1']) {
      const response = await get(`/api/v1/logs?q=${encodeURIComponent(payload)}&source=${encodeURIComponent("auth' OR '1'='1")}`);
      expect([200, 400]).toContain(response.statusCode);
      if (response.statusCode === 200) expect(response.json().rows).toEqual([]);
    }
  });

  it('pages forward then back to the same rows', async () => {
    const first = (await get('/api/v1/logs?limit=25')).json();
    const second = (await get(`/api/v1/logs?limit=25&cursor=${first.next_cursor}`)).json();
    expect(first.prev_cursor).toBeNull();
    const back = (await get(`/api/v1/logs?limit=25&before=${second.prev_cursor}`)).json();
    expect(back.rows).toEqual(first.rows);
    expect(back.prev_cursor).toBeNull();
  });

  it('counts a histogram by level, the same from the rollup as from the raw table', async () => {
    const rollup = (await get(`/api/v1/histogram?${range}&buckets=60`)).json();
    expect(rollup).toMatchObject({ bucket_seconds: 60, served_by: 'rollup' });
    expect(rollup.buckets).toHaveLength(60);
    expect(rollup.buckets.reduce((sum: number, b: { total: number }) => sum + b.total, 0)).toBe(240);
    expect(rollup.buckets[0].counts).toEqual({ DEBUG: 0, INFO: 2, WARNING: 1, ERROR: 1, CRITICAL: 0 });
    const raw = (await get(`/api/v1/histogram?${range}&buckets=60&producer_id=p-odd&producer_id=p-even`)).json();
    expect(raw.served_by).toBe('raw');
    expect(raw.buckets).toEqual(rollup.buckets);
  });

  it('lists facets with counts and whether more values exist', async () => {
    const { facets } = (await get('/api/v1/facets?limit=2&level=INFO')).json();
    expect(facets.level).toEqual({ values: [{ value: 'INFO', count: 120 }], has_more: false });
    expect(facets.source.values).toHaveLength(2);
    expect(facets.source.has_more).toBe(true);
    expect(facets.host.values).toEqual([{ value: 'web-0', count: 60 }, { value: 'web-1', count: 60 }]);
  });

  it('shows an event with its exact neighbours from the same producer', async () => {
    const anchor = (await get('/api/v1/logs?q=refused')).json().rows[0];
    const context = (await get(`/api/v1/logs/${anchor.id}/context?before=3&after=2`)).json();
    expect(context.scope).toBe('producer');
    expect(context.anchor.seq).toBe(77);
    expect(context.before.map((r: { seq: number }) => r.seq)).toEqual([71, 73, 75]);
    expect(context.after.map((r: { seq: number }) => r.seq)).toEqual([79, 81]);
    expect((await get('/api/v1/logs/1.2/context')).statusCode).toBe(404);
    expect((await get('/api/v1/logs/nope/context')).statusCode).toBe(400);
  });

  it('exports every matching row as NDJSON and as formula-safe CSV', async () => {
    const ndjson = await get('/api/v1/export?format=ndjson&order=asc');
    expect(ndjson.headers['content-disposition']).toMatch(/attachment; filename="logline-export-.*\.ndjson"/);
    const lines = ndjson.body.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((row) => row.seq)).toEqual(Array.from({ length: 240 }, (_, seq) => seq));
    expect(lines.every((row) => /^[0-9a-f]{16}$/.test(row.pattern_id))).toBe(true);
    const csv = await get('/api/v1/export?format=csv&level=ERROR');
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('timestamp,log_level,source,host,producer_id,seq,message,attributes,trace_id,span_id,pattern_id');
    expect(rows).toHaveLength(61);
    expect(rows[1]).toContain(",'=SUM(A1) order 239 processed,");
  });

  it('serves the OpenAPI document', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/logs', '/api/v1/histogram', '/api/v1/facets', '/api/v1/export', '/api/v1/logs/{id}/context', '/api/v1/ingest', '/api/v1/patterns']));
  });
});

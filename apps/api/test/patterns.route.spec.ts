import { derivePattern } from '@logline/log-patterns';
import { BASE_TIME_MS, event, startTestApi, type TestApi } from './test-app';

/** [message, events]: two users failing from two addresses, and a job finishing. */
const TRAFFIC: [string, number][] = [
  ['Failed password for root from 10.0.0.7 port 4711 ssh2', 6],
  ['Failed password for admin from 10.9.8.7 port 52011 ssh2', 3],
  ['backup job 77 finished in 312 ms', 2],
];
const RANGE = `from=${new Date(BASE_TIME_MS).toISOString()}&to=${new Date(BASE_TIME_MS + 3_600_000).toISOString()}`;

interface PatternRow {
  pattern_id: string;
  template: string;
  count: number;
  share: number;
  first_seen: string;
  last_seen: string;
  sample: string;
  sparkline: number[];
}

describe('GET /api/v1/patterns', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const messages = TRAFFIC.flatMap(([message, events]) => Array.from({ length: events }, () => message));
    const lines = messages.map((message, seq) => event(seq, { message, level: seq % 2 ? 'error' : 'info' }));
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.json().accepted).toBe(messages.length);
  });
  afterAll(() => api.close());

  const get = (url: string) => api.app.inject({ url });
  const patterns = async (query = ''): Promise<PatternRow[]> => (await get(`/api/v1/patterns?${RANGE}&${query}`)).json().patterns;

  it('lists templates busiest first with their counts, shares, sparklines and first/last seen', async () => {
    const response = await get(`/api/v1/patterns?${RANGE}&buckets=12`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(11);
    expect(body.bucket_seconds).toBe(300);
    expect(body.patterns.map((pattern: PatternRow) => [pattern.template, pattern.count])).toEqual([
      ['Failed password for <*> from <*> port <*> ssh2', 9],
      ['backup job <*> finished in <*> ms', 2],
    ]);
    const [failed] = body.patterns as PatternRow[];
    expect(failed.share).toBeCloseTo(9 / 11);
    expect(failed.sparkline).toHaveLength(12);
    expect(failed.sparkline[0]).toBe(9);
    expect(failed.first_seen).toBe(new Date(BASE_TIME_MS).toISOString());
    expect(failed.last_seen).toBe(new Date(BASE_TIME_MS + 8_000).toISOString());
    expect(failed.sample).toMatch(/^Failed password for (root|admin) from /);
  });

  it('gives every stored row the pattern id of its message', async () => {
    const { rows } = (await get(`/api/v1/logs?${RANGE}&limit=100`)).json();
    expect(rows).toHaveLength(11);
    for (const row of rows) expect(row.pattern_id).toBe(derivePattern(row.message).patternId);
  });

  it("filters the explorer's reads to a pattern, and hides it", async () => {
    const [failed, backup] = await patterns();
    const { rows } = (await get(`/api/v1/logs?${RANGE}&limit=100&pattern_id=${failed.pattern_id}`)).json();
    expect(rows).toHaveLength(9);
    expect(rows.every((row: { message: string }) => row.message.startsWith('Failed password'))).toBe(true);
    const hidden = (await get(`/api/v1/logs?${RANGE}&limit=100&exclude_pattern_id=${failed.pattern_id}`)).json();
    expect(hidden.rows.map((row: { pattern_id: string }) => row.pattern_id)).toEqual([backup.pattern_id, backup.pattern_id]);
    const histogram = (await get(`/api/v1/histogram?${RANGE}&pattern_id=${failed.pattern_id}`)).json();
    expect(histogram.buckets.reduce((sum: number, bucket: { total: number }) => sum + bucket.total, 0)).toBe(9);
    expect((await patterns(`exclude_pattern_id=${failed.pattern_id}`)).map((pattern) => pattern.pattern_id)).toEqual([backup.pattern_id]);
  });

  it('lists within the usual filters', async () => {
    const errors = await patterns('level=error');
    expect(errors.map((pattern) => [pattern.template, pattern.count])).toEqual([
      ['Failed password for <*> from <*> port <*> ssh2', 4],
      ['backup job <*> finished in <*> ms', 1],
    ]);
  });

  it('answers a 400 naming the parameter for something that is not a pattern id', async () => {
    const response = await get(`/api/v1/logs?pattern_id=nope`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain("pattern_id: 'nope' is not a pattern id");
    const hidden = await get(`/api/v1/patterns?exclude_pattern_id=${'g'.repeat(16)}`);
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().message).toContain('exclude_pattern_id');
  });
});

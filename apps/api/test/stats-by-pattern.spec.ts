import { derivePattern } from '@logline/log-patterns';
import { BASE_TIME_MS, event, startTestApi, type TestApi } from './test-app';

/** [message, host, events]: two users failing (two stored ids, one listed pattern), a job finishing. */
const TRAFFIC: [string, string, number][] = [
  ['Failed password for root from 10.0.0.7 port 4711 ssh2', 'web-1', 6],
  ['Failed password for admin from 10.9.8.7 port 52011 ssh2', 'web-2', 3],
  ['backup job 77 finished in 312 ms', 'web-1', 2],
];
const FAILED = 'Failed password for <*> from <*> port <*> ssh2';
const BACKUP = 'backup job <*> finished in <*> ms';
const RANGE = `from=${new Date(BASE_TIME_MS).toISOString()}&to=${new Date(BASE_TIME_MS + 3_600_000).toISOString()}`;

interface StatsRow {
  by: string[];
  values: number[];
}

describe('pattern in the search syntax: `by pattern` and `pattern:`', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const lines = TRAFFIC.flatMap(([message, host, events]) => Array.from({ length: events }, () => ({ message, host })))
      .map((fields, seq) => event(seq, { ...fields, level: seq % 2 ? 'error' : 'info' }));
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.json().accepted).toBe(11);
  });
  afterAll(() => api.close());

  const getJson = async (path: string, query: string) => {
    const response = await api.app.inject({ url: `${path}?${RANGE}&${query}` });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const stats = (q: string, extra = '') => getJson('/api/v1/stats', `q=${encodeURIComponent(q)}${extra}`);
  const listed = async (query = '') => (await getJson('/api/v1/patterns', query)).patterns as { pattern_id: string; template: string; count: number }[];
  const logCount = async (query: string) => (await getJson('/api/v1/logs', `limit=100&${query}`)).rows.length as number;

  it('counts by the patterns the Patterns view lists, with their templates, not by stored ids', async () => {
    const result = await stats('| stats count() by pattern');
    const patterns = await listed();
    expect(result.rows).toEqual(patterns.map((pattern) => ({ by: [pattern.pattern_id], values: [pattern.count] })));
    expect(result.rows.map((row: StatsRow) => [result.pattern_templates[row.by[0]], row.values[0]])).toEqual([
      [FAILED, 9],
      [BACKUP, 2],
    ]);
    // The merged pattern's id is neither user's stored id, and a filter by it selects what it counted.
    const [failed] = patterns;
    expect(failed.pattern_id).not.toBe(derivePattern(TRAFFIC[0][0]).patternId);
    expect(await logCount(`pattern_id=${failed.pattern_id}`)).toBe(9);
  });

  it('agrees with the Patterns view under the same search, and groups by pattern and host', async () => {
    const errors = await stats('level:error | stats count() by pattern');
    const patterns = await listed(`q=${encodeURIComponent('level:error')}`);
    expect(errors.rows).toEqual(patterns.map((pattern) => ({ by: [pattern.pattern_id], values: [pattern.count] })));
    const byHost = await stats('| stats count() by pattern, host');
    const [failed, backup] = await listed();
    expect(byHost.rows).toEqual([
      { by: [failed.pattern_id, 'web-1'], values: [6] },
      { by: [failed.pattern_id, 'web-2'], values: [3] },
      { by: [backup.pattern_id, 'web-1'], values: [2] },
    ]);
    expect(byHost.pattern_templates).toEqual({ [failed.pattern_id]: FAILED, [backup.pattern_id]: BACKUP });
    expect((await stats('| stats count_distinct(pattern), count_distinct(host)')).rows).toEqual([{ by: [], values: [2, 2] }]);
  });

  it("answers field-stats for pattern with the Patterns view's counts and templates", async () => {
    const stats = await getJson('/api/v1/field-stats', 'field=pattern');
    const [failed, backup] = await listed();
    expect(stats).toMatchObject({
      field: 'pattern',
      events: 11,
      distinct: 2,
      top: [
        { value: failed.pattern_id, count: 9 },
        { value: backup.pattern_id, count: 2 },
      ],
      pattern_templates: { [failed.pattern_id]: FAILED, [backup.pattern_id]: BACKUP },
    });
  });

  it('charts by pattern over time', async () => {
    const result = await stats('| stats count() by pattern', '&over_time=true&buckets=12');
    const [failed] = await listed();
    expect(result.over_time.series[0].by).toEqual([failed.pattern_id]);
    expect(result.over_time.series[0].values[0].reduce((sum: number, value: number) => sum + value, 0)).toBe(9);
  });

  it('reads `pattern:` and `-pattern:` as pattern_id= and exclude_pattern_id= read, in searches and stats', async () => {
    const [failed, backup] = await listed();
    expect(await logCount(`q=${encodeURIComponent(`pattern:${failed.pattern_id}`)}`)).toBe(9);
    expect(await logCount(`q=${encodeURIComponent(`-pattern:${failed.pattern_id}`)}`)).toBe(2);
    expect(await logCount(`q=${encodeURIComponent(`-pattern:${failed.pattern_id}`)}&exclude_pattern_id=${backup.pattern_id}`)).toBe(0);
    // Upper case and several ids: any of them.
    expect(await logCount(`q=${encodeURIComponent(`pattern:${failed.pattern_id.toUpperCase()} pattern:${backup.pattern_id} level:error`)}`)).toBe(5);
    const excluded = await stats(`-pattern:${backup.pattern_id} | stats count() by host`);
    expect(excluded.rows).toEqual([
      { by: ['web-1'], values: [6] },
      { by: ['web-2'], values: [3] },
    ]);
    const histogram = await getJson('/api/v1/histogram', `q=${encodeURIComponent(`pattern:${failed.pattern_id}`)}`);
    expect(histogram.buckets.reduce((sum: number, bucket: { total: number }) => sum + bucket.total, 0)).toBe(9);
  });

  it('answers a 400 for a pattern term that is not a pattern id', async () => {
    const response = await api.app.inject({ url: `/api/v1/logs?q=${encodeURIComponent('pattern:3f2a*')}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe("q: '3f2a*' is not a pattern id (16 hex digits, as the Patterns view lists them) at position 0");
  });
});

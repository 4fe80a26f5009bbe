import { BASE_TIME_MS, startTestApi, type TestApi } from './test-app';

const T0 = BASE_TIME_MS;
const MINUTE = 60_000;

/**
 * 50 events, one a minute. 1-40: payment, duration_ms = i, hosts web-1 (even i) and web-2 (odd),
 * ERROR when i is a multiple of 4, region eu up to 25 then us, producers p-0..p-2. 41-45: payment
 * on web-1 with duration_ms 'n/a'. 46-50: auth on web-3, ERROR, no duration.
 */
function events(): string[] {
  return Array.from({ length: 50 }, (_, index) => {
    const i = index + 1;
    const payment = i <= 45;
    const attributes: Record<string, string> = {};
    if (i <= 40) attributes.duration_ms = String(i);
    else if (payment) attributes.duration_ms = 'n/a';
    if (i <= 25) attributes.region = 'eu';
    else if (i <= 40) attributes.region = 'us';
    return JSON.stringify({
      timestamp: new Date(T0 + i * MINUTE).toISOString(),
      level: (i <= 40 && i % 4 === 0) || i > 45 ? 'error' : 'info',
      message: `request ${i} done`,
      source: payment ? 'payment' : 'auth',
      host: i > 45 ? 'web-3' : i > 40 || i % 2 === 0 ? 'web-1' : 'web-2',
      producer_id: `p-${i % 3}`,
      seq: i,
      attributes,
    });
  });
}

describe('GET /api/v1/stats and /api/v1/field-stats', () => {
  let api: TestApi;
  const range = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 60 * MINUTE).toISOString()}`;
  const get = (path: string, q: string, extra = '') => api.app.inject({ url: `${path}?${range}&q=${encodeURIComponent(q)}${extra}` });
  const stats = async (q: string, extra = '') => {
    const response = await get('/api/v1/stats', q, extra);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = await startTestApi();
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: events().join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.json().accepted).toBe(50);
  });
  afterAll(() => api.close());

  it('counts by up to three fields, the busiest group first', async () => {
    expect(await stats('level:ERROR | stats count() by source, host')).toEqual({
      by: ['source', 'host'],
      functions: ['count()'],
      rows: [
        { by: ['payment', 'web-1'], values: [10] },
        { by: ['auth', 'web-3'], values: [5] },
      ],
      has_more: false,
    });
    const three = await stats('| stats count() by source, host, level');
    expect(three.rows[0]).toEqual({ by: ['payment', 'web-2', 'INFO'], values: [20] });
    expect(three.rows.reduce((sum: number, row: { values: number[] }) => sum + row.values[0], 0)).toBe(50);
  });

  it('computes every function over an attribute read as numbers, leaving out values that are not numbers', async () => {
    const result = await stats('source:payment | stats count(), min(attributes.duration_ms), max(attributes.duration_ms), avg(attributes.duration_ms), sum(attributes.duration_ms), p50(attributes.duration_ms), p90(attributes.duration_ms), p99(attributes.duration_ms)');
    const [count, min, max, avg, sum, p50, p90, p99] = result.rows[0].values;
    // 45 payment events; the numbers are 1..40 ('n/a' is left out). Percentiles interpolate linearly.
    expect([count, min, max, avg, sum]).toEqual([45, 1, 40, 20.5, 820]);
    expect(p50).toBeCloseTo(20.5, 9);
    expect(p90).toBeCloseTo(36.1, 9);
    expect(p99).toBeCloseTo(39.61, 9);
  });

  it('answers p99 per host, as the issue asks', async () => {
    const result = await stats('source:payment | stats p99(attributes.duration_ms) by host');
    expect(result.rows.map((row: { by: string[] }) => row.by)).toEqual([['web-1'], ['web-2']]);
    // web-1: 2, 4, ..., 40; web-2: 1, 3, ..., 39.
    expect(result.rows[0].values[0]).toBeCloseTo(39.62, 9);
    expect(result.rows[1].values[0]).toBeCloseTo(38.62, 9);
  });

  it('counts distinct values of columns and attributes, not counting absent attributes', async () => {
    const result = await stats('| stats count_distinct(host), count_distinct(producer), count_distinct(attributes.region), count_distinct(level)');
    expect(result.rows).toEqual([{ by: [], values: [3, 3, 2, 2] }]);
  });

  it('groups by an attribute, with events that lack it in the group of the empty value', async () => {
    const result = await stats('| stats count() by attributes.region');
    expect(result.rows).toEqual([
      { by: ['eu'], values: [25] },
      { by: ['us'], values: [15] },
      { by: [''], values: [10] },
    ]);
  });

  it('answers null where no value is a number', async () => {
    expect((await stats('source:auth | stats avg(attributes.duration_ms), count()')).rows).toEqual([{ by: [], values: [null, 5] }]);
    expect((await stats('source:nothing | stats count(), max(attributes.duration_ms)')).rows).toEqual([{ by: [], values: [0, null] }]);
  });

  it('returns at most `limit` groups and says when there are more', async () => {
    const result = await stats('| stats count() by attributes.duration_ms', '&limit=5');
    expect(result.rows).toHaveLength(5);
    // Ties go by value: '' (the auth events, without a duration) before 'n/a'.
    expect(result.rows.slice(0, 2)).toEqual([{ by: [''], values: [5] }, { by: ['n/a'], values: [5] }]);
    expect(result.has_more).toBe(true);
  });

  it('computes the busiest groups over time, in the histogram\'s buckets', async () => {
    const result = await stats('| stats count(), max(attributes.duration_ms) by source', '&over_time=true&buckets=12');
    expect(result.rows).toEqual([
      { by: ['payment'], values: [45, 40] },
      { by: ['auth'], values: [5, null] },
    ]);
    const { over_time: overTime } = result;
    expect(overTime.bucket_seconds).toBe(300);
    expect(overTime.buckets).toHaveLength(12);
    const payment = overTime.series[0];
    expect(payment.by).toEqual(['payment']);
    // Per bucket of 5 minutes: counts add up to the table's, empty buckets count 0 and have no max.
    expect(payment.values[0].reduce((sum: number, value: number) => sum + value, 0)).toBe(45);
    expect(payment.values[0][0]).toBe(4);
    expect(payment.values[1][0]).toBe(4);
    expect(payment.values[0][11]).toBe(0);
    expect(payment.values[1][11]).toBeNull();
    expect(overTime.series[1].values[0].reduce((sum: number, value: number) => sum + value, 0)).toBe(5);
  });

  it.each([
    ['| stats median(attributes.duration_ms)', "q: unknown function 'median' (functions: count, count_distinct, min, max, avg, sum, p50, p90, p99) at position 8"],
    ['| stats count() by colour', "q: unknown field 'colour' (fields: level, source, host, producer_id, trace_id, span_id, pattern, attributes.<name>) at position 19"],
    ['| stats sum(host)', "q: sum() needs numbers: an attribute, e.g. sum(attributes.duration_ms); 'host' is text at position 8"],
    ['level:error', "q: a stats query needs '| stats …' after the search, e.g. level:error | stats count() by source at position 11"],
  ])('answers 400 saying what is allowed for %p', async (q, message) => {
    const response = await get('/api/v1/stats', q);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(message);
  });

  it.each([
    "| stats count() by attributes.x'); DROP TABLE logs.application_logs; --",
    '| stats count() by host) UNION ALL SELECT name FROM system.tables --',
    '| stats count() by `host`',
    '| stats count() by system.tables',
    '| stats max(attributes.a\\) FROM system.users --)',
  ])('refuses a field name that is not a field: %p', async (q) => {
    const response = await get('/api/v1/stats', q);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^q: /);
  });

  it('binds attribute names as values, so quotes in them are just characters of a name', async () => {
    const result = await stats("| stats count(), max(attributes.a'b) by attributes.x'OR'1'='1");
    expect(result.rows).toEqual([{ by: [''], values: [50, null] }]);
    expect((await stats('| stats count()')).rows[0].values).toEqual([50]);
  });

  it('refuses a stats command where a search is expected', async () => {
    const response = await api.app.inject({ url: `/api/v1/logs?q=${encodeURIComponent('error | stats count()')}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^q: '\|' starts a stats command .* at position 6$/);
  });

  it("gives a field's top values and, for numbers, their summary", async () => {
    const duration = (await get('/api/v1/field-stats', 'source:payment', '&field=attributes.duration_ms&limit=3')).json();
    expect(duration).toEqual({
      field: 'attributes.duration_ms',
      events: 45,
      distinct: 41,
      top: [{ value: 'n/a', count: 5 }, { value: '1', count: 1 }, { value: '10', count: 1 }],
      has_more: true,
      numbers: { min: 1, max: 40, avg: 20.5, p50: 20.5, p90: expect.closeTo(36.1, 9), p99: expect.closeTo(39.61, 9) },
    });
    const host = (await get('/api/v1/field-stats', '', '&field=host')).json();
    expect(host).toMatchObject({ field: 'host', events: 50, distinct: 3, numbers: null, has_more: false });
    expect(host.top).toEqual([{ value: 'web-1', count: 25 }, { value: 'web-2', count: 20 }, { value: 'web-3', count: 5 }]);
    const region = (await get('/api/v1/field-stats', '', '&field=attributes.region')).json();
    expect(region.numbers).toBeNull();
  });

  it('refuses an unknown field for field statistics', async () => {
    const response = await get('/api/v1/field-stats', '', '&field=colour');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe("field: unknown field 'colour' (fields: level, source, host, producer_id, trace_id, span_id, pattern, attributes.<name>)");
  });
});

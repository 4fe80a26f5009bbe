import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_CURSOR_MAX_LENGTH } from '@logline/api-contract';
import { LIMITS } from '@logline/log-schema';
import { startTestApi, event, type TestApi } from './test-app';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('GET /api/v1/logs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const lines = Array.from({ length: 12 }, (_, seq) =>
      event(seq, {
        level: ['info', 'error', 'warn'][seq % 3],
        source: seq % 2 ? 'payment' : 'auth',
        message: `card ${seq % 4 === 0 ? 'declined' : 'charged'} for order ${seq}`,
        // Events 3, 6 and 9 belong to one trace, sent in upper case.
        ...(seq > 0 && seq % 3 === 0 ? { trace_id: TRACE.toUpperCase(), span_id: `${seq}`.padStart(16, '0') } : {}),
      }),
    );
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.json().accepted).toBe(12);
  });
  afterAll(() => api.close());

  const get = (query: string) => api.app.inject({ url: `/api/v1/logs?${query}` });

  it('returns the newest events first by default', async () => {
    const { rows, next_cursor } = (await get('')).json();
    expect(rows.map((row: { seq: number }) => row.seq)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(next_cursor).toBeNull();
  });

  it('filters by repeated levels, sources and words', async () => {
    const { rows } = (await get('level=ERROR&level=warn&source=auth&q=Declined')).json();
    expect(rows.map((row: { seq: number }) => row.seq)).toEqual([8, 4]);
  });

  it("lists one trace's events oldest first with trace_id, each row carrying its trace and span", async () => {
    const { rows } = (await get(`trace_id=${TRACE.toUpperCase()}`)).json();
    expect(rows.map((row: { seq: number; trace_id: string; span_id: string }) => [row.seq, row.trace_id, row.span_id])).toEqual([
      [3, TRACE, '0000000000000003'],
      [6, TRACE, '0000000000000006'],
      [9, TRACE, '0000000000000009'],
    ]);
    const newestFirst = (await get(`trace_id=${TRACE}&order=desc&q=span_id:0000000000000006`)).json();
    expect(newestFirst.rows.map((row: { seq: number }) => row.seq)).toEqual([6]);
    const untraced = (await get('limit=1&order=asc')).json();
    expect(untraced.rows[0]).toMatchObject({ seq: 0, trace_id: '', span_id: '' });
  });

  it('pages with next_cursor', async () => {
    const first = (await get('limit=5&order=asc')).json();
    const second = (await get(`limit=5&order=asc&cursor=${first.next_cursor}`)).json();
    expect([...first.rows, ...second.rows].map((row: { seq: number }) => row.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('sorts by level (most severe first) or by source, then newest, paging with sorted cursors', async () => {
    const byLevel = (await get('sort=level&limit=5')).json();
    expect(byLevel.rows.map((row: { log_level: string; seq: number }) => `${row.log_level}:${row.seq}`)).toEqual([
      'ERROR:10', 'ERROR:7', 'ERROR:4', 'ERROR:1', 'WARNING:11',
    ]);
    const next = (await get(`sort=level&limit=5&cursor=${encodeURIComponent(byLevel.next_cursor)}`)).json();
    expect(next.rows.map((row: { seq: number }) => row.seq)).toEqual([8, 5, 2, 9, 6]);
    const bySource = (await get('sort=source&order=asc&limit=7')).json();
    expect(bySource.rows.map((row: { source: string; seq: number }) => `${row.source}:${row.seq}`)).toEqual([
      'auth:0', 'auth:2', 'auth:4', 'auth:6', 'auth:8', 'auth:10', 'payment:1',
    ]);
    // A time cursor is not a cursor of a sorted listing.
    const mixed = await get(`sort=source&cursor=${(await get('limit=1')).json().next_cursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().message).toMatch(/sorted by source/);
  });

  it('answers 400 with a reason for bad parameters', async () => {
    for (const [query, reason] of [
      ['level=LOUD', /unknown level 'LOUD'/],
      ['from=tomorrow', /from: 'tomorrow'/],
      ['limit=0', /limit/],
      ['order=sideways', /order/],
      ['cursor=abc', /cursor/],
      ['sort=message', /sort/],
      ['trace_id=abc', /trace_id: 'abc' is not a trace id/],
      [`trace_id=${'0'.repeat(32)}`, /is not a trace id/],
    ] as const) {
      const response = await get(query);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(reason);
    }
  });

  it('answers the newest pages from the events held in memory, text searches with a query', async () => {
    const pages = async () => {
      const text = (await api.app.inject({ url: '/metrics' })).body;
      const count = (by: string) => Number(new RegExp(`logline_log_pages_total{answered_by="${by}"} (\\d+)`).exec(text)?.[1] ?? 0);
      return { memory: count('memory'), table: count('table') };
    };
    const before = await pages();
    expect((await get('level=ERROR&source=payment')).json().rows.map((row: { seq: number }) => row.seq)).toEqual([7, 1]);
    expect((await get('q=declined')).json().rows.map((row: { seq: number }) => row.seq)).toEqual([8, 4, 0]);
    expect(await pages()).toEqual({ memory: before.memory + 1, table: before.table + 1 });
  });

  it("reports health, with package.json's version, and metrics", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect((await api.app.inject({ url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok', storage: 'embedded', version });
    const metrics = await api.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('logline_ingest_events_total{transport="http",outcome="accepted"} 12');
    expect(metrics.body).not.toContain('nodejs_active_handles_total');
  });

  it('pages by the longest source a row may have with cursors the contract (and so the web) takes', async () => {
    const source = 'é'.repeat(LIMITS.labelBytes / 2);
    const lines = [100, 101, 102].map((seq) => event(seq, { source, producer_id: 'long-source' }));
    await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    const query = 'sort=source&producer_id=long-source&limit=1';

    const first = (await get(query)).json();
    const second = await get(`${query}&cursor=${encodeURIComponent(first.next_cursor)}`);
    const back = await get(`${query}&before=${encodeURIComponent(second.json().prev_cursor)}`);

    expect(first.next_cursor.length).toBeGreaterThan(300);
    expect(first.next_cursor.length).toBeLessThanOrEqual(PAGE_CURSOR_MAX_LENGTH);
    expect(second.statusCode).toBe(200);
    expect(second.json().rows.map((row: { seq: number }) => row.seq)).toEqual([101]);
    expect(back.json().rows.map((row: { seq: number }) => row.seq)).toEqual([102]);
  });
});

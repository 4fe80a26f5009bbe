import { startTestApi, type TestApi } from './test-app';

/** 12 events over the last 10 minutes: 8 payment (3 of them ERROR), 4 auth. */
function recentEvents(): string[] {
  const now = Date.now();
  return Array.from({ length: 12 }, (_, seq) =>
    JSON.stringify({
      timestamp: new Date(now - 10 * 60_000 + seq * 45_000).toISOString(),
      level: seq < 3 ? 'error' : 'info',
      message: seq < 8 ? `charge ${seq} settled` : `login ${seq} ok`,
      source: seq < 8 ? 'payment' : 'auth',
      host: seq % 2 ? 'web-1' : 'web-2',
      producer_id: 'tiles',
      seq,
    }),
  );
}

interface Tile {
  saved_search: string;
  state: string;
  message?: string;
  search: { id: string; q?: string } | null;
  count?: number;
  sparkline?: number[];
  stats?: { rows: { by: string[]; values: number[] }[]; over_time?: { buckets: string[]; series: { by: string[]; values: number[][] }[] } };
}

describe('/api/v1/dashboard/tiles', () => {
  let api: TestApi;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({ method, url, payload, headers: { 'x-logline-user': 'ana' } });
  const save = async (name: string, view: object) => (await call('POST', '/api/v1/saved-searches', { name, view })).json() as { id: string };
  const tiles = async (query = 'from=1h'): Promise<Tile[]> => {
    const response = await call('GET', `/api/v1/dashboard/tiles?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().tiles;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const ingested = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', payload: recentEvents().join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    expect(ingested.json().accepted).toBe(12);
  });
  afterAll(() => api.close());

  it('pins saved searches and lists them in pin order, counted over the range with a sparkline or their busiest groups', async () => {
    // The search's own range (5m) gives way to the Dashboard's.
    await save('Payment errors', { q: 'level:error', source: ['payment'], from: '5m' });
    await save('Events by source', { q: '| stats count() by source' });
    const pinned = await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'Payment errors' });
    expect(pinned.statusCode).toBe(201);
    expect(pinned.json()).toMatchObject({ saved_search: 'Payment errors', pinned_by: 'ana' });
    expect((await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'Events by source' })).statusCode).toBe(201);
    // Pinning again keeps the one tile.
    expect((await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'Payment errors' })).statusCode).toBe(200);

    const body = (await call('GET', '/api/v1/dashboard/tiles?from=1h&buckets=12')).json();
    const [errors, bySource] = body.tiles as Tile[];
    expect(errors).toMatchObject({ saved_search: 'Payment errors', state: 'ok', count: 3, search: { q: 'level:error' } });
    // Whole buckets of bucket_seconds over the range (widened to them).
    expect(body.bucket_seconds).toBe(300);
    expect(errors.sparkline).toHaveLength((Date.parse(body.to) - Date.parse(body.from)) / 300_000);
    expect(errors.sparkline?.reduce((sum, events) => sum + events, 0)).toBe(3);
    expect(bySource).toMatchObject({ saved_search: 'Events by source', state: 'ok' });
    expect(bySource.stats?.rows).toEqual([
      { by: ['payment'], values: [8] },
      { by: ['auth'], values: [4] },
    ]);
    // And each group over time, in the sparkline's buckets.
    expect(bySource.stats?.over_time?.buckets).toHaveLength(errors.sparkline?.length ?? -1);
    expect(bySource.stats?.over_time?.series.map((series) => [series.by, series.values[0].reduce((sum, events) => sum + events, 0)])).toEqual([
      [['payment'], 8],
      [['auth'], 4],
    ]);
    expect((await tiles(`from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() - 1_800_000).toISOString()}`))[0].count).toBe(0);
  });

  it('moves a tile with its renamed search, and says so when the search was deleted', async () => {
    const search = await save('Auth logins', { source: ['auth'] });
    expect((await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'Auth logins' })).statusCode).toBe(201);
    expect((await call('PATCH', `/api/v1/saved-searches/${search.id}`, { name: 'Sign-ins' })).statusCode).toBe(200);
    const renamed = (await tiles()).find((tile) => tile.search?.id === search.id);
    expect(renamed).toMatchObject({ saved_search: 'Sign-ins', state: 'ok', count: 4 });
    expect((await tiles()).some((tile) => tile.saved_search === 'Auth logins')).toBe(false);

    expect((await call('DELETE', `/api/v1/saved-searches/${search.id}`)).statusCode).toBe(204);
    const orphan = (await tiles()).find((tile) => tile.saved_search === 'Sign-ins');
    expect(orphan).toEqual(expect.objectContaining({ state: 'missing', search: null, message: "no saved search is named 'Sign-ins' any more: it was deleted" }));
    expect(orphan?.count).toBeUndefined();
  });

  it('removes a tile, and answers 404s that say what is missing', async () => {
    await save('a/b search', { q: 'charge' });
    expect((await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'a/b search' })).statusCode).toBe(201);
    expect((await call('DELETE', `/api/v1/dashboard/tiles/${encodeURIComponent('a/b search')}`)).statusCode).toBe(204);
    expect((await tiles()).some((tile) => tile.saved_search === 'a/b search')).toBe(false);
    const again = await call('DELETE', `/api/v1/dashboard/tiles/${encodeURIComponent('a/b search')}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe("no tile shows a saved search named 'a/b search'");
    const unknown = await call('POST', '/api/v1/dashboard/tiles', { saved_search: 'never saved' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe("saved_search: no saved search is named 'never saved'");
    expect((await call('GET', '/api/v1/dashboard/tiles?from=soon')).statusCode).toBe(400);
  });
});

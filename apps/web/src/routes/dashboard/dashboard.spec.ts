import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { startContractApi, type ContractApi } from '../../../test/api-contract-server';

type App = Awaited<ReturnType<typeof buildApp>>;

describe('GET /dashboard', () => {
  let api: ContractApi;
  let app: App;

  beforeAll(async () => {
    // One answer for every path: a histogram, which the facets, freshness and alert calls reject
    // as the wrong shape, so only the charts built from the histogram can show.
    api = await startContractApi({
      status: 200,
      body: {
        from: '2026-11-28T16:00:00.000Z',
        to: '2026-11-28T17:00:00.000Z',
        bucket_seconds: 60,
        served_by: 'rollup',
        buckets: [
          { start: '2026-11-28T16:00:00.000Z', end: '2026-11-28T16:01:00.000Z', total: 4, counts: { DEBUG: 0, INFO: 3, WARNING: 0, ERROR: 1, CRITICAL: 0 } },
        ],
      },
    });
    app = await buildApp(loadConfig({ API_URL: api.url, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await app.close();
    await api.close();
  });

  it('asks the api for the chosen range and draws the panels it got, marking the others unavailable', async () => {
    api.requests.length = 0;
    const response = await app.inject('/dashboard?range=6h');
    expect(response.statusCode).toBe(200);
    const asked = api.requests.map((url) => `${url.pathname}?${url.searchParams.toString()}`).sort();
    expect(asked).toEqual([
      '/api/v1/alerts?',
      '/api/v1/dashboard/tiles?from=6h',
      '/api/v1/facets?from=6h&limit=8',
      '/api/v1/freshness?window=6h',
      '/api/v1/histogram?from=6h',
    ]);
    expect(response.body).toContain('<figure id="histogram"');
    expect(response.body).toContain('class="ratio-line"');
    expect(response.body).toContain('Sources are unavailable');
    expect(response.body).toContain('Ingest lag is unavailable');
    expect(response.body).toContain('Pinned searches are unavailable');
    expect(response.body).toContain('data-refresh-url="/partials/dashboard?range&#x3D;6h"');
  });

  it('serves the panels alone as the fragment the page refreshes', async () => {
    const response = await app.inject('/partials/dashboard?range=15m');
    expect(response.statusCode).toBe(200);
    expect(response.body.trimStart()).toMatch(/^<div id="dashboard-panels"/);
  });

  it('refuses a range it does not offer with a 400 naming it', async () => {
    const response = await app.inject('/dashboard?range=5y');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('range');
  });
});

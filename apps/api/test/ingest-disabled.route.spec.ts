import { loadConfig } from '../src/config';
import { startTestApi, event, type TestApi } from './test-app';

describe('INGEST_ENABLED', () => {
  it('is on unless turned off', () => {
    expect(loadConfig({}).ingest.enabled).toBe(true);
    expect(loadConfig({ INGEST_ENABLED: 'false' }).ingest.enabled).toBe(false);
    expect(() => loadConfig({ INGEST_ENABLED: 'maybe' })).toThrow(/INGEST_ENABLED/);
  });
});

describe('POST /api/v1/ingest with INGEST_ENABLED=false (the api of the production stack)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ INGEST_ENABLED: 'false' });
  });
  afterAll(() => api.close());

  it.each([
    ['NDJSON', 'application/x-ndjson', event(0)],
    ['a JSON array', 'application/json', `[${event(1)}]`],
    ['a type ingest never takes', 'image/png', 'x'],
  ])('answers 404 pointing to Vector for %s, and stores nothing', async (_case, contentType, payload) => {
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': contentType }, payload });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringMatching(/^this api does not take events \(INGEST_ENABLED=false\); send them to Vector/),
    });
    const stored = await api.app.inject({ url: '/api/v1/logs?producer_id=route-test' });
    expect(stored.statusCode).toBe(200);
    expect(stored.json().rows).toEqual([]);
  });

  it('still serves reads and its health check', async () => {
    expect((await api.app.inject({ url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok' });
    expect((await api.app.inject({ url: '/api/v1/logs' })).statusCode).toBe(200);
  });
});

import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { startContractApi, unusedAddress } from '../../../test/api-contract-server';

async function appFor(apiUrl: string) {
  return buildApp(loadConfig({ API_URL: apiUrl, API_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' }));
}

describe('GET /live', () => {
  it('says in the stream that the api is unreachable (not fatal: the browser retries)', async () => {
    const app = await appFor(await unusedAddress());
    const response = await app.inject('/live?since=1764000000000');
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.body).toMatch(/^retry: 2000\n\nevent: problem\ndata: \{"fatal":false,"message":".+"\}\n\n$/);
  });

  it("passes on the api's refusal of the filters as a fatal problem, naming it", async () => {
    const api = await startContractApi({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'q: unclosed quote at position 4' } });
    const app = await appFor(api.url);
    const response = await app.inject('/live?q=%22abc&after=1764000000000.42');
    await app.close();
    await api.close();
    expect(response.body).toContain('event: problem\ndata: {"fatal":true,"message":"q: unclosed quote at position 4"}');
    expect(api.requests[0].pathname).toBe('/api/v1/tail');
    expect(api.requests[0].searchParams.get('q')).toBe('"abc');
  });

  it('refuses a resume position that is not an event id of the stream', async () => {
    const app = await appFor(await unusedAddress());
    const response = await app.inject('/live?after=1%3B+DROP');
    await app.close();
    expect(response.statusCode).toBe(400);
  });
});

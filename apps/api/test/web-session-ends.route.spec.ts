import { createToken, TokenStore } from '../src/auth/token-store';
import { startTestApi, type TestApi } from './test-app';

describe('the web sessions signed out (/api/v1/web/session-ends)', () => {
  const web = createToken('web', ['read', 'web']);
  const grafana = createToken('grafana', ['read']);
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({}, new TokenStore([web.entry, grafana.entry]));
  });
  afterAll(() => api.close());

  const call = (method: 'GET' | 'POST', token: string, payload?: unknown) =>
    api.app.inject({ method, url: '/api/v1/web/session-ends', payload: payload as object, headers: { authorization: `Bearer ${token}` } });
  const digest = (letter: string) => letter.repeat(43);

  it('keeps a sign-out for every web replica until the session would have ended anyway', async () => {
    const now = Date.now();

    expect((await call('POST', web.token, { session: digest('a'), until_ms: now + 3_600_000 })).statusCode).toBe(204);
    expect((await call('POST', web.token, { session: digest('b'), until_ms: now - 1 })).statusCode).toBe(204);

    const listed = await call('GET', web.token);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ sessions: [{ session: digest('a'), until_ms: now + 3_600_000 }] });
  });

  it('refuses what is not the digest of a session id, saying which field', async () => {
    const response = await call('POST', web.token, { session: 'the-session-id-itself', until_ms: Date.now() });

    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/session/);
  });

  it('needs the web scope, which a read token lacks', async () => {
    expect((await call('GET', grafana.token)).statusCode).toBe(403);
    expect((await call('POST', grafana.token, { session: digest('c'), until_ms: Date.now() })).statusCode).toBe(403);
  });
});

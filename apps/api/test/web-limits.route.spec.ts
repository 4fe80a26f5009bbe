/**
 * The budgets the web replicas share through the api (/api/v1/web/sign-in-attempts, sign-ins,
 * rate-limit-hits), and the api's own rate limits held across two api replicas on one database.
 */
import { createToken, TokenStore } from '../src/auth/token-store';
import { startTestApi, type TestApi } from './test-app';

const LIMITS = { per_user_address: 2, per_address: 10, per_user_unknown_addresses: 10, window_ms: 60_000 };

describe('the budgets web replicas share (/api/v1/web/...)', () => {
  const web = createToken('web', ['read', 'web']);
  const grafana = createToken('grafana', ['read']);
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, new TokenStore([web.entry, grafana.entry]));
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, token = web.token) =>
    api.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  const attempt = (username: string, address: string) => post('/api/v1/web/sign-in-attempts', { username, address, limits: LIMITS });

  it('counts attempts before the password is checked, pauses the pair at its budget, and a sign-in gives its attempt back', async () => {
    const first = (await attempt('ada', '10.0.0.9')).json();
    expect(first).toEqual({ attempt: expect.stringMatching(/^[0-9a-f-]{36}$/), retry_after_ms: 0 });
    expect((await post('/api/v1/web/sign-ins', { username: 'ada', address: '10.0.0.9', attempt: first.attempt })).statusCode).toBe(204);
    expect((await attempt('ada', '10.0.0.9')).json().retry_after_ms).toBe(0);
    expect((await attempt('ADA', '10.0.0.9')).json().retry_after_ms).toBe(0);

    const paused = (await attempt('ada', '10.0.0.9')).json();
    expect(paused.attempt).toBeNull();
    expect(paused.retry_after_ms).toBeGreaterThan(55_000);
    const wait = await post('/api/v1/web/sign-in-attempts/wait', { username: 'ada', address: '10.0.0.9', limits: LIMITS });
    expect(wait.json().retry_after_ms).toBeGreaterThan(55_000);
    expect((await post('/api/v1/web/sign-in-attempts/wait', { username: 'ada', address: '10.0.0.10', limits: LIMITS })).json()).toEqual({ retry_after_ms: 0 });
  });

  it('refuses limits or names it cannot count by, saying which field', async () => {
    const noLimits = await post('/api/v1/web/sign-in-attempts', { username: 'ada', address: '10.0.0.1' });
    expect([noLimits.statusCode, noLimits.json().message]).toEqual([400, expect.stringMatching(/limits/)]);
    const longName = await attempt('a'.repeat(300), '10.0.0.1');
    expect([longName.statusCode, longName.json().message]).toEqual([400, expect.stringMatching(/username/)]);
  });

  it("answers a web replica the other web replicas' counts in the window", async () => {
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const report = (replica: string, hits: { key: string; hits: number }[]) =>
      post('/api/v1/web/rate-limit-hits', { replica, window_start_ms: windowStart, hits }).then((response) => response.json());
    expect(await report('web-a', [{ key: 'user ada', hits: 7 }])).toEqual({ hits: [] });
    expect(await report('web-b', [{ key: 'user ada', hits: 1 }])).toEqual({ hits: [{ key: 'user ada', hits: 7 }] });
  });

  it('needs the web scope: a read token cannot lock a user out or give attempts back', async () => {
    const refused = await Promise.all([
      post('/api/v1/web/sign-in-attempts', { username: 'a', address: 'b', limits: LIMITS }, grafana.token),
      post('/api/v1/web/sign-in-attempts/wait', { username: 'a', address: 'b', limits: LIMITS }, grafana.token),
      post('/api/v1/web/sign-ins', { username: 'a', address: 'b', attempt: '00000000-0000-0000-0000-000000000000' }, grafana.token),
      post('/api/v1/web/rate-limit-hits', { replica: 'x', window_start_ms: 0, hits: [] }, grafana.token),
    ]);
    expect(refused.map((response) => [response.statusCode, response.json().message])).toEqual(Array(4).fill([403, "token 'grafana' lacks the 'web' scope"]));
  });
});

describe('the query rate limit on two api replicas', () => {
  let replicas: TestApi[];
  beforeAll(async () => {
    const env = { RATE_LIMIT_QUERY_PER_MINUTE: '10' };
    replicas = [await startTestApi(env)];
    // The second opens the same database, as a second process would.
    replicas.push(await startTestApi(env));
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
  });

  const query = (replica: TestApi) => replica.app.inject({ method: 'GET', url: '/api/v1/freshness' }).then((response) => response.statusCode);
  const reported = async (replica: TestApi) => {
    const result = await replica.storage.reader.query({ query: "SELECT sum(hits) AS hits FROM logs.rate_limit_hits WHERE limiter = 'api'", format: 'JSONEachRow' });
    return Number((await result.json<{ hits: string }>())[0]?.hits ?? 0);
  };
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 100; tries += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`waited 10 s for ${what}`);
  };

  it('holds for both together once each has exchanged its counts', async () => {
    // Counting happens in fixed minutes: start with room to finish in this one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));

    for (let k = 0; k < 6; k += 1) expect(await query(replicas[0])).toBe(200);
    await until("replica A's six requests reported", async () => (await reported(replicas[0])) === 6);
    expect(await query(replicas[1])).toBe(200);
    // B's report carries its own request; the same exchange read A's six.
    await until("replica B's request reported", async () => (await reported(replicas[0])) === 7);

    const onB = [];
    for (let k = 0; k < 5; k += 1) onB.push(await query(replicas[1]));
    expect(onB).toEqual([200, 200, 200, 429, 429]);
  });
});

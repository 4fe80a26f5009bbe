import { buildApp } from '../app';
import { loadConfig } from '../config';
import { logsPage, startContractApi, storedLog, type ContractApi } from '../../test/api-contract-server';
import { signIn, USERS } from '../../test/sign-in-driver';
import { writeUsersFile, type UsersFileFixture } from '../../test/users-file-fixture';

type App = Awaited<ReturnType<typeof buildApp>>;

describe('per signed-in user', () => {
  let api: ContractApi;
  let users: UsersFileFixture;
  let app: App;
  beforeAll(async () => {
    api = await startContractApi({ status: 200, body: logsPage([storedLog()]) });
    users = await writeUsersFile(USERS);
    app = await buildApp(loadConfig({ API_URL: api.url, API_TIMEOUT_MS: '1000', LOG_LEVEL: 'silent', WEB_USERS_FILE: users.path, WEB_RATE_LIMIT_PER_MINUTE: '8' }));
  });
  afterAll(async () => {
    await app.close();
    await api.close();
    users.remove();
  });

  it('names the signed-in user to the api on each of its calls, so the api can rate-limit them one by one', async () => {
    const cookie = await signIn(app, 'ada', 'ada password');
    const before = api.headers.length;
    expect((await app.inject({ url: '/partials/logs', headers: { cookie } })).statusCode).toBe(200);

    const calls = api.headers.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((headers) => headers['x-logline-user'])).toEqual(calls.map(() => 'ada'));
  });

  it('limits requests per user, with 429 and Retry-After, leaving other users and health checks alone', async () => {
    const ada = await signIn(app, 'ada', 'ada password');
    const bob = await signIn(app, 'bob', 'bob password');
    const statuses: number[] = [];
    for (let request = 0; request < 10; request += 1) statuses.push((await app.inject({ url: '/partials/logs', headers: { cookie: ada } })).statusCode);
    const limited = await app.inject({ url: '/partials/logs', headers: { cookie: ada } });

    expect(statuses).toContain(429);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toMatch(/More than 8 requests in a minute came from you/);
    expect((await app.inject({ url: '/partials/logs', headers: { cookie: bob } })).statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });
});

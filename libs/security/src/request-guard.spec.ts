import Fastify, { type FastifyInstance } from 'fastify';
import { allowedHosts } from './allowed-hosts';
import { requestGuard, type Refusal } from './request-guard';

class Refused extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

async function guardedApp(refuseSimpleRequests: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(requestGuard, {
    allowedHosts: allowedHosts(['logs.example.com'], '127.0.0.1'),
    hostsSetting: 'TEST_ALLOWED_HOSTS',
    refuseSimpleRequests,
    toError: (refusal: Refusal) => new Refused(refusal.statusCode, refusal.message),
  });
  app.get('/', async () => 'read');
  app.post('/write', async () => 'written');
  return app;
}

describe('requestGuard', () => {
  let api: FastifyInstance;
  let web: FastifyInstance;
  beforeAll(async () => {
    api = await guardedApp(true);
    web = await guardedApp(false);
  });
  afterAll(async () => {
    await api.close();
    await web.close();
  });

  it('refuses a Host it does not answer to (DNS rebinding), naming the setting', async () => {
    const response = await api.inject({ url: '/', headers: { host: 'rebound.evil.example:4000' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe(
      "this server does not answer to the host name 'rebound.evil.example'; add it to TEST_ALLOWED_HOSTS if it is this server's",
    );
  });

  it('answers loopback names, addresses and configured names', async () => {
    for (const host of ['localhost:4000', '127.0.0.1:4000', '[::1]:4000', '192.168.1.20', 'logs.example.com']) {
      expect((await api.inject({ url: '/', headers: { host } })).statusCode).toBe(200);
    }
  });

  it('refuses a state change from another origin, and accepts its own', async () => {
    const from = (origin: string) =>
      web.inject({ method: 'POST', url: '/write', headers: { host: '127.0.0.1:3000', origin, 'content-type': 'application/json' }, payload: '{}' });
    expect((await from('http://evil.example')).statusCode).toBe(403);
    expect((await from('http://localhost:8080')).statusCode).toBe(403);
    expect((await from('null')).statusCode).toBe(403);
    expect((await from('http://127.0.0.1:3000')).statusCode).toBe(200);
    expect((await from('https://logs.example.com')).statusCode).toBe(200);
  });

  it("takes the browser's Sec-Fetch-Site over Origin, so a no-referrer page of its own can still post", async () => {
    const from = (headers: Record<string, string>) =>
      web.inject({ method: 'POST', url: '/write', headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', ...headers }, payload: '{}' });
    expect((await from({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await from({ origin: 'null', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await from({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await from({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('refuses simple-request bodies on the api, not on the web', async () => {
    const post = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ method: 'POST', url: '/write', headers, payload: '{}' });
    const refused = await post(api, { 'content-type': 'text/plain;charset=UTF-8' });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().message).toMatch(/^Content-Type text\/plain;charset=UTF-8 is refused: any web page can send it without asking/);
    expect((await post(api, { 'content-type': 'application/json' })).statusCode).toBe(200);
    expect((await post(web, { 'content-type': 'text/plain' })).statusCode).toBe(200);
  });
});

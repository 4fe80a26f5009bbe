import { connect } from 'node:net';
import pino from 'pino';
import { createToken, TokenStore } from '../src/auth/token-store';
import { startTcpIngest, type TcpIngestServer } from '../src/ingest/tcp-ingest-server';
import { startTestApi, event, type TestApi } from './test-app';

describe('authentication and access policy', () => {
  const ingester = createToken('shipper', ['ingest']);
  const reader = createToken('web', ['read']);
  const admin = createToken('ops', ['admin']);
  let api: TestApi;
  let tcp: TcpIngestServer;

  beforeAll(async () => {
    const tokens = new TokenStore([ingester.entry, reader.entry, admin.entry]);
    api = await startTestApi({ RATE_LIMIT_QUERY_PER_MINUTE: '5' }, tokens);
    tcp = await startTcpIngest(api.ingest, api.config, pino({ level: 'silent' }), tokens);
  });
  afterAll(async () => {
    await tcp.close();
    await api.close();
  });

  const call = (url: string, token?: string, payload?: string) =>
    api.app.inject({
      method: payload === undefined ? 'GET' : 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it('rejects anonymous and forged reads and ingests with 401', async () => {
    expect((await call('/api/v1/logs')).statusCode).toBe(401);
    expect((await call('/api/v1/ingest', undefined, event(0))).statusCode).toBe(401);
    const forged = await call('/api/v1/logs', 'll_not-a-token');
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('enforces scopes with 403 and accepts the right token', async () => {
    expect((await call('/api/v1/ingest', reader.token, event(0))).statusCode).toBe(403);
    expect((await call('/api/v1/logs', ingester.token)).statusCode).toBe(403);
    expect((await call('/api/v1/ingest', ingester.token, event(0, { producer_id: 'authed' }))).json()).toMatchObject({ accepted: 1 });
    expect((await call('/api/v1/logs?producer_id=authed', reader.token)).json().rows).toHaveLength(1);
    expect((await call('/metrics', admin.token)).statusCode).toBe(200);
  });

  it("guards the standard protocols' doors with the ingest scope, taking the token as shippers can send it", async () => {
    const bulk = `${JSON.stringify({ create: { _index: 'authed-es' } })}\n${event(1, { producer_id: 'authed-es' })}\n`;
    const post = (url: string, authorization: string | undefined, payload: string, type = 'application/x-ndjson') =>
      api.app.inject({ method: 'POST', url, payload, headers: { 'content-type': type, ...(authorization ? { authorization } : {}) } });
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect((await post('/_bulk', undefined, bulk)).statusCode).toBe(401);
    expect((await post('/_bulk', basic('logline', reader.token), bulk)).statusCode).toBe(403);
    expect((await post('/_bulk', basic('filebeat', ingester.token), bulk)).json()).toMatchObject({ errors: false });
    expect((await post('/_bulk', `ApiKey ${Buffer.from(`fleet:${ingester.token}`).toString('base64')}`, bulk)).json()).toMatchObject({ errors: false });
    expect((await post('/v1/logs', undefined, '{}', 'application/json')).statusCode).toBe(401);
    expect((await post('/v1/logs', `Bearer ${ingester.token}`, '{}', 'application/json')).statusCode).toBe(200);
    expect((await post('/loki/api/v1/push', basic('promtail', 'wrong'), '{"streams":[]}', 'application/json')).statusCode).toBe(401);
    expect((await api.app.inject({ url: '/', headers: { authorization: `Bearer ${ingester.token}` } })).json()).toMatchObject({ version: { number: expect.stringMatching(/^8\./) } });
  });

  it('keeps health and the API docs public', async () => {
    expect((await call('/api/v1/health')).statusCode).toBe(200);
    expect((await call('/api/docs/json')).statusCode).toBe(200);
  });

  it('rate-limits queries per client with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i += 1) codes.push((await call('/api/v1/facets', admin.token)).statusCode);
    expect(codes).toContain(429);
  });

  it('rate-limits the users a client relays (X-Logline-User) each on their own', async () => {
    const asUser = (user: string) => api.app.inject({ url: '/api/v1/facets', headers: { authorization: `Bearer ${reader.token}`, 'x-logline-user': user } });
    const busy: number[] = [];
    for (let i = 0; i < 7; i += 1) busy.push((await asUser('busy-user')).statusCode);
    expect(busy).toContain(429);
    expect((await asUser('quiet-user')).statusCode).toBe(200);
  });

  it('requires an ingest token as the first TCP line', async () => {
    const send = (payload: string) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const socket = connect(tcp.port(), '127.0.0.1', () => socket.end(payload));
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', () => resolve(answer));
      });
    expect(await send(`${event(1, { producer_id: 'tcp-anon' })}\n`)).toMatch(/authentication required/);
    expect(await send(`{"token":"${reader.token}"}\n${event(1)}\n`)).toMatch(/lacks the 'ingest' scope/);
    await send(`{"token":"${ingester.token}"}\n${event(1, { producer_id: 'tcp-authed' })}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call('/api/v1/producers/tcp-authed', reader.token)).json().stored).toBe(1);
    expect((await call('/api/v1/producers/tcp-anon', reader.token)).json().stored).toBe(0);
  });

  describe('a TCP client that never sends its token line', () => {
    const sendAndClose = (payload: string) =>
      new Promise<void>((resolve) => {
        const socket = connect(tcp.port(), '127.0.0.1', () => socket.end(payload));
        socket.on('error', () => undefined);
        // Read what the api answers, so its end of the stream is noticed.
        socket.resume();
        // Done when the api ends its side: it refused the connection, or stored what it read.
        socket.on('end', () => resolve());
        socket.on('close', () => resolve());
      });

    it('cannot store an event by ending the stream without a newline', async () => {
      await sendAndClose(event(2, { producer_id: 'tcp-unterminated' }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await call('/api/v1/producers/tcp-unterminated', reader.token)).json().stored).toBe(0);
    });

    it('cannot write a dead letter with an oversized first line', async () => {
      await sendAndClose(`${'x'.repeat(2 * 1024 * 1024)}\n${event(3, { producer_id: 'tcp-oversized' })}\n`);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const letters = await api.storage.reader.query({ query: "SELECT count() AS n FROM logs.ingest_errors WHERE transport = 'tcp'", format: 'JSONEachRow' });
      expect(Number((await letters.json<{ n: number }>())[0].n)).toBe(0);
      expect((await call('/api/v1/producers/tcp-oversized', reader.token)).json().stored).toBe(0);
    }, 15_000);
  });

  it('sends security headers', async () => {
    const response = await call('/api/v1/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

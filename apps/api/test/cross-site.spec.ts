import { startTestApi, event, type TestApi } from './test-app';

/** What another web site can make a visitor's browser send to a Logline api on their machine. */
describe('requests other sites can make a browser send', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ API_ALLOWED_HOSTS: 'logs.example.com' });
  });
  afterAll(() => api.close());

  const ingest = (headers: Record<string, string>, producer: string) =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers, payload: event(0, { producer_id: producer }) });
  const stored = async (producer: string) => (await api.app.inject({ url: `/api/v1/producers/${producer}` })).json().stored;

  it('refuses a Host name it does not answer to, so a DNS-rebound page cannot read it', async () => {
    const response = await api.app.inject({ url: '/api/v1/logs', headers: { host: 'rebound.attacker.example:4000' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/host name 'rebound\.attacker\.example'.*API_ALLOWED_HOSTS/);
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', 'logs.example.com']) {
      expect((await api.app.inject({ url: '/api/v1/health', headers: { host } })).statusCode).toBe(200);
    }
  });

  it.each(['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses an ingest body sent as %s (no CORS preflight needed) and stores nothing',
    async (contentType) => {
      const producer = `simple-${contentType.slice(0, 4)}`;
      const response = await ingest({ 'content-type': contentType }, producer);
      expect(response.statusCode).toBe(415);
      expect(await stored(producer)).toBe(0);
    },
  );

  it('refuses an ingest from a page of another origin, and takes one from shippers and its own pages', async () => {
    const foreign = await ingest({ 'content-type': 'application/x-ndjson', origin: 'https://attacker.example' }, 'foreign-origin');
    expect(foreign.statusCode).toBe(403);
    expect(await stored('foreign-origin')).toBe(0);
    expect((await ingest({ 'content-type': 'application/x-ndjson' }, 'shipper')).statusCode).toBe(200);
    expect((await ingest({ 'content-type': 'application/x-ndjson', host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }, 'own-page')).statusCode).toBe(200);
  });
});

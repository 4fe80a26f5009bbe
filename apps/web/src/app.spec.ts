import { buildApp } from './app';
import { loadConfig } from './config';

describe('the web app', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;

  // No api is needed for these routes: nothing listens at this address.
  beforeAll(async () => {
    app = await buildApp(loadConfig({ API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' }));
  });
  afterAll(() => app.close());

  it('answers /healthz for the web process itself', async () => {
    const response = await app.inject('/healthz');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('allows scripts, styles and fetches from its own origin only', async () => {
    const response = await app.inject('/healthz');
    const policy = String(response.headers['content-security-policy']);

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it.each([
    ['/assets/app.css', /^text\/css/],
    ['/assets/live-tail.js', /javascript/],
    ['/assets/favicon.svg', /^image\/svg\+xml/],
  ])('serves %s', async (path, type) => {
    const response = await app.inject(path);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(type);
  });

  it('answers an unknown address with a 404 page', async () => {
    const response = await app.inject('/no/such/page');

    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Page not found');
  });
});

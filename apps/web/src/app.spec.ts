import { buildApp } from './app';
import { loadConfig } from './config';
import { logsPage, startContractApi } from '../test/api-contract-server';
import { openSignInForm, USERS } from '../test/sign-in-driver';
import { writeUsersFile } from '../test/users-file-fixture';

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
    // Its own forms keep their Origin for the cross-site check; nothing leaks to other sites.
    expect(response.headers['referrer-policy']).toBe('same-origin');
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

describe('requests other sites can make a browser send to the web app', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp(loadConfig({ API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', WEB_ALLOWED_HOSTS: 'logs.example.com' }));
  });
  afterAll(() => app.close());

  it('refuses a Host name it does not answer to, so a DNS-rebound page cannot read it', async () => {
    const response = await app.inject({ url: '/healthz', headers: { host: 'rebound.attacker.example:3000' } });

    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('WEB_ALLOWED_HOSTS');
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'logs.example.com']) {
      expect((await app.inject({ url: '/healthz', headers: { host } })).statusCode).toBe(200);
    }
  });

  it('refuses a sign-in form posted from a page of another origin, even with a valid CSRF token', async () => {
    const users = await writeUsersFile(USERS);
    // The api counts the attempt before the password is checked.
    const api = await startContractApi({ status: 200, body: logsPage([]) });
    const signInApp = await buildApp(loadConfig({ API_URL: api.url, LOG_LEVEL: 'silent', WEB_USERS_FILE: users.path }));
    try {
      const { cookie, csrf } = await openSignInForm(signInApp);
      const signIn = (origin: string) =>
        signInApp.inject({
          method: 'POST',
          url: '/login',
          headers: { host: 'localhost:3000', origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrf, username: 'ada', password: 'ada password', next: '/' }).toString(),
        });

      const foreign = await signIn('https://attacker.example');
      expect(foreign.statusCode).toBe(403);
      expect(foreign.body).toContain('cross-site request refused');
      expect((await signIn('http://localhost:3000')).statusCode).toBe(303);
    } finally {
      await signInApp.close();
      await api.close();
      users.remove();
    }
  });
});

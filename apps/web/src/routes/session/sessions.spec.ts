import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { logsPage, startContractApi, unusedAddress, type ContractApi } from '../../../test/api-contract-server';
import { csrfOf, openSignInForm, post, sessionCookieOf, signIn } from '../../../test/sign-in-driver';
import { useUsersFileApp, type WebApp } from '../../../test/users-file-app';

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('sessions with WEB_USERS_FILE', () => {
  const fixture = useUsersFileApp();
  const build = fixture.build;
  let api: ContractApi;
  let app: WebApp;
  beforeAll(() => ({ api, app } = fixture));

  describe('lockout (the budgets are counted by the api: see e2e server-mode for them across replicas)', () => {
    afterEach(() => api.pauseSignIns(0));

    it('answers 429 with Retry-After and a clear message while the api says the budget is used up, even for the right password', async () => {
      const { cookie, csrf } = await openSignInForm(app);
      api.pauseSignIns(900_000);
      const right = await post(app, '/login', cookie, { _csrf: csrf, username: 'bob', password: 'bob password' });

      expect(right.statusCode).toBe(429);
      expect(right.headers['retry-after']).toBe('900');
      expect(right.body).toContain('Too many failed sign-ins for this username or from this address. Sign-in is paused: try again in 15 minutes.');
      expect(sessionCookieOf(right)).toBeUndefined();
    });

    it('fails closed with 503 saying why when the api cannot count the attempt', async () => {
      const apiDown = await build({ API_URL: await unusedAddress() });
      try {
        const { cookie, csrf } = await openSignInForm(apiDown);
        const right = await post(apiDown, '/login', cookie, { _csrf: csrf, username: 'bob', password: 'bob password' });

        expect([right.statusCode, right.headers['retry-after']]).toEqual([503, '5']);
        expect(right.body).toContain('Sign-in is unavailable: the service that counts sign-in attempts cannot be reached.');
        expect(sessionCookieOf(right)).toBeUndefined();
      } finally {
        await apiDown.close();
      }
    });
  });

  describe('signing out', () => {
    it('ends the session and goes back to the sign-in page', async () => {
      const cookie = await signIn(app, 'bob', 'bob password');
      const page = await app.inject({ url: '/', headers: { cookie } });

      const response = await post(app, '/logout', cookie, { _csrf: csrfOf(page.body) });

      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/login?signed_out=1');
      expect(response.headers['set-cookie']).toMatch(/^logline_session=; .*Max-Age=0$/);
      expect((await app.inject({ url: '/', headers: { cookie } })).statusCode).toBe(302);
      expect((await app.inject('/login?signed_out=1')).body).toContain('You have signed out.');
    });

    it('refuses a sign-out without the CSRF token, and the session goes on', async () => {
      const cookie = await signIn(app, 'bob', 'bob password');
      const response = await post(app, '/logout', cookie, {});

      expect(response.statusCode).toBe(403);
      expect((await app.inject({ url: '/', headers: { cookie } })).statusCode).toBe(200);
    });
  });

  describe('roles', () => {
    it('shows a viewer the logs but not the admin-only Delivery page', async () => {
      const cookie = await signIn(app, 'bob', 'bob password');
      const page = await app.inject({ url: '/', headers: { cookie } });
      const delivery = await app.inject({ url: '/delivery', headers: { cookie } });

      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('href="/delivery"');
      expect(delivery.statusCode).toBe(403);
      expect(delivery.body).toContain('Admins only');
    });

    it('links an admin to the Delivery page', async () => {
      const cookie = await signIn(app, 'ada', 'ada password');

      expect((await app.inject({ url: '/', headers: { cookie } })).body).toContain('href="/delivery"');
    });
  });

  describe('the cookie', () => {
    it('is Secure when WEB_COOKIE_SECURE=true', async () => {
      const secureApp = await build({ WEB_COOKIE_SECURE: 'true' });
      try {
        expect((await secureApp.inject('/login')).headers['set-cookie']).toMatch(/; Secure$/);
      } finally {
        await secureApp.close();
      }
    });

    it('is Secure by default when a trusted proxy says the request came over https', async () => {
      const proxied = await build({ WEB_TRUST_PROXY: '127.0.0.1' });
      try {
        const overHttps = await proxied.inject({ url: '/login', headers: { 'x-forwarded-proto': 'https' } });
        const overHttp = await proxied.inject('/login');

        expect(overHttps.headers['set-cookie']).toMatch(/; Secure$/);
        expect(overHttp.headers['set-cookie']).not.toMatch(/Secure/);
      } finally {
        await proxied.close();
      }
    });

    it('with a forged signature opens no session', async () => {
      const cookie = await signIn(app, 'ada', 'ada password');
      const forged = `${cookie.slice(0, -3)}abc`;

      expect((await app.inject({ url: '/', headers: { cookie: forged } })).statusCode).toBe(302);
    });
  });

  describe('with WEB_SESSION_SECRET', () => {
    const secret = 'k'.repeat(40);

    it('is valid on every web replica with the same secret, and across restarts, and not with another secret', async () => {
      const first = await build({ WEB_SESSION_SECRET: secret });
      const cookie = await signIn(first, 'ada', 'ada password');
      await first.close();

      const second = await build({ WEB_SESSION_SECRET: secret });
      const rekeyed = await build({ WEB_SESSION_SECRET: 'z'.repeat(40) });
      try {
        const page = await second.inject({ url: '/', headers: { cookie } });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('ada');
        expect((await rekeyed.inject({ url: '/', headers: { cookie } })).statusCode).toBe(302);
      } finally {
        await second.close();
        await rekeyed.close();
      }
    });

    it('ends on the other replicas when signed out on one, through the list the api keeps', async () => {
      const [first, second] = [await build({ WEB_SESSION_SECRET: secret }), await build({ WEB_SESSION_SECRET: secret })];
      try {
        const cookie = await signIn(first, 'bob', 'bob password');
        expect((await second.inject({ url: '/', headers: { cookie } })).statusCode).toBe(200);
        const page = await first.inject({ url: '/', headers: { cookie } });
        const recorded = api.sessionEnds.length;

        expect((await post(first, '/logout', cookie, { _csrf: csrfOf(page.body) })).statusCode).toBe(303);

        expect(api.sessionEnds).toHaveLength(recorded + 1);
        await waitFor(async () => (await second.inject({ url: '/', headers: { cookie } })).statusCode === 302, 5_000);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
});

describe('single-user local mode (no WEB_USERS_FILE)', () => {
  it('serves pages without a sign-in and shows no account', async () => {
    const api = await startContractApi({ status: 200, body: logsPage([]) });
    const app = await buildApp(loadConfig({ API_URL: api.url, LOG_LEVEL: 'silent' }));
    try {
      const page = await app.inject('/');

      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Sign out');
      expect(page.body).toContain('href="/delivery"');
      expect((await app.inject('/login')).statusCode).toBe(404);
    } finally {
      await app.close();
      await api.close();
    }
  });
});

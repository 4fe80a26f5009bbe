import type { ContractApi } from '../../../test/api-contract-server';
import { csrfOf, openSignInForm, post, sessionCookieOf } from '../../../test/sign-in-driver';
import { useUsersFileApp, type WebApp } from '../../../test/users-file-app';

describe('signing in with WEB_USERS_FILE', () => {
  const fixture = useUsersFileApp();
  let api: ContractApi;
  let app: WebApp;
  beforeAll(() => ({ api, app } = fixture));

  describe('for anonymous requests', () => {
    it('sends a page load to the sign-in page, remembering where it was going', async () => {
      const response = await app.inject('/?level=ERROR&q=timeout');

      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent('/?level=ERROR&q=timeout')}`);
      expect(api.requests).toHaveLength(0);
    });

    it('sends an unknown address to the sign-in page too, so it does not tell which pages exist', async () => {
      const response = await app.inject('/no/such/page');

      expect(response.statusCode).toBe(302);
    });

    it.each(['/partials/logs', '/export?format=csv', '/live'])('answers %s with 401 and a sentence, not a redirect', async (url) => {
      const response = await app.inject(url);

      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('Sign in to continue');
      expect(api.requests).toHaveLength(0);
    });

    it.each(['/healthz', '/assets/app.css', '/login'])('serves %s without a session', async (url) => {
      expect((await app.inject(url)).statusCode).toBe(200);
    });

    it('shows a sign-in form with a CSRF token, a session cookie and no navigation', async () => {
      const response = await app.inject('/login?next=%2Fdashboard');

      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['set-cookie']).toMatch(/^logline_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(response.body).toMatch(/<form id="sign-in-form"[^>]*method="post" action="\/login"/);
      expect(response.body).toContain('name="next" value="/dashboard"');
      expect(csrfOf(response.body)).toMatch(/^[\w-]{43}$/);
      expect(response.body).not.toContain('class="topbar-nav"');
      expect(response.body).not.toContain('Sign out');
    });
  });

  describe('signing in', () => {
    it('goes where the user was going, under a new session id, and shows who is signed in', async () => {
      const { cookie, csrf } = await openSignInForm(app);
      const response = await post(app, '/login', cookie, { _csrf: csrf, username: 'ada', password: 'ada password', next: '/?level=ERROR' });

      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/?level=ERROR');
      const signedIn = sessionCookieOf(response);
      expect(signedIn).toBeDefined();
      expect(signedIn).not.toBe(cookie);

      const page = await app.inject({ url: '/', headers: { cookie: signedIn } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('payment accepted');
      expect(page.body).toMatch(/<span class="account-name">ada<\/span><span class="account-role">admin<\/span>/);
      expect(page.body).toMatch(/<form id="account"[^>]*action="\/logout"/);

      // The anonymous session the form came from did not become the signed-in one.
      expect((await app.inject({ url: '/', headers: { cookie } })).statusCode).toBe(302);
    });

    it('never sends the user to another site after signing in', async () => {
      const { cookie, csrf } = await openSignInForm(app);
      const response = await post(app, '/login', cookie, { _csrf: csrf, username: 'ada', password: 'ada password', next: '//evil.example/' });

      expect(response.headers.location).toBe('/');
    });

    it('answers a wrong password and an unknown user with the same 401 page', async () => {
      const { cookie, csrf } = await openSignInForm(app);
      const wrong = await post(app, '/login', cookie, { _csrf: csrf, username: 'bob', password: 'not it', next: '/' });
      const unknown = await post(app, '/login', cookie, { _csrf: csrf, username: 'bo6', password: 'not it', next: '/' });

      expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
      expect(wrong.body).toContain('Wrong username or password.');
      expect(wrong.body).toContain('name="username" value="bob"');
      expect(wrong.body.replace('value="bob"', 'value="bo6"')).toBe(unknown.body);
      expect(sessionCookieOf(wrong)).toBeUndefined();
    });

    it('asks for both fields when one is blank', async () => {
      const { cookie, csrf } = await openSignInForm(app);
      const response = await post(app, '/login', cookie, { _csrf: csrf, username: 'ada', password: '' });

      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Enter your username and password.');
    });

    it.each([
      ['without a token', (): Record<string, string> => ({})],
      ['with a wrong token', (csrf: string) => ({ _csrf: `${csrf.slice(0, -2)}xx` })],
    ])('refuses the form %s with 403 and says what to do', async (_case, token) => {
      const { cookie, csrf } = await openSignInForm(app);
      const response = await post(app, '/login', cookie, { ...token(csrf), username: 'ada', password: 'ada password' });

      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('This form cannot be accepted');
      expect(response.body).toContain('Go back, reload the page and try again.');
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('refuses a form whose token belongs to another browser’s session', async () => {
      const mine = await openSignInForm(app);
      const theirs = await openSignInForm(app);
      const response = await post(app, '/login', mine.cookie, { _csrf: theirs.csrf, username: 'ada', password: 'ada password' });

      expect(response.statusCode).toBe(403);
    });

    it('refuses a form posted without the session cookie (cross-site, or cookies off)', async () => {
      const { csrf } = await openSignInForm(app);
      const response = await post(app, '/login', undefined, { _csrf: csrf, username: 'ada', password: 'ada password' });

      expect(response.statusCode).toBe(403);
    });
  });
});

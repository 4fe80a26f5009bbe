// Drives the sign-in pages through app.inject the way a browser would: cookies and CSRF tokens.
import type { LightMyRequestResponse } from 'fastify';
import type { buildApp } from '../src/app';

export const USERS = [
  { username: 'ada', role: 'admin', password: 'ada password' },
  { username: 'bob', role: 'viewer', password: 'bob password' },
] as const;

type App = Awaited<ReturnType<typeof buildApp>>;

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header]).find((value) => value?.startsWith('logline_session='));
  return cookie?.split(';')[0];
}

export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF token in:\n${html}`);
  return token;
}

export function post(app: App, url: string, cookie: string | undefined, form: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams(form).toString(),
  });
}

/** Loads the sign-in page as a browser would: its anonymous session cookie and the form's token. */
export async function openSignInForm(app: App): Promise<{ cookie: string; csrf: string }> {
  const page = await app.inject('/login');
  return { cookie: sessionCookieOf(page) ?? '', csrf: csrfOf(page.body) };
}

export async function signIn(app: App, username: string, password: string): Promise<string> {
  const { cookie, csrf } = await openSignInForm(app);
  const response = await post(app, '/login', cookie, { _csrf: csrf, username, password, next: '/' });
  const signedIn = sessionCookieOf(response);
  if (response.statusCode !== 303 || !signedIn) throw new Error(`sign-in failed: ${response.statusCode}`);
  return signedIn;
}

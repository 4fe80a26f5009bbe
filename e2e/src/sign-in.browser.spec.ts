/**
 * Sign-in in real Chromium, against real processes: an api that requires tokens
 * (API_TOKENS_FILE) and a web with users (WEB_USERS_FILE, made by `hash-password`) that reads
 * the api with its own token (API_TOKEN).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createApiToken, createUserEntry } from './support/credentials';
import { freePort, runGenerator, startApp, waitForOk, type RunningProcess } from '@logline/testing';

const EVENTS = 40;
const PASSWORD = 'correct horse battery staple';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

describe('sign-in in Chromium, with a secured api', () => {
  const folder = mkdtempSync(join(tmpdir(), 'logline-sign-in-'));
  const processes: RunningProcess[] = [];
  let apiUrl: string;
  let webUrl: string;
  let webToken: string;
  let ingestToken: string;
  let tcpPort: number;
  let browser: Browser;
  let page: Page;

  async function start(app: 'api' | 'web', env: Record<string, string>, health: string): Promise<void> {
    const running = startApp(app, [], env);
    processes.push(running);
    await waitForOk(health, running);
  }

  beforeAll(async () => {
    const web = createApiToken('web', 'read,web');
    const ingest = createApiToken('seeder', 'ingest');
    webToken = web.token;
    ingestToken = ingest.token;
    tcpPort = await freePort();
    writeFileSync(join(folder, 'tokens.json'), JSON.stringify([web.entry, ingest.entry]));
    // YAML, one entry per line as hash-password prints it.
    writeFileSync(join(folder, 'users.yaml'), `- ${createUserEntry('ada', 'viewer', PASSWORD)}\n`);

    apiUrl = `http://127.0.0.1:${await freePort()}`;
    webUrl = `http://127.0.0.1:${await freePort()}`;
    await start(
      'api',
      { API_PORT: new URL(apiUrl).port, INGEST_TCP_PORT: String(tcpPort), SYSLOG_PORT: '0', LOGLINE_DATA_DIR: join(folder, 'data'), API_TOKENS_FILE: join(folder, 'tokens.json') },
      `${apiUrl}/api/v1/health`,
    );
    const start10mAgo = Date.now() - 10 * 60_000;
    const lines = Array.from({ length: EVENTS }, (_, seq) =>
      JSON.stringify({ timestamp: new Date(start10mAgo + seq * 1000).toISOString(), level: 'INFO', source: 'auth', message: `signed request ${seq}`, producer_id: 'sign-in', seq }),
    );
    const ingested = await fetch(`${apiUrl}/api/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ingest.token}` },
      body: lines.join('\n'),
    });
    expect(((await ingested.json()) as { accepted: number }).accepted).toBe(EVENTS);
    await start(
      'web',
      { WEB_PORT: new URL(webUrl).port, API_URL: apiUrl, API_TOKEN: webToken, WEB_USERS_FILE: join(folder, 'users.yaml') },
      `${webUrl}/healthz`,
    );
    browser = await launchChromium();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    for (const running of processes.reverse()) await running.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function fillSignIn(username: string, password: string): Promise<void> {
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
  }

  it('the api refuses an anonymous read with 401 and serves the web’s read token', async () => {
    const anonymous = await fetch(`${apiUrl}/api/v1/logs?from=1h`);
    const withToken = await fetch(`${apiUrl}/api/v1/logs?from=1h`, { headers: { authorization: `Bearer ${webToken}` } });

    expect(anonymous.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { rows: unknown[] }).rows).toHaveLength(EVENTS);
  });

  it('an anonymous visitor gets the sign-in page, and nothing of the logs', async () => {
    await page.goto(`${webUrl}/?from=1h`);

    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/?from=1h');
    expect(await page.locator('#sign-in-form').isVisible()).toBe(true);
    expect(await page.locator('#logs').count()).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in.png') });
  });

  it('a wrong password keeps the visitor out, with a message', async () => {
    await page.goto(`${webUrl}/`);
    await fillSignIn('ada', 'not the password');
    await page.click('button[type="submit"]');

    expect(await page.locator('#sign-in-error').innerText()).toBe('Wrong username or password.');
    expect(await page.locator('#logs').count()).toBe(0);
    expect(await page.inputValue('input[name="username"]')).toBe('ada');
  });

  it('signing in shows the logs read through the secured api, and signing out returns to the sign-in page', async () => {
    await page.goto(`${webUrl}/?from=1h`);
    await fillSignIn('ada', PASSWORD);
    await Promise.all([page.waitForURL(`${webUrl}/?from=1h`), page.click('button[type="submit"]')]);

    expect(await page.locator('#logs tbody tr').count()).toBe(EVENTS);
    expect(await page.locator('#account .account-name').innerText()).toBe('ada');
    expect(await page.locator('.topbar-nav a[href="/delivery"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'signed-in.png') });

    await Promise.all([page.waitForURL(/\/login\?signed_out=1$/), page.click('#account button')]);
    expect(await page.locator('.sign-in-notice').innerText()).toBe('You have signed out.');
    await page.goto(`${webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('a web without API_TOKEN is refused by the secured api, and says how to fix it', async () => {
    const bareWebUrl = `http://127.0.0.1:${await freePort()}`;
    await start('web', { WEB_PORT: new URL(bareWebUrl).port, API_URL: apiUrl }, `${bareWebUrl}/healthz`);

    const response = await fetch(`${bareWebUrl}/`);

    expect(response.status).toBe(502);
    expect(await response.text()).toContain('The api refused the web server');
  });

  // Last: it adds events the tests above do not expect.
  it('the generator feeds the secured api with the token of --token-file, over HTTP and over TCP', async () => {
    writeFileSync(join(folder, 'ingest-token'), `${ingestToken}\n`);
    const common = ['--rate', '0', '--count', '300', '--batch', '50', '--token-file', join(folder, 'ingest-token')];
    const http = await runGenerator(['--target', `${apiUrl}/api/v1/ingest`, '--producer', 'tokened-http', ...common]);
    const tcp = await runGenerator(['--target', `tcp://127.0.0.1:${tcpPort}`, '--producer', 'tokened-tcp', ...common]);

    expect([http.code, tcp.code]).toEqual([0, 0]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const producer of ['tokened-http', 'tokened-tcp']) {
      const stored = await fetch(`${apiUrl}/api/v1/producers/${producer}`, { headers: { authorization: `Bearer ${webToken}` } });
      expect(((await stored.json()) as { stored: number }).stored).toBe(300);
    }
  });
});

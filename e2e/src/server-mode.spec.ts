/**
 * Server mode for real: the built api as a process with CLICKHOUSE_URL pointing at a ClickHouse
 * HTTP interface (Logline's front over the real engine, tools/clickhouse-http — no ClickHouse server
 * can run here), then two api processes on that one engine, as replicas behind a load balancer,
 * evaluating the same alert rules, and two web processes with users, one on each api.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runGenerator, startApp, startClickHouseFront, waitForOk, type RunningProcess } from '@logline/testing';
import { createUserEntry } from './support/credentials';
import { openLiveTail, type LiveTail } from './support/live-tail';
import { until } from './support/until';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const USER = 'logline_api';
const PASSWORD = 'p4ss:word with spaces';
const WEB_PASSWORD = 'correct horse battery staple';
/** Sign-in attempts per user and address, and requests per user a minute, for every web replica together. */
const LOGIN_BUDGET = 4;
const REQUESTS_PER_MINUTE = 120;

interface StoredRow {
  producer_id: string;
  seq: number;
  message: string;
  id: string;
}

describe('server mode: the built api over ClickHouse HTTP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'logline-e2e-server-'));
  let frontPort: number;
  let front: RunningProcess;
  const apis: { process: RunningProcess; url: string }[] = [];
  const webs: { process: RunningProcess; url: string }[] = [];
  const rulesFile = join(dataDir, 'rules.yaml');
  let receiver: WebhookReceiver;

  async function startServerApi(password = PASSWORD): Promise<{ process: RunningProcess; url: string }> {
    const port = await freePort();
    const env = {
      API_PORT: String(port),
      INGEST_TCP_PORT: '0',
      SYSLOG_PORT: '0',
      CLICKHOUSE_URL: `http://127.0.0.1:${frontPort}`,
      CLICKHOUSE_USER: USER,
      CLICKHOUSE_PASSWORD: password,
      // The README's advice for server mode: another replica's inserts are invisible to this one's clock.
      TAIL_SAFETY_MS: '2000',
      TAIL_POLL_MS: '100',
      ALERT_RULES_FILE: rulesFile,
      ALERT_EVAL_SECONDS: '1',
    };
    return { process: startApp('api', [], env), url: `http://127.0.0.1:${port}` };
  }

  /** A web replica on `apiUrl`; every replica has the same users and session secret. */
  async function startWeb(apiUrl: string): Promise<{ process: RunningProcess; url: string }> {
    const port = await freePort();
    const env = {
      WEB_PORT: String(port),
      API_URL: apiUrl,
      WEB_USERS_FILE: join(dataDir, 'users.yaml'),
      WEB_SESSION_SECRET: 's'.repeat(40),
      WEB_LOGIN_MAX_FAILURES: String(LOGIN_BUDGET),
      WEB_RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE),
    };
    return { process: startApp('web', [], env), url: `http://127.0.0.1:${port}` };
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    writeFileSync(
      rulesFile,
      `receivers: [{ name: hook, type: webhook, url: "${receiver.url}" }]
rules: [{ name: checkout-errors, query: "source:checkout level:ERROR", window: 1h, threshold: 2, receivers: [hook] }]
`,
    );
    frontPort = await freePort();
    front = startClickHouseFront(dataDir, frontPort, { [USER]: PASSWORD });
    await waitForOk(`http://127.0.0.1:${frontPort}/ping`, front);
    // One at a time: the first applies the migrations, the second finds them applied.
    for (let k = 0; k < 2; k += 1) {
      const api = await startServerApi();
      apis.push(api);
      await waitForOk(`${api.url}/api/v1/health`, api.process);
    }
    const users = ['ada', 'lin', 'grace'].map((name) => `- ${createUserEntry(name, 'viewer', WEB_PASSWORD)}\n`);
    writeFileSync(join(dataDir, 'users.yaml'), users.join(''));
    for (const api of apis) {
      const web = await startWeb(api.url);
      webs.push(web);
      await waitForOk(`${web.url}/healthz`, web.process);
    }
  });

  afterAll(async () => {
    await Promise.all([...webs, ...apis].map((replica) => replica.process.stop()));
    await front?.stop();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
  /** Requests under `key` the web replicas have shared so far in this minute, read from ClickHouse. */
  const sharedHits = async (key: string): Promise<number> => {
    const query = `SELECT sum(hits) FROM logs.rate_limit_hits WHERE limiter = 'web' AND key = {key:String} AND window_start = toStartOfMinute(now64(3)) FORMAT TabSeparated`;
    const url = `http://127.0.0.1:${frontPort}/?param_key=${encodeURIComponent(key)}`;
    const response = await fetch(url, { method: 'POST', body: query, headers: { 'x-clickhouse-user': USER, 'x-clickhouse-key': PASSWORD } });
    return Number((await response.text()).trim());
  };
  const producerRows = (apiUrl: string, producer: string) =>
    getJson<{ rows: StoredRow[] }>(`${apiUrl}/api/v1/logs?producer_id=${producer}&order=asc&limit=10000`).then((page) => page.rows);

  it('reports server storage as healthy on both replicas', async () => {
    for (const api of apis) expect(await getJson(`${api.url}/api/v1/health`)).toMatchObject({ status: 'ok', storage: 'server' });
  });

  it('stores what the generator sends to replica A, and replica B reads exactly those events', async () => {
    const run = await runGenerator(['--target', `${apis[0].url}/api/v1/ingest`, '--count', '2000', '--rate', '0', '--batch', '200', '--producer', 'server-a', '--seed', '3']);
    expect(run.summaries).toEqual([{ producer_id: 'server-a', sent: 2000, acked: 2000, failed: 0, first_seq: 0, last_seq: 1999 }]);
    const viaA = await producerRows(apis[0].url, 'server-a');
    const viaB = await producerRows(apis[1].url, 'server-a');
    expect(viaB.map((row) => row.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, seq) => seq));
    expect(viaB).toEqual(viaA);
    expect(await getJson(`${apis[1].url}/api/v1/producers/server-a`)).toMatchObject({ stored: 2000, distinct_seq: 2000 });
  });

  it('streams an event ingested through either replica to the live tail of both, once each', async () => {
    const tails: LiveTail[] = await Promise.all(apis.map((api) => openLiveTail(`${api.url}/api/v1/tail?producer_id=server-live`)));
    try {
      // Both replicas share the load, as a balancer would spread it.
      for (let batch = 0; batch < 10; batch += 1) {
        const lines = Array.from({ length: 20 }, (_, k) => {
          const seq = batch * 20 + k;
          return JSON.stringify({ timestamp: new Date().toISOString(), level: 'info', message: `live ${seq}`, source: 'e2e', producer_id: 'server-live', seq });
        });
        const response = await fetch(`${apis[batch % 2].url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
        expect(await response.json()).toMatchObject({ accepted: 20, rejected: 0 });
      }
      for (const tail of tails) await until('200 rows in the live tail of both replicas', 20_000, () => (tail.rows.length >= 200 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const tail of tails) {
        expect(tail.rows.map((row) => row.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 200 }, (_, seq) => seq));
      }
    } finally {
      await Promise.all(tails.map((tail) => tail.close()));
    }
  });

  it('notifies a firing alert once although both replicas evaluate it every second, and both report it firing', async () => {
    const lines = [0, 1, 2].map((k) => JSON.stringify({ timestamp: new Date().toISOString(), level: 'error', message: `declined ${k}`, source: 'checkout' }));
    const response = await fetch(`${apis[0].url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
    expect(await response.json()).toMatchObject({ accepted: 3 });
    const states = async () => Promise.all(apis.map(async (api) => (await getJson<{ rules: { state: string }[] }>(`${api.url}/api/v1/alerts`)).rules[0].state));
    await until('the rule firing on both replicas', 20_000, async () => ((await states()).every((state) => state === 'firing') ? true : undefined));
    await until('the notification', 10_000, () => (receiver.received.length > 0 ? true : undefined));
    // Three more rounds on each replica.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.received.map(({ body }) => body)).toEqual([expect.objectContaining({ status: 'firing', rule: 'checkout-errors', count: 3 })]);
  });

  it('keeps a browser signed in from web A on web B, and signed out on B once it signs out on A', async () => {
    const cookie = await signInTo(webs[0].url, 'ada', WEB_PASSWORD);
    const pageOnB = await fetch(`${webs[1].url}/`, { headers: { cookie }, redirect: 'manual' });
    expect(pageOnB.status).toBe(200);
    expect(await pageOnB.text()).toContain('ada');

    const pageOnA = await (await fetch(`${webs[0].url}/`, { headers: { cookie }, redirect: 'manual' })).text();
    const signOut = await postForm(`${webs[0].url}/logout`, cookie, { _csrf: csrfOf(pageOnA) });
    expect([signOut.status, signOut.headers.get('location')]).toEqual([303, '/login?signed_out=1']);

    // Web B learns of the sign-out from the api within its refresh interval (2 s; more on a loaded machine).
    await until('web B refusing the signed-out session', 10_000, async () => {
      const response = await fetch(`${webs[1].url}/`, { headers: { cookie }, redirect: 'manual' });
      return response.status === 302 && response.headers.get('location') === '/login?next=%2F' ? true : undefined;
    });
    expect((await fetch(`${webs[0].url}/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(302);
  });

  it('locks a user at the budget of sign-in attempts when the guesses are spread over web A and web B, not at twice it', async () => {
    const guess = async (web: { url: string }, password: string) => {
      const form = await fetch(`${web.url}/login`);
      return (await postForm(`${web.url}/login`, sessionCookieOf(form), { _csrf: csrfOf(await form.text()), username: 'lin', password, next: '/' })).status;
    };
    const statuses = [];
    for (let k = 0; k < LOGIN_BUDGET; k += 1) statuses.push(await guess(webs[k % 2], `guess ${k}`));

    // The attempt that uses the budget up is still checked, and answered with the lock.
    expect(statuses).toEqual([...Array(LOGIN_BUDGET - 1).fill(401), 429]);
    expect(await guess(webs[0], WEB_PASSWORD)).toBe(429);
    expect(await guess(webs[1], WEB_PASSWORD)).toBe(429);
  });

  it('limits requests per user across web A and web B together, once each replica has exchanged its counts', async () => {
    // Requests count in fixed minutes: start with room to finish within this one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
    const cookie = await signInTo(webs[0].url, 'grace', WEB_PASSWORD);
    // A signed-in user asking for the sign-in page is sent on: the cheapest counted request.
    const request = (web: { url: string }) => fetch(`${web.url}/login`, { headers: { cookie }, redirect: 'manual' }).then((response) => response.status);
    const onA = 70;
    for (let k = 0; k < onA; k += 1) expect(await request(webs[0])).toBe(303);
    await until("web A's requests shared", 10_000, async () => ((await sharedHits('user grace')) === onA ? true : undefined));
    expect(await request(webs[1])).toBe(303);
    // Web B's report carries its request, and the same exchange read web A's.
    await until("web B's request shared", 10_000, async () => ((await sharedHits('user grace')) === onA + 1 ? true : undefined));

    const onB = [];
    for (let k = 0; k < REQUESTS_PER_MINUTE - onA; k += 1) onB.push(await request(webs[1]));
    expect(onB.filter((status) => status === 303).length).toBe(REQUESTS_PER_MINUTE - onA - 1);
    expect(onB.at(-1)).toBe(429);
  });

  it('answers 503 with Retry-After while the ClickHouse server is down, and recovers when it is back', async () => {
    expect(await front.stop()).toBe(0);
    expect((await fetch(`${apis[0].url}/api/v1/health`)).status).toBe(503);
    const search = await fetch(`${apis[0].url}/api/v1/logs`);
    expect([search.status, search.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await search.json()).toMatchObject({ message: 'storage is unavailable: the ClickHouse server cannot be reached' });
    const line = JSON.stringify({ timestamp: new Date().toISOString(), level: 'info', message: 'while down', source: 'e2e' });
    const ingest = await fetch(`${apis[1].url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: line });
    expect([ingest.status, ingest.headers.get('retry-after')]).toEqual([503, '5']);
    front = startClickHouseFront(dataDir, frontPort, { [USER]: PASSWORD });
    await waitForOk(`http://127.0.0.1:${frontPort}/ping`, front);
    await waitForOk(`${apis[0].url}/api/v1/health`, apis[0].process);
    expect(await getJson(`${apis[1].url}/api/v1/producers/server-a`)).toMatchObject({ stored: 2000 });
  });

  it('refuses to start with a wrong ClickHouse password, saying why', async () => {
    const intruder = await startServerApi('wrong');
    expect(await intruder.process.exited).toBe(1);
    expect(intruder.process.output()).toMatch(/Authentication failed: password is incorrect/);
  });
});

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF token in:\n${html}`);
  return token;
}

/** The session cookie a response sets, as a Cookie header sends it back. */
function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('logline_session='));
  if (!cookie) throw new Error(`no session cookie in the answer (HTTP ${response.status})`);
  return cookie.split(';')[0];
}

function postForm(url: string, cookie: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
}

/** Signs in through the sign-in form as a browser does: its anonymous session first, then the form. */
async function signInTo(webUrl: string, username: string, password: string): Promise<string> {
  const form = await fetch(`${webUrl}/login`);
  const answer = await postForm(`${webUrl}/login`, sessionCookieOf(form), { _csrf: csrfOf(await form.text()), username, password, next: '/' });
  if (answer.status !== 303) throw new Error(`sign-in answered HTTP ${answer.status}`);
  return sessionCookieOf(answer);
}

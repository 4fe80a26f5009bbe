/**
 * Alert rules evaluated over the real embedded engine: states, notifications to real local
 * webhook receivers (exactly once per firing and per resolution, retried when the receiver is
 * busy), GET /api/v1/alerts and the firing gauge.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebhookReceiver, type WebhookReceiver } from './alerts-webhook-receiver';
import { startTestApi, type TestApi } from './test-app';

// Wide enough that ingest and two evaluation rounds fit inside it on a starved CI machine (the
// burst is stamped just before them), short enough that waiting for the resolution stays cheap.
const WINDOW_MS = 8_000;

/** Polls until `done` holds (a notification's outcome is recorded just after the receiver answers). */
async function until(done: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function rulesFile(receiver: WebhookReceiver): string {
  return `
receivers:
  - { name: hook, type: webhook, url: "${receiver.url('/hook')}" }
  - { name: slack, type: slack, url: "${receiver.url('/slack')}" }
  - { name: flaky, type: webhook, url: "${receiver.url('/flaky')}" }
  - { name: refusing, type: webhook, url: "${receiver.url('/refusing')}" }
rules:
  - { name: burst, query: "level:CRITICAL source:payment", window: 8s, threshold: 5, severity: critical, receivers: [hook, slack] }
  - { name: silent, query: "source:billing", absent: true, window: 1h, receivers: [hook] }
  - { name: slow-burn, query: "level:ERROR source:search", window: 1h, threshold: 0, for: 1h, receivers: [] }
  - { name: flaky-rule, query: "source:flaky", window: 1h, threshold: 0, receivers: [flaky] }
  - { name: refused-rule, query: "source:refused", window: 1h, threshold: 0, receivers: [refusing] }
`;
}

describe('alert rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logline-alerts-'));
  let receiver: WebhookReceiver;
  let api: TestApi;

  beforeAll(async () => {
    // /flaky is busy twice before it takes a notification; /refusing never takes one.
    receiver = await startWebhookReceiver((path, n) => (path === '/flaky' && n < 2 ? 503 : path === '/refusing' ? 400 : 200));
    writeFileSync(join(dir, 'rules.yaml'), rulesFile(receiver));
    api = await startTestApi({ ALERT_RULES_FILE: join(dir, 'rules.yaml'), ALERT_EVAL_SECONDS: '2', ALERT_WEBHOOK_RETRIES: '3' });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (events: object[]) => {
    const payload = events.map((event) => JSON.stringify(event)).join('\n');
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload });
    expect(response.json()).toMatchObject({ accepted: events.length });
  };
  const events = (count: number, fields: object, timestampMs = Date.now()) =>
    Array.from({ length: count }, (_, i) => ({ timestamp: new Date(timestampMs).toISOString(), message: `event ${i}`, source: 'auth', level: 'INFO', ...fields }));
  const alerts = async (query = '') => (await api.app.inject({ url: `/api/v1/alerts${query}` })).json();
  const rule = async (name: string) => (await alerts()).rules.find((view: { name: string }) => view.name === name);
  const firingGauge = async (name: string) => {
    const text = (await api.app.inject({ url: '/metrics' })).body;
    return Number(new RegExp(`^logline_alert_firing\\{rule="${name}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
  };
  const bodiesFor = (path: string, name: string) => receiver.delivered(path).filter((body) => JSON.stringify(body).includes(name));

  it('lists every rule of the file, inactive until evaluated', async () => {
    const list = await alerts();
    expect(list.evaluation_interval_seconds).toBe(2);
    expect(list.rules.map((view: { name: string }) => view.name)).toEqual(['burst', 'silent', 'slow-burn', 'flaky-rule', 'refused-rule']);
    expect(list.rules[0]).toEqual({
      name: 'burst',
      description: null,
      query: 'level:CRITICAL source:payment',
      saved_search: null,
      kind: 'threshold',
      condition: 'more than 5 in 8s',
      threshold: 5,
      window_seconds: 8,
      for_seconds: 0,
      severity: 'critical',
      labels: {},
      receivers: ['hook', 'slack'],
      state: 'inactive',
      since: expect.any(String),
      active_since: null,
      last_count: null,
      last_evaluation: null,
      last_error: null,
      last_notification: null,
    });
    expect(await firingGauge('burst')).toBe(0);
  });

  it('fires a threshold rule once when more than N events match in the window, and resolves it once', async () => {
    const burstAt = Date.now() - 500;
    await ingest([
      ...events(5, { level: 'CRITICAL', source: 'payment' }, burstAt),
      ...events(3, { level: 'ERROR', source: 'payment' }, burstAt),
      ...events(3, { level: 'CRITICAL', source: 'auth' }, burstAt),
    ]);
    await api.alerts.evaluate();
    expect(await rule('burst')).toMatchObject({ state: 'inactive', last_count: 5, last_evaluation: expect.any(String) });

    await ingest(events(1, { level: 'CRITICAL', source: 'payment' }, burstAt));
    await api.alerts.evaluate();
    await api.alerts.evaluate();
    // /hook has had the absence rule's firing (nothing from billing yet) and this one.
    await receiver.waitFor('/hook', 2);
    await receiver.waitFor('/slack', 1);
    expect(await rule('burst')).toMatchObject({ state: 'firing', last_count: 6, active_since: expect.any(String) });
    expect(await firingGauge('burst')).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, burstAt + WINDOW_MS + 100 - Date.now()));
    await api.alerts.evaluate();
    await api.alerts.evaluate();
    await receiver.waitFor('/slack', 2);
    await receiver.waitFor('/hook', 3);
    expect(receiver.requests.every((request) => request.contentType === 'application/json')).toBe(true);
    expect(bodiesFor('/hook', '"burst"')).toEqual([
      expect.objectContaining({ version: 1, status: 'firing', rule: 'burst', count: 6, threshold: 5, window_seconds: 8, ends_at: null }),
      expect.objectContaining({ status: 'resolved', rule: 'burst', count: 0, ends_at: expect.any(String) }),
    ]);
    const slack = receiver.delivered('/slack') as { text: string }[];
    expect(slack.map((body) => body.text.split('\n')[0])).toEqual([
      ':rotating_light: *[FIRING] burst* (critical)',
      ':white_check_mark: *[RESOLVED] burst* (critical)',
    ]);
    expect(await rule('burst')).toMatchObject({ state: 'resolved', last_count: 0, last_notification: { status: 'resolved', outcome: 'delivered' } });
    expect(await firingGauge('burst')).toBe(0);
  });

  it('fires an absence rule while nothing matches, and resolves it when an event arrives', async () => {
    expect(await rule('silent')).toMatchObject({ state: 'firing', kind: 'absent', condition: 'none in 1h', last_count: 0 });
    await ingest(events(1, { source: 'billing' }));
    await api.alerts.evaluate();
    // /hook has had: silent firing, burst firing, burst resolved, and now silent resolved.
    await receiver.waitFor('/hook', 4);
    expect(bodiesFor('/hook', '"silent"').map((body) => (body as { status: string }).status)).toEqual(['firing', 'resolved']);
    expect(await rule('silent')).toMatchObject({ state: 'resolved', last_count: 1 });
  });

  it('keeps a rule with `for` pending until the condition has held that long', async () => {
    await ingest(events(1, { level: 'ERROR', source: 'search' }));
    await api.alerts.evaluate();
    expect(await rule('slow-burn')).toMatchObject({ state: 'pending', for_seconds: 3600, active_since: expect.any(String), last_notification: null });
    expect(await firingGauge('slow-burn')).toBe(0);
    expect((await alerts('?state=pending')).rules.map((view: { name: string }) => view.name)).toEqual(['slow-burn']);
  });

  it('retries a busy receiver until it takes the notification, and reports a refusing one', async () => {
    await ingest([...events(1, { source: 'flaky' }), ...events(1, { source: 'refused' })]);
    await api.alerts.evaluate();
    expect((await receiver.waitFor('/flaky', 3)).map((request) => request.status)).toEqual([503, 503, 200]);
    await receiver.waitFor('/refusing', 1);
    await until(async () => (await rule('flaky-rule')).last_notification?.outcome !== 'sending');
    await until(async () => (await rule('refused-rule')).last_notification?.outcome !== 'sending');
    expect((await rule('flaky-rule')).last_notification).toMatchObject({
      status: 'firing',
      outcome: 'delivered',
      deliveries: [{ receiver: 'flaky', delivered: true, status: 200, error: null }],
    });
    expect((await rule('refused-rule')).last_notification).toMatchObject({
      outcome: 'failed',
      deliveries: [{ receiver: 'refusing', delivered: false, status: 400, error: 'answered HTTP 400' }],
    });
    expect(receiver.requests.filter((request) => request.path === '/refusing')).toHaveLength(1);
    const text = (await api.app.inject({ url: '/metrics' })).body;
    expect(text).toContain('logline_alert_notifications_total{receiver="refusing",outcome="failed"} 1');
    expect(text).toContain('logline_alert_notifications_total{receiver="flaky",outcome="delivered"} 1');
  });
});

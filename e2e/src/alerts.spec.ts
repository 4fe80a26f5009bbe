/**
 * Alerting end to end with real processes: the built api evaluates a rules file, the built
 * generator sends a burst of CRITICAL payment events, and a local webhook receiver must get
 * exactly one firing notification within one evaluation interval, then exactly one resolution.
 * The web app's Alerts page shows the rule firing and its Dashboard counts it. Also: promtool
 * accepts the api's, the web's and the generator's /metrics while this runs, the api
 * refuses to start with a broken rules file (as `main.js check-alerts` reports), and it stops
 * cleanly while evaluating.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMetrics } from '@logline/test-tools';
import { freePort, runGenerator, startApp, waitForOk, WORKSPACE_ROOT, type RunningProcess } from '@logline/testing';
import { until } from './support/until';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const EVAL_SECONDS = 2;
const WINDOW_SECONDS = 15;
const RULE = 'payment-critical-burst';

interface Notice {
  status: 'firing' | 'resolved';
  rule: string;
  count: number;
}

describe('alert rules, end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logline-e2e-alerts-'));
  let receiver: WebhookReceiver;
  let api: RunningProcess;
  let apiUrl: string;
  let web: RunningProcess;
  let webUrl: string;
  /** Stopped by the test; afterAll stops it too when an expectation failed first. */
  let background: RunningProcess | undefined;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    writeFileSync(
      join(dir, 'rules.yaml'),
      `receivers:\n  - { name: test-receiver, type: webhook, url: "${receiver.url}" }\n` +
        `rules:\n  - { name: ${RULE}, query: "level:CRITICAL source:payment", window: ${WINDOW_SECONDS}s, threshold: 5, severity: critical }\n`,
    );
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = startApp('api', [], {
      API_PORT: String(port),
      INGEST_TCP_PORT: '0',
      SYSLOG_PORT: '0',
      LOGLINE_DATA_DIR: join(dir, 'data'),
      ALERT_RULES_FILE: join(dir, 'rules.yaml'),
      ALERT_EVAL_SECONDS: String(EVAL_SECONDS),
    });
    await waitForOk(`${apiUrl}/api/v1/health`, api);
    const webPort = await freePort();
    webUrl = `http://127.0.0.1:${webPort}`;
    web = startApp('web', [], { WEB_PORT: String(webPort), API_URL: apiUrl });
    await waitForOk(`${webUrl}/healthz`, web);
  });

  afterAll(async () => {
    await background?.stop();
    await web?.stop();
    await api?.stop();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ruleView = async () => {
    const list = (await (await fetch(`${apiUrl}/api/v1/alerts`)).json()) as { rules: { name: string; last_evaluation: string | null }[] };
    return list.rules.find((rule) => rule.name === RULE);
  };
  const notices = () => receiver.received.map((received) => received.body as Notice);

  it('refuses to start with a broken rules file, naming the rule and the field; check-alerts says the same', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'rules:\n  - { name: noisy, query: "level:LOUD", window: 1m, threshold: 5 }\n');
    const problem = "rule 'noisy' (rules[0]): query: unknown level 'LOUD'";
    const broken = startApp('api', [], { API_PORT: '0', INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOGLINE_DATA_DIR: join(dir, 'unused'), ALERT_RULES_FILE: file });
    expect(await broken.exited).not.toBe(0);
    expect(broken.output()).toContain(problem);

    const check = startApp('api', ['check-alerts', file], {});
    expect(await check.exited).toBe(2);
    expect(check.output()).toContain(problem);
    const example = startApp('api', ['check-alerts', join(WORKSPACE_ROOT, 'config', 'alert-rules.example.yaml')], {});
    expect(await example.exited).toBe(0);
    expect(example.output()).toMatch(/alert-rules\.example\.yaml: 4 rules, 2 receivers: ok/);
  });

  it('notifies exactly one firing within one evaluation interval of a burst, and later exactly one resolution', async () => {
    await until('first evaluation', 10_000, async () => ((await ruleView())?.last_evaluation ? true : undefined));
    expect(await ruleView()).toMatchObject({ state: 'inactive', last_count: 0 });

    // Background traffic that does not match the rule, with the generator's metrics served.
    const generator = startApp(
      'generator',
      ['--target', `${apiUrl}/api/v1/ingest`, '--rate', '20', '--sources', 'auth,search', '--metrics-port', '0', '--producer', 'e2e-background'],
      {},
    );
    background = generator;
    const metricsUrl = await until('generator metrics URL', 10_000, () => /metrics on (http:\S+)/.exec(generator.output())?.[1]);

    const burst = await runGenerator(
      ['--target', `${apiUrl}/api/v1/ingest`, '--levels', 'CRITICAL', '--sources', 'payment', '--count', '12', '--rate', '0', '--producer', 'e2e-burst'],
    );
    const storedAtMs = Date.now();
    expect(burst.code).toBe(0);
    expect(burst.summaries[0]).toMatchObject({ acked: 12, failed: 0 });

    await until('the firing notification', (EVAL_SECONDS + 3) * 1000, () => (receiver.received.length > 0 ? true : undefined));
    // Acknowledged means stored, so the next evaluation (at most one interval away) sees the burst.
    expect(receiver.received[0].atMs - storedAtMs).toBeLessThanOrEqual(EVAL_SECONDS * 1000 + 1000);
    expect(notices()).toEqual([expect.objectContaining({ version: 1, status: 'firing', rule: RULE, count: 12, threshold: 5, window_seconds: WINDOW_SECONDS })]);

    const apiMetrics = await (await fetch(`${apiUrl}/metrics`)).text();
    expect(apiMetrics).toContain(`logline_alert_firing{rule="${RULE}"} 1`);
    expect(checkMetrics(apiMetrics)).toEqual({ code: 0, output: '' });
    const generatorMetrics = await (await fetch(metricsUrl)).text();
    expect(generatorMetrics).toMatch(/^logline_generator_events_acked_total [1-9]\d*$/m);
    expect(checkMetrics(generatorMetrics)).toEqual({ code: 0, output: '' });
    expect(await generator.stop()).toBe(0);

    // The web app shows it: the Alerts page lists the rule as firing, the Dashboard counts it.
    const alertsPage = await (await fetch(`${webUrl}/alerts`)).text();
    expect(alertsPage).toContain(`<tr data-rule="${RULE}" data-state="firing">`);
    const dashboard = await (await fetch(`${webUrl}/dashboard?range=15m`)).text();
    expect(dashboard).toMatch(/<span class="stat-label">Alerts firing<\/span><strong class="stat-value">1<\/strong>/);
    expect(dashboard).toMatch(/<span class="share-label">payment<\/span>/);
    const webMetrics = await (await fetch(`${webUrl}/metrics`)).text();
    expect(webMetrics).toContain('logline_web_http_request_duration_seconds_count{method="GET",route="/alerts",status_code="200"} 1');
    expect(checkMetrics(webMetrics)).toEqual({ code: 0, output: '' });

    // The burst leaves the window WINDOW_SECONDS after it was stamped; the next evaluation resolves.
    await until('the resolved notification', (WINDOW_SECONDS + 2 * EVAL_SECONDS + 3) * 1000, () => (receiver.received.length > 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 2 * EVAL_SECONDS * 1000));
    expect(notices()).toEqual([
      expect.objectContaining({ status: 'firing', rule: RULE }),
      expect.objectContaining({ status: 'resolved', rule: RULE, count: 0, ends_at: expect.any(String) }),
    ]);
    expect(await ruleView()).toMatchObject({ state: 'resolved', last_notification: { outcome: 'delivered' } });
    expect(await (await fetch(`${apiUrl}/metrics`)).text()).toContain(`logline_alert_firing{rule="${RULE}"} 0`);
  });

  it('stops cleanly (exit 0) on SIGINT while evaluating rules', async () => {
    expect(await api.stop()).toBe(0);
  });
});

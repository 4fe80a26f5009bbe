/**
 * Alert rules evaluated by two api replicas sharing one database (the real embedded engine,
 * each replica with its own Store and evaluator, as two processes on one server have): a
 * firing and its resolution are each notified once between them, and a restarted replica goes
 * on from the recorded state instead of announcing a firing alert again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadAlertRules } from '../src/alerts/load-alert-rules';
import { TokenStore } from '../src/auth/token-store';
import { createApiServices } from '../src/services';
import { startWebhookReceiver, type WebhookReceiver } from './alerts-webhook-receiver';
import { startTestApi, type TestApi } from './test-app';

describe('alert rules on two api replicas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logline-alert-replicas-'));
  let receiver: WebhookReceiver;
  let replicas: TestApi[];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    writeFileSync(
      join(dir, 'rules.yaml'),
      `receivers: [{ name: hook, type: webhook, url: "${receiver.url('/hook')}" }]
rules: [{ name: errors, query: "level:ERROR source:checkout", window: 1h, threshold: 2, receivers: [hook] }]
`,
    );
    const env = { ALERT_RULES_FILE: join(dir, 'rules.yaml') };
    const first = await startTestApi(env);
    // The second opens the same database (the worker's engine), as a second process would.
    replicas = [first, await startTestApi(env)];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const evaluateTogether = () => Promise.all(replicas.map((replica) => replica.alerts.evaluate()));
  const stateOn = (replica: TestApi) => replica.alerts.list()[0].phase.state;
  const ingestVia = async (replica: TestApi, level: string, count: number) => {
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ timestamp: new Date().toISOString(), message: `checkout ${i}`, source: 'checkout', level }));
    const response = await replica.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
    expect(response.json()).toMatchObject({ accepted: count });
  };

  it('notifies a firing once when both replicas see it in the same round, and both report it firing', async () => {
    await ingestVia(replicas[0], 'ERROR', 3);
    await evaluateTogether();
    await receiver.waitFor('/hook', 1);
    await evaluateTogether();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.delivered('/hook')).toEqual([expect.objectContaining({ status: 'firing', rule: 'errors', count: 3 })]);
    expect(replicas.map(stateOn)).toEqual(['firing', 'firing']);
  });

  it('goes on from the recorded state after a restart: no second firing, and the resolution is sent once', async () => {
    const [, second] = replicas;
    // The restarted replica: new services (a new store, evaluator and replica id) over the same
    // database; the old evaluator is never called again, as if its process had ended.
    const restarted = createApiServices(second.config, second.storage, pino({ level: 'silent' }), {
      tokens: new TokenStore([]),
      alertRules: loadAlertRules(second.config.alerts.rulesFile),
    });
    replicas[1] = { ...second, alerts: restarted.alerts, close: () => restarted.close(async () => undefined).then(second.close) };
    await replicas[1].alerts.evaluate();
    expect(stateOn(replicas[1])).toBe('firing');

    await replicas[0].storage.writer.command({ query: "ALTER TABLE logs.application_logs DELETE WHERE source = 'checkout' SETTINGS mutations_sync = 1" });
    await evaluateTogether();
    await receiver.waitFor('/hook', 2);
    await evaluateTogether();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.delivered('/hook').map((body) => (body as { status: string }).status)).toEqual(['firing', 'resolved']);
    expect(replicas.map(stateOn)).toEqual(['resolved', 'resolved']);
  });
});

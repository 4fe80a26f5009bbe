/**
 * New-pattern alert rules over the real embedded engine: a rule fires when a pattern never stored
 * before its window appears at or above its level, and not for a known pattern's new variant or a
 * quieter level; the notification goes out as any rule's does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivePattern } from '@logline/log-patterns';
import { startWebhookReceiver, type WebhookReceiver } from './alerts-webhook-receiver';
import { startTestApi, type TestApi } from './test-app';

const KNOWN = 'Failed password for root from 10.0.0.7 port 4711 ssh2';
/** Another stored template (the masker keeps user names), which the Patterns view lists under the known one. */
const VARIANT = 'Failed password for admin from 10.9.8.7 port 52011 ssh2';

describe('new-pattern alert rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logline-new-pattern-'));
  let receiver: WebhookReceiver;
  let api: TestApi;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    writeFileSync(
      join(dir, 'rules.yaml'),
      `
receivers:
  - { name: hook, type: webhook, url: "${receiver.url('/hook')}" }
rules:
  - { name: new-errors, new_pattern: true, min_level: error, window: 1h, severity: critical }
  - { name: new-in-billing, new_pattern: true, query: "source:billing", window: 1h }
  - { name: failed-passwords, query: "pattern:${derivePattern(KNOWN).patternId}", window: 1h, threshold: 2, receivers: [] }
`,
    );
    api = await startTestApi({ ALERT_RULES_FILE: join(dir, 'rules.yaml'), ALERT_EVAL_SECONDS: '60' });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (events: { message: string; level: string; source?: string }[]) => {
    const payload = events.map((event) => JSON.stringify({ timestamp: new Date().toISOString(), source: 'auth', ...event })).join('\n');
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload });
    expect(response.json()).toMatchObject({ accepted: events.length });
  };
  const rule = async (name: string) => (await api.app.inject({ url: '/api/v1/alerts' })).json().rules.find((view: { name: string }) => view.name === name);

  it('describes the rule kind and its level', async () => {
    expect(await rule('new-errors')).toMatchObject({ kind: 'new_pattern', query: '', condition: 'a new pattern at ERROR or above in 1h', threshold: null });
  });

  it("stays quiet for patterns stored before the window, a known pattern's variant, and quieter levels", async () => {
    // Stored two hours ago by another writer (as Vector writes: no pattern_id, the column's default gives it).
    await api.storage.writer.command({
      query: `INSERT INTO logs.application_logs (timestamp, log_level, message, source, ingested_at)
              VALUES (now64(3) - INTERVAL 2 HOUR, 'ERROR', '${KNOWN}', 'auth', now64(3) - INTERVAL 2 HOUR)`,
    });
    expect(derivePattern(VARIANT).patternId).not.toBe(derivePattern(KNOWN).patternId);
    await ingest([
      { message: VARIANT, level: 'error' },
      { message: 'cache warmed in 32 ms', level: 'info' },
    ]);
    await api.alerts.evaluate();
    expect(await rule('new-errors')).toMatchObject({ state: 'inactive', last_count: 0, last_error: null });
  });

  it('fires once when a pattern never seen before appears at the level, and notifies the receiver', async () => {
    await ingest([{ message: 'disk sda1 at 91% full', level: 'critical' }]);
    await api.alerts.evaluate();
    expect(await rule('new-errors')).toMatchObject({ state: 'firing', last_count: 1 });
    expect(await rule('new-in-billing')).toMatchObject({ state: 'inactive', last_count: 0 });
    const [firing] = await receiver.waitFor('/hook', 1);
    expect(firing.body).toMatchObject({ status: 'firing', rule: 'new-errors', count: 1, condition: 'a new pattern at ERROR or above in 1h' });
  });

  it('watches only the events its query matches', async () => {
    await ingest([{ message: 'invoice 7781 sent to bob', level: 'info', source: 'billing' }]);
    await api.alerts.evaluate();
    expect(await rule('new-in-billing')).toMatchObject({ state: 'firing', last_count: 1 });
  });

  it('counts the events of a pattern named with `pattern:` in a threshold rule', async () => {
    await ingest([KNOWN, KNOWN, KNOWN].map((message) => ({ message, level: 'warning' })));
    await api.alerts.evaluate();
    // The variant (another stored template) is not this stored pattern's: three events, not four.
    expect(await rule('failed-passwords')).toMatchObject({ state: 'firing', last_count: 3, last_error: null });
  });
});

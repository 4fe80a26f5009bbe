/** An alert rule that names a saved search counts what that search selects now, by name. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './test-app';

describe('alert rules over a saved search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logline-saved-alerts-'));
  let api: TestApi;

  beforeAll(async () => {
    writeFileSync(join(dir, 'rules.yaml'), 'rules:\n  - { name: payment-errors, saved_search: "Payment errors", window: 1h, threshold: 2 }\n');
    api = await startTestApi({ ALERT_RULES_FILE: join(dir, 'rules.yaml') });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rule = async () => (await api.app.inject({ url: '/api/v1/alerts' })).json().rules[0];
  const ingest = async (events: object[]) => {
    const payload = events.map((event) => JSON.stringify({ timestamp: new Date().toISOString(), message: 'charge failed', ...event })).join('\n');
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload });
    expect(response.json()).toMatchObject({ accepted: events.length });
  };

  it('says the saved search is missing, then counts its events once saved, in the rule window rather than the view range', async () => {
    await api.alerts.evaluate();
    expect(await rule()).toMatchObject({
      query: 'saved search "Payment errors"',
      saved_search: 'Payment errors',
      state: 'inactive',
      last_count: null,
      last_error: 'no saved search named "Payment errors": it was renamed or deleted, or never saved',
    });

    await ingest([
      ...Array.from({ length: 3 }, () => ({ level: 'ERROR', source: 'payment', host: 'web-1' })),
      { level: 'ERROR', source: 'payment', host: 'web-2', message: 'charge retried' },
      { level: 'INFO', source: 'payment', host: 'web-1' },
      { level: 'ERROR', source: 'auth', host: 'web-1' },
    ]);
    // The view's 1s range has passed by evaluation time; the rule's hour still holds the events.
    const view = { q: 'failed | stats count() by host', level: ['error'], source: ['payment'], from: '1s' };
    const saved = await api.app.inject({ method: 'POST', url: '/api/v1/saved-searches', payload: { name: 'Payment errors', view } });
    expect(saved.statusCode).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await api.alerts.evaluate();
    expect(await rule()).toMatchObject({ state: 'firing', last_count: 3, last_error: null });

    await api.app.inject({ method: 'PATCH', url: `/api/v1/saved-searches/${saved.json().id}`, payload: { name: 'Card errors' } });
    await api.alerts.evaluate();
    expect(await rule()).toMatchObject({ state: 'firing', last_count: 3, last_error: expect.stringMatching(/^no saved search named "Payment errors"/) });
  });
});

import type { AlertRuleView } from '@logline/api-contract';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { startContractApi, unusedAddress, type ContractApi } from '../../../test/api-contract-server';

type App = Awaited<ReturnType<typeof buildApp>>;

const firing: AlertRuleView = {
  name: 'payment-critical-burst',
  description: '<b>payments</b> on fire',
  query: 'level:CRITICAL source:payment',
  saved_search: null,
  kind: 'threshold',
  condition: 'more than 5 in 1m',
  threshold: 5,
  window_seconds: 60,
  for_seconds: 0,
  severity: 'critical',
  labels: { team: 'payments' },
  receivers: ['hook'],
  state: 'firing',
  since: '2026-11-28T17:00:03.000Z',
  active_since: '2026-11-28T17:00:03.000Z',
  last_count: 12,
  last_evaluation: '2026-11-28T17:00:18.000Z',
  last_error: null,
  last_notification: { status: 'firing', at: '2026-11-28T17:00:03.100Z', outcome: 'delivered', deliveries: [] },
};

describe('GET /alerts', () => {
  let api: ContractApi;
  let app: App;

  beforeAll(async () => {
    api = await startContractApi({ status: 200, body: { evaluation_interval_seconds: 15, rules: [firing] } });
    app = await buildApp(loadConfig({ API_URL: api.url, API_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await app.close();
    await api.close();
  });

  it("lists the api's rules with their state, count and a link to what they count", async () => {
    const response = await app.inject('/alerts');
    expect(response.statusCode).toBe(200);
    expect(api.requests.at(-1)?.pathname).toBe('/api/v1/alerts');
    expect(response.body).toContain('<tr data-rule="payment-critical-burst" data-state="firing">');
    expect(response.body).toContain('<span class="alert-state alert-state-firing">firing</span>');
    expect(response.body).toContain('href="/?q&#x3D;level%3ACRITICAL+source%3Apayment&amp;from&#x3D;60s');
    expect(response.body).toContain('&lt;b&gt;payments&lt;/b&gt; on fire');
    expect(response.body).toContain('data-refresh-url="/partials/alerts"');
  });

  it('serves the table alone as the fragment the page refreshes', async () => {
    const response = await app.inject('/partials/alerts');
    expect(response.statusCode).toBe(200);
    expect(response.body.trimStart()).toMatch(/^<div id="alerts-panel">/);
    expect(response.body).not.toContain('<html');
  });

  it('explains how to add rules when there are none', async () => {
    api.answerWith({ status: 200, body: { evaluation_interval_seconds: 15, rules: [] } });
    const response = await app.inject('/alerts');
    expect(response.body).toContain('No alert rules.');
    expect(response.body).toContain('ALERT_RULES_FILE');
  });

  it('shows the bad-gateway page when the api is down', async () => {
    const down = await buildApp(loadConfig({ API_URL: await unusedAddress(), API_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' }));
    const response = await down.inject('/alerts');
    await down.close();
    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('API');
  });
});

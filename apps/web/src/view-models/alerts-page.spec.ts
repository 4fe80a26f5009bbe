import type { AlertRuleView } from '@logline/api-contract';
import { buildAlertsPage } from './alerts-page';

function rule(overrides: Partial<AlertRuleView>): AlertRuleView {
  return {
    name: 'r',
    description: null,
    query: 'level:ERROR',
    saved_search: null,
    kind: 'threshold',
    condition: 'more than 5 in 1m',
    threshold: 5,
    window_seconds: 60,
    for_seconds: 0,
    severity: 'warning',
    labels: {},
    receivers: [],
    state: 'inactive',
    since: '2026-11-28T17:00:00.000Z',
    active_since: null,
    last_count: 0,
    last_evaluation: '2026-11-28T17:01:00.000Z',
    last_error: null,
    last_notification: null,
    ...overrides,
  };
}

describe('buildAlertsPage', () => {
  it('puts firing rules first, then pending, resolved and inactive, and counts each state', () => {
    const page = buildAlertsPage({
      evaluation_interval_seconds: 15,
      rules: [rule({ name: 'quiet' }), rule({ name: 'burst', state: 'firing' }), rule({ name: 'slow', state: 'pending' })],
    });
    expect(page.rows.map((row) => row.name)).toEqual(['burst', 'slow', 'quiet']);
    expect(page.summary).toBe('1 firing · 1 pending · 1 inactive');
    expect(page.intervalText).toBe('evaluated every 15 s');
  });

  it('links each rule to the explorer over its window, and shows its notification and error', () => {
    const [row] = buildAlertsPage({
      evaluation_interval_seconds: 60,
      rules: [
        rule({
          query: 'level:CRITICAL source:payment',
          window_seconds: 300,
          for_seconds: 120,
          state: 'firing',
          active_since: '2026-11-28T17:02:03.000Z',
          last_count: 1234,
          last_error: 'timeout',
          labels: { team: 'payments' },
          last_notification: { status: 'firing', at: '2026-11-28T17:04:03.000Z', outcome: 'failed', deliveries: [] },
        }),
      ],
    }).rows;
    expect(row.explorerHref).toBe('/?q=level%3ACRITICAL+source%3Apayment&from=300s&limit=100&order=desc');
    expect(row).toMatchObject({
      forText: 'for 2 min',
      lastCount: '1,234',
      since: '2026-11-28 17:02:03',
      error: 'timeout',
      notification: 'firing · failed · 2026-11-28 17:04:03',
      notificationClass: 'notice-failed',
      labels: 'team=payments',
      stateClass: 'alert-state alert-state-firing',
    });
  });

  it('says so when the api has no rules', () => {
    expect(buildAlertsPage({ evaluation_interval_seconds: 15, rules: [] })).toMatchObject({ configured: false, rows: [] });
  });
});

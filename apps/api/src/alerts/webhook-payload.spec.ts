import type { AlertRule } from './alert-rule';
import { genericPayload, slackText } from './webhook-payload';

const rule: AlertRule = {
  name: 'payment-critical-burst',
  description: 'Payments <failing> & retrying',
  search: { kind: 'query', query: 'level:CRITICAL source:payment', filters: {} },
  condition: { kind: 'threshold', threshold: 5 },
  windowMs: 60_000,
  forMs: 0,
  severity: 'critical',
  labels: { team: 'payments' },
  receivers: ['ops'],
};
const T = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('webhook payloads', () => {
  it('generic JSON: the documented fields, with ends_at null while firing', () => {
    expect(genericPayload({ status: 'firing', rule, count: 12, startsAtMs: T })).toEqual({
      version: 1,
      status: 'firing',
      rule: 'payment-critical-burst',
      description: 'Payments <failing> & retrying',
      severity: 'critical',
      labels: { team: 'payments' },
      query: 'level:CRITICAL source:payment',
      condition: 'more than 5 in 1m',
      threshold: 5,
      window_seconds: 60,
      count: 12,
      starts_at: '2026-01-02T03:04:05.000Z',
      ends_at: null,
    });
    const resolved = genericPayload({ status: 'resolved', rule: { ...rule, condition: { kind: 'absent' } }, count: 0, startsAtMs: T, endsAtMs: T + 90_000 });
    expect(resolved).toMatchObject({ status: 'resolved', condition: 'none in 1m', threshold: null, ends_at: '2026-01-02T03:05:35.000Z' });
  });

  it("Slack text: the state, the rule, the count and query, Slack's three markup characters escaped", () => {
    expect(slackText({ status: 'firing', rule, count: 12, startsAtMs: T })).toBe(
      ':rotating_light: *[FIRING] payment-critical-burst* (critical)\n' +
        '12 events matching `level:CRITICAL source:payment` in the last 1m (alerts on more than 5 in 1m).\n' +
        'Payments &lt;failing&gt; &amp; retrying\n' +
        'Since 2026-01-02T03:04:05.000Z.',
    );
    expect(slackText({ status: 'resolved', rule, count: 1, startsAtMs: T, endsAtMs: T + 60_000 })).toMatch(
      /^:white_check_mark: \*\[RESOLVED\] payment-critical-burst\* \(critical\)\n1 event matching .*\nFrom 2026-01-02T03:04:05.000Z to 2026-01-02T03:05:05.000Z\.$/s,
    );
  });
});

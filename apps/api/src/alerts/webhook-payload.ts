/**
 * What a receiver gets when an alert fires or resolves: `webhook` receivers the generic JSON below
 * (`version` changes only when a field changes meaning), `slack` receivers a Slack
 * incoming-webhook message, `{"text": "..."}`. docs/alerting.md documents both.
 */
import { formatDuration } from './duration';
import { describeCondition, describeSearch, type AlertRule, type ReceiverType } from './alert-rule';

export interface AlertNotice {
  readonly status: 'firing' | 'resolved';
  readonly rule: AlertRule;
  /** Matching events in the window at the evaluation that changed the state. */
  readonly count: number;
  /** When the condition started holding, epoch ms. */
  readonly startsAtMs: number;
  /** When it stopped holding (resolved only), epoch ms. */
  readonly endsAtMs?: number;
}

export interface GenericAlertPayload {
  version: 1;
  status: 'firing' | 'resolved';
  rule: string;
  description: string | null;
  severity: string;
  labels: Record<string, string>;
  query: string;
  condition: string;
  threshold: number | null;
  window_seconds: number;
  count: number;
  starts_at: string;
  ends_at: string | null;
}

export function webhookPayload(type: ReceiverType, notice: AlertNotice): GenericAlertPayload | { text: string } {
  return type === 'slack' ? { text: slackText(notice) } : genericPayload(notice);
}

export function genericPayload({ status, rule, count, startsAtMs, endsAtMs }: AlertNotice): GenericAlertPayload {
  return {
    version: 1,
    status,
    rule: rule.name,
    description: rule.description ?? null,
    severity: rule.severity,
    labels: { ...rule.labels },
    query: describeSearch(rule),
    condition: describeCondition(rule),
    threshold: rule.condition.kind === 'threshold' ? rule.condition.threshold : null,
    window_seconds: rule.windowMs / 1000,
    count,
    starts_at: new Date(startsAtMs).toISOString(),
    ends_at: endsAtMs === undefined ? null : new Date(endsAtMs).toISOString(),
  };
}

export function slackText({ status, rule, count, startsAtMs, endsAtMs }: AlertNotice): string {
  const window = formatDuration(rule.windowMs);
  const heading = status === 'firing' ? `:rotating_light: *[FIRING] ${escape(rule.name)}*` : `:white_check_mark: *[RESOLVED] ${escape(rule.name)}*`;
  const matches = `${count} ${count === 1 ? 'event' : 'events'} matching \`${escape(describeSearch(rule))}\` in the last ${window}`;
  const lines = [`${heading} (${rule.severity})`, `${matches} (alerts on ${escape(describeCondition(rule))}).`];
  if (rule.description) lines.push(escape(rule.description));
  const since = new Date(startsAtMs).toISOString();
  lines.push(endsAtMs === undefined ? `Since ${since}.` : `From ${since} to ${new Date(endsAtMs).toISOString()}.`);
  return lines.join('\n');
}

/** Slack reads &, < and > as markup; these three are the ones it asks senders to escape. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The Alerts page: every rule of the api's ALERT_RULES_FILE with its state, last count and last
 * notification, firing rules first. Each rule links to the explorer showing what it counts.
 */
import type { AlertList, AlertRuleView } from '@logline/api-contract';
import { logsPageHref } from './page-links';

/** How often the page refreshes its table. */
export const ALERTS_REFRESH_SECONDS = 10;

const STATE_ORDER = ['firing', 'pending', 'resolved', 'inactive'];

export interface AlertRow {
  readonly name: string;
  readonly description: string;
  readonly state: string;
  readonly stateClass: string;
  readonly severity: string;
  readonly severityClass: string;
  readonly query: string;
  readonly explorerHref: string;
  readonly condition: string;
  readonly forText: string;
  readonly lastCount: string;
  readonly since: string;
  readonly lastEvaluation: string;
  readonly error?: string;
  readonly notification: string;
  readonly notificationClass: string;
  readonly labels: string;
}

export interface AlertsPanel {
  readonly rows: readonly AlertRow[];
  readonly configured: boolean;
  readonly summary: string;
  readonly intervalText: string;
}

export interface AlertsPage extends AlertsPanel {
  readonly title: string;
  readonly refreshSeconds: number;
  readonly partialUrl: string;
}

export function buildAlertsPage(alerts: AlertList): AlertsPage {
  return { title: 'Alerts', refreshSeconds: ALERTS_REFRESH_SECONDS, partialUrl: '/partials/alerts', ...buildAlertsPanel(alerts) };
}

export function buildAlertsPanel(alerts: AlertList): AlertsPanel {
  const rows = [...alerts.rules].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)).map(toRow);
  const counts = STATE_ORDER.map((state) => [state, alerts.rules.filter((rule) => rule.state === state).length] as const);
  return {
    rows,
    configured: alerts.rules.length > 0,
    summary: counts
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${n} ${state}`)
      .join(' · '),
    intervalText: `evaluated every ${seconds(alerts.evaluation_interval_seconds)}`,
  };
}

function toRow(rule: AlertRuleView): AlertRow {
  const notice = rule.last_notification;
  return {
    name: rule.name,
    description: rule.description ?? '',
    state: rule.state,
    stateClass: `alert-state alert-state-${rule.state}`,
    severity: rule.severity,
    severityClass: `alert-severity alert-severity-${rule.severity}`,
    query: rule.query,
    explorerHref: logsPageHref({
      levels: [],
      sources: [],
      producerIds: [],
      patternIds: [],
      excludedPatternIds: [],
      q: rule.query,
      from: `${Math.max(1, Math.round(rule.window_seconds))}s`,
      limit: 100,
      order: 'desc',
      sort: 'time',
      live: false,
    }),
    condition: rule.condition,
    forText: rule.for_seconds > 0 ? `for ${seconds(rule.for_seconds)}` : '',
    lastCount: rule.last_count === null ? '—' : rule.last_count.toLocaleString('en-US'),
    since: time(rule.active_since ?? rule.since),
    lastEvaluation: rule.last_evaluation ? time(rule.last_evaluation) : 'not yet',
    error: rule.last_error ?? undefined,
    notification: notice ? `${notice.status} · ${notice.outcome} · ${time(notice.at)}` : '—',
    notificationClass: notice?.outcome === 'failed' ? 'notice-failed' : '',
    labels: Object.entries(rule.labels)
      .map(([name, value]) => `${name}=${value}`)
      .join(' '),
  };
}

const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');

function seconds(value: number): string {
  if (value % 3600 === 0) return `${value / 3600} h`;
  if (value % 60 === 0) return `${value / 60} min`;
  return `${value} s`;
}

/** A rule's status as GET /api/v1/alerts shows it (snake_case, ISO times, nulls for unknowns). */
import { describeCondition, describeSearch } from '../../alerts/alert-rule';
import type { RuleStatus } from '../../alerts/alert-evaluator';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function toAlertView({ rule, phase, lastCount, lastEvaluationMs, lastError, lastNotification }: RuleStatus) {
  return {
    name: rule.name,
    description: rule.description ?? null,
    query: describeSearch(rule),
    saved_search: rule.search.kind === 'saved_search' ? rule.search.name : null,
    kind: rule.condition.kind,
    condition: describeCondition(rule),
    threshold: rule.condition.kind === 'threshold' ? rule.condition.threshold : null,
    window_seconds: rule.windowMs / 1000,
    for_seconds: rule.forMs / 1000,
    severity: rule.severity,
    labels: { ...rule.labels },
    receivers: [...rule.receivers],
    state: phase.state,
    since: new Date(phase.sinceMs).toISOString(),
    active_since: iso(phase.activeSinceMs),
    last_count: lastCount ?? null,
    last_evaluation: iso(lastEvaluationMs),
    last_error: lastError ?? null,
    last_notification: lastNotification
      ? {
          status: lastNotification.status,
          at: new Date(lastNotification.atMs).toISOString(),
          outcome: lastNotification.outcome,
          deliveries: lastNotification.deliveries.map((delivery) => ({
            receiver: delivery.receiver,
            delivered: delivery.delivered,
            status: delivery.status ?? null,
            error: delivery.error ?? null,
          })),
        }
      : null,
  };
}

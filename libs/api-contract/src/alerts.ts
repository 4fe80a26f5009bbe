/** GET /api/v1/alerts: every alert rule of ALERT_RULES_FILE with its state and last evaluation. */
import { Type, type Static } from 'typebox';
import { Nullable } from './nullable';

/** The states of an alert rule, as Prometheus's alerting rules have them. */
export const ALERT_STATES = ['inactive', 'pending', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AlertsQuery = Type.Object({
  state: Type.Optional(Type.Enum([...ALERT_STATES], { description: 'Only rules in this state.' })),
});

const Delivery = Type.Object({
  receiver: Type.String(),
  delivered: Type.Boolean(),
  status: Nullable(Type.Integer({ description: "The receiver's last HTTP status." })),
  error: Nullable(Type.String()),
});

const Notification = Type.Object({
  status: Type.Union([Type.Literal('firing'), Type.Literal('resolved')]),
  at: Type.String({ description: 'When sending started, ISO 8601 UTC.' }),
  outcome: Type.Union([Type.Literal('sending'), Type.Literal('delivered'), Type.Literal('failed')]),
  deliveries: Type.Array(Delivery),
});

export const AlertRuleView = Type.Object({
  name: Type.String(),
  description: Nullable(Type.String()),
  query: Type.String({ description: "The rule's log query, in the explorer's search syntax; `saved search \"NAME\"` for a rule over a saved search." }),
  saved_search: Nullable(Type.String({ description: 'The saved search the rule counts (looked up by name at every evaluation), if it names one.' })),
  kind: Type.Union([Type.Literal('threshold'), Type.Literal('absent'), Type.Literal('new_pattern')]),
  condition: Type.String({ description: 'The condition in words: "more than 5 in 1m", "none in 10m".' }),
  threshold: Nullable(Type.Integer()),
  window_seconds: Type.Number(),
  for_seconds: Type.Number(),
  severity: Type.Enum([...SEVERITIES]),
  labels: Type.Record(Type.String(), Type.String()),
  receivers: Type.Array(Type.String()),
  state: Type.Enum([...ALERT_STATES]),
  since: Type.String({ description: 'When the rule entered its state (the api start for rules never evaluated).' }),
  active_since: Nullable(Type.String({ description: 'When the condition started holding (pending, firing).' })),
  last_count: Nullable(Type.Integer({ description: 'Matching events in the window at the last successful evaluation.' })),
  last_evaluation: Nullable(Type.String()),
  last_error: Nullable(Type.String({ description: 'Why the last evaluation failed; the state is kept meanwhile.' })),
  last_notification: Nullable(Notification),
});

export const AlertList = Type.Object({
  evaluation_interval_seconds: Type.Number(),
  rules: Type.Array(AlertRuleView),
});

export type AlertRuleView = Static<typeof AlertRuleView>;
export type AlertList = Static<typeof AlertList>;

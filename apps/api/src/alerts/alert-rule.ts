/** Alert rules and webhook receivers as loaded from ALERT_RULES_FILE (see config/alert-rules.example.yaml). */
import type { Severity } from '@logline/api-contract';
import type { LogFilters } from '@logline/ch-client';
import type { LogLevel } from '@logline/log-schema';
import { formatDuration } from './duration';

export const RECEIVER_TYPES = ['webhook', 'slack'] as const;
/** `webhook`: the generic JSON payload; `slack`: a Slack incoming-webhook `{"text": ...}` message. */
export type ReceiverType = (typeof RECEIVER_TYPES)[number];

export interface Receiver {
  readonly name: string;
  readonly type: ReceiverType;
  readonly url: string;
}

/** What makes a rule's condition hold over its window. */
export type AlertCondition =
  /** More than `threshold` events match the query. */
  | { readonly kind: 'threshold'; readonly threshold: number }
  /** No event matches the query. */
  | { readonly kind: 'absent' }
  /** A pattern never stored before the window appears in it, among the events matching the query at `minLevel` or above. */
  | { readonly kind: 'new_pattern'; readonly minLevel: LogLevel };

/** The events a rule counts: a query written in the file, or a saved search named there. */
export type RuleSearch =
  /** `query` as written, in the explorer's search syntax, and parsed (no time bounds: the evaluator adds the window). */
  | { readonly kind: 'query'; readonly query: string; readonly filters: LogFilters }
  /** Looked up by name at every evaluation, so a change to the saved search applies to the rule. */
  | { readonly kind: 'saved_search'; readonly name: string };

export interface AlertRule {
  readonly name: string;
  readonly description?: string;
  readonly search: RuleSearch;
  readonly condition: AlertCondition;
  readonly windowMs: number;
  /** How long the condition must hold before the alert fires; 0 fires at once. */
  readonly forMs: number;
  readonly severity: Severity;
  readonly labels: Readonly<Record<string, string>>;
  /** Names of the receivers to notify. */
  readonly receivers: readonly string[];
}

export interface AlertRules {
  readonly rules: readonly AlertRule[];
  readonly receivers: readonly Receiver[];
}

export const NO_ALERT_RULES: AlertRules = { rules: [], receivers: [] };

/** The rule's events in words: its query, or `saved search "NAME"`. */
export function describeSearch(rule: AlertRule): string {
  return rule.search.kind === 'query' ? rule.search.query : `saved search ${JSON.stringify(rule.search.name)}`;
}

/** "more than 5 in 1m", "none in 10m", "a new pattern at ERROR or above in 5m": the condition in words, for payloads and the api. */
export function describeCondition(rule: AlertRule): string {
  const window = formatDuration(rule.windowMs);
  switch (rule.condition.kind) {
    case 'threshold':
      return `more than ${rule.condition.threshold} in ${window}`;
    case 'absent':
      return `none in ${window}`;
    case 'new_pattern':
      return `a new pattern at ${rule.condition.minLevel} or above in ${window}`;
  }
}

/**
 * Applies processing rules, in order, to one normalised event. A rule acts only on events its
 * `when` search matches. The outcome is the event to store, a drop (by a drop or sample rule), or
 * a failure naming the rule that could not be applied: the caller sends that event to the dead
 * letters, and every other event goes on. No rule changes `producer_id` or `seq`.
 */
import type { LogRow } from '@logline/log-schema';
import type { ProcessingRule } from '../rule';
import { matchesSearch } from '../search/match-search';
import { applyRemove, applyRename, applySet } from './apply-field-actions';
import { applyParse } from './apply-parse';
import { applyRedact } from './apply-redact';
import { keepsSample } from './sample-event';
import type { WorkingEvent } from './working-event';

/** The dead-letter code of an event a rule could not be applied to. */
export const RULE_FAILURE_CODE = 'processing_rule';

export type RulesOutcome =
  | { kind: 'keep'; row: LogRow; timestampMs: number }
  | { kind: 'drop'; rule: string }
  | { kind: 'failure'; rule: string; code: typeof RULE_FAILURE_CODE; reason: string };

export function applyRules(rules: readonly ProcessingRule[], row: LogRow, timestampMs: number): RulesOutcome {
  if (rules.length === 0) return { kind: 'keep', row, timestampMs };
  // The caller's row stays as it was; rules work on a copy.
  const attributes = { ...row.attributes };
  const event: WorkingEvent = { row: { ...row, attributes }, timestampMs, attributeCount: Object.keys(attributes).length };
  for (const rule of rules) {
    try {
      if (rule.when !== undefined && !matchesSearch(rule.when.search, event.row)) continue;
      if (!applyAction(rule, event)) return { kind: 'drop', rule: rule.name };
    } catch (error) {
      const reason = `rule '${rule.name}': ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'failure', rule: rule.name, code: RULE_FAILURE_CODE, reason };
    }
  }
  return { kind: 'keep', row: event.row, timestampMs: event.timestampMs };
}

/** Applies the rule's action; false when the event is to be dropped. */
function applyAction(rule: ProcessingRule, event: WorkingEvent): boolean {
  const action = rule.action;
  switch (action.kind) {
    case 'drop':
      return false;
    case 'sample':
      return keepsSample(rule.name, action.rate, event.row);
    case 'parse':
      applyParse(action, event);
      return true;
    case 'set':
      applySet(action, event);
      return true;
    case 'redact':
      applyRedact(action, event);
      return true;
    case 'rename':
      applyRename(action, event);
      return true;
    case 'remove':
      applyRemove(action, event);
      return true;
  }
}

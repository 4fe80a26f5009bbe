/** How the program refuses an event a rule cannot be applied to, as applyRules reports it. */
import { RULE_FAILURE_CODE } from '@logline/processing-rules';
import { vrlString } from './vrl-syntax';

/**
 * `abort "<code>: rule '<name>': " + reason`: the remap transform reroutes the event to its
 * `dropped` output, and dead-letter.vrl stores code and reason as the api stores its dead letters.
 */
export function abortRule(ruleName: string, reasonExpression: string): string {
  return `abort ${vrlString(`${RULE_FAILURE_CODE}: rule '${ruleName}': `)} + ${reasonExpression}`;
}

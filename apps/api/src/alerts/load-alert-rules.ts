/**
 * Loads ALERT_RULES_FILE: YAML with `receivers:` (webhooks to notify) and `rules:`. Every problem
 * in the file is reported at once, each naming the rule (or receiver) and field, and the api
 * refuses to start until the file is right. No file configured means no rules.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isMapping, MappingReader } from '@logline/rules-file';
import { NO_ALERT_RULES, RECEIVER_TYPES, type AlertRules, type Receiver } from './alert-rule';
import { NAME, readRules } from './read-rules';

/** Bounds the `rule` label of the firing gauge and the work of one evaluation round. */
const MAX_RULES = 500;

export class AlertRulesError extends Error {
  override readonly name = 'AlertRulesError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`alert rules file ${file}:\n  ${problems.join('\n  ')}`);
  }
}

export function loadAlertRules(file: string | undefined): AlertRules {
  if (file === undefined) return NO_ALERT_RULES;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AlertRulesError(file, [`cannot read it: ${(error as Error).message}`]);
  }
  return parseAlertRules(text, file);
}

/** Parses and validates the text of a rules file; `file` names it in messages. */
export function parseAlertRules(text: string, file: string): AlertRules {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new AlertRulesError(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const top = MappingReader.open(document ?? {}, undefined, { rule: 'file', path: '' }, problems);
  if (!top) throw new AlertRulesError(file, problems);
  top.onlyKnown(['receivers', 'rules']);
  const receivers = readReceivers(isMapping(document) ? document.receivers : undefined, problems);
  const rulesList = isMapping(document) ? (document.rules ?? []) : [];
  if (Array.isArray(rulesList) && rulesList.length > MAX_RULES) problems.push(`rules: at most ${MAX_RULES} rules, got ${rulesList.length}`);
  const rules = readRules(rulesList, receivers.map((receiver) => receiver.name), problems);
  if (problems.length > 0) throw new AlertRulesError(file, problems);
  return { rules, receivers };
}

function readReceivers(list: unknown, problems: string[]): Receiver[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    problems.push('receivers: must be a list of receivers');
    return [];
  }
  const receivers: Receiver[] = [];
  list.forEach((item, index) => {
    const rawName = (item as { name?: unknown } | null)?.name;
    const where = typeof rawName === 'string' ? `receiver '${rawName.slice(0, 64)}' (receivers[${index}])` : `receivers[${index}]`;
    const reader = MappingReader.open(item, undefined, { rule: where, path: '' }, problems);
    if (!reader) return;
    const before = problems.length;
    reader.onlyKnown(['name', 'type', 'url']);
    const name = reader.string('name', { required: true, pattern: NAME, expected: 'a name of 1-64 letters, digits, _ . : -' });
    const type = reader.oneOf('type', RECEIVER_TYPES, true);
    const url = reader.string('url', { required: true, pattern: /^https?:\/\/[^\s/]+/, expected: 'an http:// or https:// URL' });
    if (name !== undefined && receivers.some((other) => other.name === name)) reader.report('name', `'${name}' is used by an earlier receiver`);
    if (problems.length === before && name && type && url) receivers.push({ name, type, url });
  });
  return receivers;
}

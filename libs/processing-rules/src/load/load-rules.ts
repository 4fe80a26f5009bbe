/**
 * Loads PROCESSING_RULES_FILE: YAML with a `rules:` list, applied in order to every ingested
 * event (see the README's "Processing rules"). Every problem in the file is reported at once, each
 * with its line and rule, and the api refuses to start until the file is right.
 */
import { readFileSync } from 'node:fs';
import type { ProcessingRule } from '../rule';
import { compileRule } from './compile-rule';
import { isMapping, readLocatedYaml, YamlSyntaxError } from '@logline/rules-file';

/** Bounds the work done on every event. */
const MAX_RULES = 200;

export interface ProcessingRules {
  /** Where the rules came from, for messages. */
  readonly file: string;
  readonly rules: readonly ProcessingRule[];
}

export class ProcessingRulesError extends Error {
  override readonly name = 'ProcessingRulesError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`processing rules file ${file}:\n  ${problems.join('\n  ')}`);
  }
}

export function loadProcessingRules(file: string): ProcessingRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProcessingRulesError(file, [`cannot read it: ${(error as Error).message}`]);
  }
  return parseProcessingRules(text, file);
}

/** Parses and validates the text of a rules file; `file` names it in messages. */
export function parseProcessingRules(text: string, file: string): ProcessingRules {
  let located;
  try {
    located = readLocatedYaml(text);
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new ProcessingRulesError(file, error.problems.map((problem) => `not valid YAML: ${problem}`));
    throw error;
  }
  const document = located.value ?? {};
  if (!isMapping(document) || Object.keys(document).some((key) => key !== 'rules')) {
    throw new ProcessingRulesError(file, ['line 1: the file must be a mapping with one key, rules: (a list of rules)']);
  }
  const list = document['rules'] ?? [];
  if (!Array.isArray(list)) throw new ProcessingRulesError(file, [`line ${located.lineOf(document, 'rules')}: rules: must be a list of rules`]);
  const problems: string[] = [];
  if (list.length > MAX_RULES) problems.push(`line ${located.lineOf(document, 'rules')}: rules: at most ${MAX_RULES} rules, got ${list.length}`);
  const rules: ProcessingRule[] = [];
  const nameLines = new Map<unknown, number>();
  list.forEach((item, index) => {
    const line = located.lineOf(list, index) ?? 0;
    const name = (item as { name?: unknown } | null)?.name;
    const earlier = nameLines.get(name);
    if (earlier !== undefined) problems.push(`line ${line}: rule '${String(name)}': name: is used by the rule at line ${earlier}`);
    else if (typeof name === 'string') nameLines.set(name, line);
    const rule = compileRule(item, line, located, problems);
    if (rule) rules.push(rule);
  });
  if (problems.length > 0) throw new ProcessingRulesError(file, problems);
  return Object.freeze({ file, rules: Object.freeze(rules) });
}

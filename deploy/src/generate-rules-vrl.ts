/**
 * Writes the processing rules of a rules file as Vector's VRL program, checked by the real VRL
 * compiler: `npx nx run deploy:generate-rules-vrl --rules=config/my-rules.yaml`
 * (--out defaults to deploy/vector/processing-rules.vrl, which vector.yaml runs after normalize).
 * Without --rules it writes the program of no rules, which passes every row through.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from '@bpinternal/verel';
import { loadProcessingRules, parseProcessingRules, ProcessingRulesError } from '@logline/processing-rules';
import { NO_RULES_SOURCE, renderRulesVrl, RULES_VRL_PATH } from './rules-vrl/render-rules-vrl';
import { NORMALIZE_VRL_PATH, readSharedBlocks } from './rules-vrl/shared-blocks';

const { values } = parseArgs({ options: { rules: { type: 'string' }, out: { type: 'string', default: RULES_VRL_PATH } } });

try {
  const rules = values.rules === undefined ? parseProcessingRules('rules: []\n', NO_RULES_SOURCE) : loadProcessingRules(values.rules);
  const blocks = readSharedBlocks(readFileSync(NORMALIZE_VRL_PATH, 'utf8'));
  const program = renderRulesVrl(rules, values.rules ?? NO_RULES_SOURCE, blocks);
  const diagnostics = [...check(program).errors, ...check(program).warnings].map((diagnostic) => diagnostic.message);
  if (diagnostics.length > 0) throw new Error(`the generated program does not compile cleanly:\n  ${diagnostics.join('\n  ')}`);
  writeFileSync(values.out, program);
  process.stdout.write(`wrote ${values.out} (${rules.rules.length} rules)\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ProcessingRulesError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

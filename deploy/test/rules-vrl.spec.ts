import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@bpinternal/verel';
import type { LogRow } from '@logline/log-schema';
import { normalizeLine } from '@logline/log-schema/test-vectors';
import { applyRules, parseProcessingRules } from '@logline/processing-rules';
import { loadRulesVectors, processLine, RULES_VECTORS_FILE, type RulesLineOutcome } from '@logline/processing-rules/test-vectors';
import { NO_RULES_SOURCE, renderRulesVrl, RULES_VRL_PATH } from '../src/rules-vrl/render-rules-vrl';
import { readSharedBlocks } from '../src/rules-vrl/shared-blocks';
import { Refusal, readProgram, runProgram, vrlOutcome } from './run-vrl';

const { rules, vectors } = loadRulesVectors();
const normalize = readProgram('normalize.vrl');
const blocks = readSharedBlocks(normalize);
const program = renderRulesVrl(rules, RULES_VECTORS_FILE, blocks);

/** Vector's side: normalize.vrl, then the generated rules program on its row. */
function vrlRulesOutcome(rulesProgram: string, line: string): RulesLineOutcome {
  const normalized = vrlOutcome(normalize, line);
  if (normalized.kind !== 'row') throw new Error(`vector line is not a valid event: ${JSON.stringify(normalized)}`);
  let output: unknown;
  try {
    output = runProgram(rulesProgram, normalized.row as unknown as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const [, code, reason] = /^([a-z_]+): ([\s\S]*)$/.exec(error.message) ?? [];
    return code === 'processing_rule' ? { kind: 'failure', reason } : { kind: 'rejection', code, reason };
  }
  if (Array.isArray(output) && output.length === 0) return { kind: 'drop' };
  return { kind: 'row', row: output as Extract<RulesLineOutcome, { kind: 'row' }>['row'] };
}

function rowOf(event: Record<string, unknown>): LogRow {
  const normalized = normalizeLine(JSON.stringify(event));
  if (normalized.kind !== 'row') throw new Error(`not a valid event: ${JSON.stringify(normalized)}`);
  return normalized.row;
}

/** The api's outcome as Vector can report it: a drop does not say which rule dropped. */
function withoutDropRule(outcome: RulesLineOutcome): RulesLineOutcome {
  return outcome.kind === 'drop' ? { kind: 'drop' } : outcome;
}

describe('the processing rules as a VRL program', () => {
  it('compiles without errors or warnings', () => {
    const { errors, warnings } = check(program);
    expect([...errors, ...warnings].map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  describe.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const outcome = vrlRulesOutcome(program, vector.line);

    it('stores the same row, drops or fails the event as the api does', () => {
      expect(outcome).toEqual(withoutDropRule(processLine(rules, vector.line)));
    });
  });

  it('samples the same events as the api, event by event', () => {
    const sampled = parseProcessingRules('rules:\n  - name: a-third\n    sample: 0.33\n', 'sample.yaml');
    const sampleProgram = renderRulesVrl(sampled, 'sample.yaml', blocks);
    // Rows as normalisation makes them (both paths agree on those: normalize-vrl.spec.ts).
    const rows = Array.from({ length: 200 }, (_, seq) => rowOf({ time: 1795885200 + seq, level: 'debug', source: 'tick', message: `tick ${seq}`, producer_id: 'p', seq }));
    const vrlKept = rows.map((row) => !Array.isArray(runProgram(sampleProgram, row as unknown as Record<string, unknown>)));
    expect(vrlKept).toEqual(rows.map((row) => applyRules(sampled.rules, row, 0).kind === 'keep'));
    expect(vrlKept.filter(Boolean).length).toBeGreaterThan(40);
    expect(vrlKept.filter(Boolean).length).toBeLessThan(100);
  });

  it('runs, as committed for vector.yaml, no rules: rows pass through unchanged', () => {
    const empty = renderRulesVrl(parseProcessingRules('rules: []\n', NO_RULES_SOURCE), NO_RULES_SOURCE, blocks);
    expect(readFileSync(join(__dirname, '..', '..', RULES_VRL_PATH), 'utf8')).toBe(empty);
    const row = rowOf({ time: '2026-11-28T17:00:00Z', level: 'info', source: 'a', message: 'm' });
    expect(runProgram(empty, row as unknown as Record<string, unknown>)).toEqual(row);
  });
});

/**
 * The shared processing-rules vectors (rules-vectors.json over rules-vectors.yaml) with their
 * shorthands expanded, and the TypeScript side of an event's handling: normalisation, then
 * applyRules. The deploy project runs the VRL program generated from the same file over them.
 */
import { join } from 'node:path';
import type { LogRow } from '@logline/log-schema';
import { normalizeLine } from '@logline/log-schema/test-vectors';
import { applyRules } from '../apply/apply-rules';
import { loadProcessingRules, type ProcessingRules } from '../load/load-rules';
import vectorsFile from './rules-vectors.json';

export const RULES_VECTORS_FILE = join(__dirname, 'rules-vectors.yaml');

/** What processing one NDJSON line gives, on either path (only the api's path names a dropping rule). */
export type RulesLineOutcome =
  | { kind: 'row'; row: LogRow }
  | { kind: 'drop'; rule?: string }
  | { kind: 'failure'; reason: string }
  | { kind: 'rejection'; code: string; reason: string };

export interface RulesVector {
  name: string;
  /** The event as a producer sends it, one NDJSON line. */
  line: string;
  expected:
    | { kind: 'row'; row: Partial<LogRow> & { attributes: Record<string, string> } }
    | { kind: 'drop'; rule: string }
    | { kind: 'failure'; rule: string; reason: string };
}

type Raw = Record<string, unknown>;

const DEFAULTS = { timestamp: '2026-11-28T17:00:00.000Z', level: 'info' };

export function loadRulesVectors(): { rules: ProcessingRules; vectors: RulesVector[] } {
  const vectors = (vectorsFile.vectors as Raw[]).map((vector): RulesVector => {
    const event = Object.fromEntries(Object.entries(vector['event'] as Raw).map(([key, value]) => [key, key === 'message' ? expandText(value) : value]));
    return { name: vector['name'] as string, line: JSON.stringify({ ...DEFAULTS, ...event }), expected: expectedOutcome(vector) };
  });
  return { rules: loadProcessingRules(RULES_VECTORS_FILE), vectors };
}

/** The api's side: the line normalised as the api does, then the rules applied. */
export function processLine(rules: ProcessingRules, line: string): RulesLineOutcome {
  const normalized = normalizeLine(line);
  if (normalized.kind !== 'row') throw new Error(`vector line is not a valid event: ${JSON.stringify(normalized)}`);
  const outcome = applyRules(rules.rules, normalized.row, 0);
  if (outcome.kind === 'keep') return { kind: 'row', row: outcome.row };
  return outcome.kind === 'drop' ? { kind: 'drop', rule: outcome.rule } : { kind: 'failure', reason: outcome.reason };
}

function expectedOutcome(vector: Raw): RulesVector['expected'] {
  if (typeof vector['drop'] === 'string') return { kind: 'drop', rule: vector['drop'] };
  if (vector['failure'] !== undefined) return { kind: 'failure', ...(vector['failure'] as { rule: string; reason: string }) };
  return { kind: 'row', row: vector['row'] as Extract<RulesVector['expected'], { kind: 'row' }>['row'] };
}

/** A text, a list of parts joined, or {$repeat, times} with {n} numbering the repetitions. */
function expandText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(expandText).join('');
  const { $repeat: text, times } = value as { $repeat: string; times: number };
  return Array.from({ length: times }, (_, n) => text.replaceAll('{n}', String(n))).join('');
}

import { loadRulesVectors, processLine } from './load-rules-vectors';

const { rules, vectors } = loadRulesVectors();

describe('processing rules on the shared vectors', () => {
  it.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const outcome = processLine(rules, vector.line);
    const expected = vector.expected;
    if (expected.kind === 'row') {
      if (outcome.kind !== 'row') throw new Error(`expected a row, got ${JSON.stringify(outcome)}`);
      expect(outcome.row.attributes).toEqual(expected.row.attributes);
      expect(outcome.row).toMatchObject(expected.row);
    } else if (expected.kind === 'drop') {
      expect(outcome).toEqual({ kind: 'drop', rule: expected.rule });
    } else {
      expect(outcome).toEqual({ kind: 'failure', reason: expected.reason });
      expect(expected.reason.startsWith(`rule '${expected.rule}': `)).toBe(true);
    }
  });
});

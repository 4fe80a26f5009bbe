import { check } from '@bpinternal/verel';
import { loadNormalizeVectors, normalizeLine, type LineOutcome } from '@logline/log-schema/test-vectors';
import { readProgram, vrlOutcome } from './run-vrl';

const program = readProgram('normalize.vrl');
const vectors = loadNormalizeVectors();

function expectMatch(actual: LineOutcome, expected: LineOutcome): void {
  if (actual.kind === 'rejection' && expected.kind === 'rejection') {
    expect(actual.code).toBe(expected.code);
    expect(actual.reason).toContain(expected.reason);
  } else {
    expect(actual).toEqual(expected);
  }
}

describe('normalize.vrl', () => {
  it('compiles without errors or warnings', () => {
    const { errors, warnings } = check(program);
    expect([...errors, ...warnings].map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  describe.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const outcome = vrlOutcome(program, vector.line);

    it('gives the expected outcome', () => expectMatch(outcome, vector.expected));

    it('agrees with normalizeEvent', () => {
      const typescript = normalizeLine(vector.line);
      // The JSON readers word their syntax errors differently; every other reason is shared.
      if (outcome.kind === 'rejection' && outcome.code === 'invalid_json') expectMatch(outcome, { ...typescript, reason: 'invalid JSON: ' } as LineOutcome);
      else expect(outcome).toEqual(typescript);
    });
  });
});

import { apiOutcomes, loadDoorVectors, type RecordOutcome } from './load-door-vectors';

function expectMatch(actual: RecordOutcome[], expected: RecordOutcome[]): void {
  expect(actual.map((outcome) => outcome.kind)).toEqual(expected.map((outcome) => outcome.kind));
  actual.forEach((outcome, index) => {
    const wanted = expected[index];
    if (outcome.kind === 'rejection' && wanted.kind === 'rejection') {
      expect(outcome.code).toBe(wanted.code);
      expect(outcome.reason).toContain(wanted.reason);
    } else {
      expect(outcome).toEqual(wanted);
    }
  });
}

describe('door vectors through the api path (decoder, then normalizeEvent)', () => {
  it.each(loadDoorVectors().map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    expectMatch(apiOutcomes(vector.input), vector.expected);
  });
});

import { loadNormalizeVectors, normalizeLine } from './load-normalize-vectors';

const vectors = loadNormalizeVectors();

describe('shared normalisation vectors through normalizeEvent', () => {
  it('are at least 40, with unique names', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
    expect(new Set(vectors.map((vector) => vector.name)).size).toBe(vectors.length);
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const outcome = normalizeLine(vector.line);
    if (vector.expected.kind === 'rejection' && outcome.kind === 'rejection') {
      expect(outcome.code).toBe(vector.expected.code);
      expect(outcome.reason).toContain(vector.expected.reason);
    } else {
      expect(outcome).toEqual(vector.expected);
    }
  });
});

import { groupingAccuracy } from './grouping-accuracy';

// Ten lines of three true events: A (4 lines), B (3), C (3).
const TRUTH = ['A', 'A', 'B', 'A', 'C', 'B', 'C', 'A', 'B', 'C'];

describe('groupingAccuracy', () => {
  it('is 1 when every predicted group is exactly a true group, whatever the labels are called', () => {
    const predicted = TRUTH.map((label) => ({ A: 'x', B: 'y', C: 'z' })[label] ?? '');
    expect(groupingAccuracy(TRUTH, predicted)).toBe(1);
  });

  it('counts every line of a true group wrong when the group is split', () => {
    // A split in two (3 + 1 lines): A's 4 lines are wrong, B and C are right.
    const predicted = ['a1', 'a1', 'b', 'a1', 'c', 'b', 'c', 'a2', 'b', 'c'];
    expect(groupingAccuracy(TRUTH, predicted)).toBeCloseTo(6 / 10);
  });

  it('counts every line of both true groups wrong when they are merged', () => {
    // B and C merged: only A's 4 lines are right.
    const predicted = ['a', 'a', 'bc', 'a', 'bc', 'bc', 'bc', 'a', 'bc', 'bc'];
    expect(groupingAccuracy(TRUTH, predicted)).toBeCloseTo(4 / 10);
  });

  it('is 0 when everything lands in one group', () => {
    expect(groupingAccuracy(TRUTH, TRUTH.map(() => 'all'))).toBe(0);
  });

  it('refuses label lists of different lengths, and an empty one', () => {
    expect(() => groupingAccuracy(TRUTH, TRUTH.slice(1))).toThrow('10 true labels for 9 predicted ones');
    expect(() => groupingAccuracy([], [])).toThrow('at least one message');
  });
});

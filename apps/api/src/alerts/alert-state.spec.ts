import { initialPhase, nextPhase, type AlertPhase } from './alert-state';

/** Runs evaluations (time, holds) through the machine; returns the states and notifications. */
function run(forMs: number, evaluations: [number, boolean][]): string[] {
  let phase: AlertPhase = initialPhase(0);
  return evaluations.map(([nowMs, holds]) => {
    const step = nextPhase(phase, holds, nowMs, forMs);
    phase = step.phase;
    return step.notify ? `${phase.state}!` : phase.state;
  });
}

describe('alert state machine', () => {
  it('without `for`, fires on the first evaluation that holds, once, and resolves once', () => {
    expect(run(0, [[1, false], [2, true], [3, true], [4, false], [5, false], [6, true]])).toEqual([
      'inactive', 'firing!', 'firing', 'resolved!', 'resolved', 'firing!',
    ]);
  });

  it('with `for`, stays pending until the condition has held that long', () => {
    expect(run(30, [[0, true], [15, true], [29, true], [30, true], [45, true]])).toEqual([
      'pending', 'pending', 'pending', 'firing!', 'firing',
    ]);
  });

  it('a pending alert whose condition stops holding goes back to inactive without a notification', () => {
    expect(run(30, [[0, true], [15, false], [20, true], [45, true], [50, true]])).toEqual([
      'pending', 'inactive', 'pending', 'pending', 'firing!',
    ]);
  });

  it('remembers when the condition started and when the state changed', () => {
    const pending = nextPhase(initialPhase(0), true, 10, 30).phase;
    const firing = nextPhase(pending, true, 40, 30).phase;
    expect(firing).toEqual({ state: 'firing', sinceMs: 40, activeSinceMs: 10 });
    expect(nextPhase(firing, false, 55, 30)).toEqual({ phase: { state: 'resolved', sinceMs: 55 }, notify: 'resolved' });
  });
});

import { createWarn } from './warnings';

describe('createWarn', () => {
  it('prints at most one warning a second and says how many it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const warn = createWarn((line) => lines.push(line), () => now);
    warn('a');
    warn('b');
    warn('c');
    now = 1_000;
    warn('d');
    expect(lines).toEqual(['generator: a', 'generator: d (2 more warnings suppressed)']);
  });
});

import { createRandom, deriveSeed } from './random';

function draw(seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: 20 }, () => random.next());
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });

  it('tells apart seeds that differ only above 32 bits', () => {
    expect(draw(2 ** 40 + 1)).not.toEqual(draw(1));
  });

  it('stays within its ranges and covers them', () => {
    const random = createRandom(7);
    const ints = new Set(Array.from({ length: 2_000 }, () => random.int(1, 6)));
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const floats = Array.from({ length: 2_000 }, () => random.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(random.hex(13)).toMatch(/^[0-9a-f]{13}$/);
  });

  it('picks by weight', () => {
    const random = createRandom(1);
    const picks = Array.from({ length: 10_000 }, () => random.pickWeighted([['a', 9], ['b', 1]] as const));
    const share = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });

  it('derives distinct, repeatable seeds for producers', () => {
    expect(deriveSeed(5, 0)).toBe(deriveSeed(5, 0));
    expect(new Set([0, 1, 2, 3].map((index) => deriveSeed(5, index))).size).toBe(4);
  });
});

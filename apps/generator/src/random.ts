/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that `--seed`
 * reproduces the same events on every machine; Math.random cannot be seeded.
 */
import { randomInt } from 'node:crypto';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks an item with probability proportional to its weight. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string;
}

/** A seed for runs without `--seed`. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 32);
}

/** Derives the seed of the i-th producer from the run's seed, so producers differ but repeat. */
export function deriveSeed(seed: number, index: number): number {
  return splitmix32(foldTo32Bits(seed) ^ Math.imul(index + 1, 0x9e3779b9))();
}

export function createRandom(seed: number): Random {
  const next = sfc32(foldTo32Bits(seed));
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    pickWeighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [item, weight] of entries) {
        point -= weight;
        if (point < 0) return item;
      }
      return entries[entries.length - 1][0];
    },
    hex: (length) => {
      let text = '';
      while (text.length < length) text += int(0, 0xffff).toString(16).padStart(4, '0');
      return text.slice(0, length);
    },
  };
}

/** Seeds up to 2^53 fold into 32 bits without dropping the high part. */
function foldTo32Bits(seed: number): number {
  return (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(seed: number): () => number {
  const seeder = splitmix32(seed);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = 1;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of a freshly seeded sfc32 are weakly mixed; the reference discards them.
  for (let i = 0; i < 12; i += 1) step();
  return step;
}

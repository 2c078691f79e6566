/** Seeded pseudo-random numbers for the chaos runner, so a run replays from its seed. */
import { mulberry32 as seededFloats } from '@mgmt/testkit';

/** A seeded generator: `next()` in [0, 1), plus helpers built on it. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** An independent generator derived from this one (for a separate actor). */
  fork(): Rng;
}

/** mulberry32: a tiny 32-bit PRNG, good enough to drive a test, not for crypto. */
export function mulberry32(seed: number): Rng {
  const next = seededFloats(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty array');
      return item;
    },
    chance: (p) => next() < p,
    fork: () => mulberry32(Math.floor(next() * 4294967296)),
  };
  return rng;
}

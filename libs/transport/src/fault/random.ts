/** A small seeded generator (mulberry32, from @mgmt/testkit) so a fault schedule replays from its seed. */
import { mulberry32 } from '@mgmt/testkit';

/** Returns a function giving numbers in [0, 1) determined by `seed`. */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}

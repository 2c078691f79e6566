/**
 * Lowe's memoization for the Wing-Gong search: the configurations (set of
 * linearized operations, model state) already explored. Reaching one again
 * by another order cannot succeed where the first visit failed, because
 * what remains to do depends only on that pair.
 */
import type { HashedBitset } from './bitset.js';
import { mix32 } from './bitset.js';

interface VisitedEntry {
  words: Uint32Array;
  state: number;
}

/** A hash set of (linearized set, state) configurations. */
export class VisitedCache {
  private readonly buckets = new Map<number, VisitedEntry[]>();
  private entryCount = 0;

  /** Number of configurations stored. */
  get size(): number {
    return this.entryCount;
  }

  /**
   * Records (`linearized` plus `extraPosition`, `state`) and returns true,
   * or returns false if it was already recorded. `linearized` is not changed.
   */
  addIfAbsent(linearized: HashedBitset, extraPosition: number, state: number): boolean {
    const setHash = (linearized.hash ^ mix32(extraPosition + 1)) >>> 0;
    const key = (setHash ^ mix32(Math.imul(state + 1, 0x9e3779b1))) >>> 0;
    const wordIndex = extraPosition >>> 5;
    const extraBit = 1 << (extraPosition & 31);
    let bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      for (const entry of bucket) {
        if (entry.state === state && this.matches(entry.words, linearized.words, wordIndex, extraBit)) return false;
      }
    } else {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const words = linearized.words.slice();
    words[wordIndex]! |= extraBit;
    bucket.push({ words, state });
    this.entryCount += 1;
    return true;
  }

  private matches(stored: Uint32Array, current: Uint32Array, wordIndex: number, extraBit: number): boolean {
    for (let i = 0; i < stored.length; i += 1) {
      const word = i === wordIndex ? (current[i]! | extraBit) >>> 0 : current[i]!;
      if (stored[i] !== word) return false;
    }
    return true;
  }
}

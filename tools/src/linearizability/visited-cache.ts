/**
 * Lowe's memoization for the Wing-Gong search, extended with dominance for
 * unknown-outcome operations.
 *
 * A configuration is (completed operations placed C, register state s, and
 * for each effect class of unknown-outcome operations, how many are placed).
 * Unknown-outcome operations with the same effect differ only in their call
 * time, and every one placed so far was callable by the time C fixes, so
 * only their count matters to what can follow. Reaching a configuration
 * already explored cannot succeed where the first visit failed (Lowe 2017).
 * Further, (C, s, n) is dominated by an explored (C, s, n') with n' <= n in
 * every class: the explored one has at least the same operations left, and
 * they need never take effect, so it can follow any path the new one could.
 * Skipping dominated configurations keeps timeouts from multiplying the search.
 */
import type { HashedBitset } from './bitset.js';
import { mix32 } from './bitset.js';

interface VisitedGroup {
  completedWords: Uint32Array;
  state: number;
  /** Placed counts per class; an antichain: no member is <= another everywhere. */
  pendingCounts: Uint32Array[];
}

function withIncrement(counts: Uint32Array, classIndex: number): Uint32Array {
  const copy = counts.slice();
  if (classIndex >= 0) copy[classIndex]! += 1;
  return copy;
}

function withBit(words: Uint32Array, position: number): Uint32Array {
  const copy = words.slice();
  if (position >= 0) copy[position >>> 5]! |= 1 << (position & 31);
  return copy;
}

function equalWithBit(stored: Uint32Array, current: Uint32Array, position: number): boolean {
  const wordIndex = position >= 0 ? position >>> 5 : -1;
  const bit = position >= 0 ? 1 << (position & 31) : 0;
  for (let i = 0; i < stored.length; i += 1) {
    const word = i === wordIndex ? (current[i]! | bit) >>> 0 : current[i]!;
    if (stored[i] !== word) return false;
  }
  return true;
}

function isAtMost(small: Uint32Array, large: Uint32Array): boolean {
  for (let i = 0; i < small.length; i += 1) if (small[i]! > large[i]!) return false;
  return true;
}

/** The explored configurations of one key's search. */
export class VisitedCache {
  private readonly buckets = new Map<number, VisitedGroup[]>();
  private storedCount = 0;

  /** Number of stored configurations. */
  get size(): number {
    return this.storedCount;
  }

  /**
   * Considers the configuration (`completed` plus `extraCompleted`, `state`,
   * `pendingCounts` plus one in `extraClass`), where an extra of -1 adds
   * nothing. Returns false if it is explored or dominated; otherwise records
   * it and returns true.
   */
  visitIfNew(completed: HashedBitset, extraCompleted: number, pendingCounts: Uint32Array, extraClass: number, state: number): boolean {
    const completedHash = extraCompleted >= 0 ? (completed.hash ^ mix32(extraCompleted + 1)) >>> 0 : completed.hash;
    const key = (completedHash ^ mix32(Math.imul(state + 1, 0x9e3779b1))) >>> 0;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const candidate = withIncrement(pendingCounts, extraClass);
    let group = bucket.find((entry) => entry.state === state && equalWithBit(entry.completedWords, completed.words, extraCompleted));
    if (group === undefined) {
      group = { completedWords: withBit(completed.words, extraCompleted), state, pendingCounts: [] };
      bucket.push(group);
    } else {
      if (group.pendingCounts.some((explored) => isAtMost(explored, candidate))) return false;
      // Members the new one dominates will never prune anything it would not.
      const before = group.pendingCounts.length;
      group.pendingCounts = group.pendingCounts.filter((explored) => !isAtMost(candidate, explored));
      this.storedCount -= before - group.pendingCounts.length;
    }
    group.pendingCounts.push(candidate);
    this.storedCount += 1;
    return true;
  }
}

/**
 * Lowe's memoization for the Wing-Gong search, extended with dominance for
 * unknown-outcome operations.
 *
 * A configuration is (completed operations placed, unknown-outcome
 * operations placed, register state). Reaching a configuration already
 * explored cannot succeed where the first visit failed, because what
 * remains depends only on that triple (Lowe 2017). Further, (C, P, s) is
 * dominated by an explored (C, P', s) with P' a subset of P: the operations
 * in P \ P' need never take effect (their outcome is unknown), so the
 * explored configuration can follow any path the new one could. Skipping
 * dominated configurations keeps a few timeouts from multiplying the search.
 */
import type { HashedBitset } from './bitset.js';
import { mix32 } from './bitset.js';

interface VisitedGroup {
  completedWords: Uint32Array;
  state: number;
  /** An antichain: no member is a subset of another. */
  pendingSets: Uint32Array[];
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

function isSubset(small: Uint32Array, large: Uint32Array): boolean {
  for (let i = 0; i < small.length; i += 1) if ((small[i]! & ~large[i]!) !== 0) return false;
  return true;
}

/** The explored configurations of one key's search. */
export class VisitedCache {
  private readonly buckets = new Map<number, VisitedGroup[]>();
  private pendingSetCount = 0;

  /** Number of stored configurations. */
  get size(): number {
    return this.pendingSetCount;
  }

  /**
   * Considers the configuration (`completed` plus `extraCompleted`, `pending`
   * plus `extraPending`, `state`), where an extra of -1 adds nothing. Returns
   * false if it is explored or dominated; otherwise records it and returns true.
   */
  visitIfNew(completed: HashedBitset, extraCompleted: number, pending: HashedBitset, extraPending: number, state: number): boolean {
    const completedHash = extraCompleted >= 0 ? (completed.hash ^ mix32(extraCompleted + 1)) >>> 0 : completed.hash;
    const key = (completedHash ^ mix32(Math.imul(state + 1, 0x9e3779b1))) >>> 0;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const candidatePending = withBit(pending.words, extraPending);
    let group = bucket.find((entry) => entry.state === state && equalWithBit(entry.completedWords, completed.words, extraCompleted));
    if (group === undefined) {
      group = { completedWords: withBit(completed.words, extraCompleted), state, pendingSets: [] };
      bucket.push(group);
    } else {
      if (group.pendingSets.some((explored) => isSubset(explored, candidatePending))) return false;
      // Members that the new set dominates will never prune anything it would not.
      const before = group.pendingSets.length;
      group.pendingSets = group.pendingSets.filter((explored) => !isSubset(candidatePending, explored));
      this.pendingSetCount -= before - group.pendingSets.length;
    }
    group.pendingSets.push(candidatePending);
    this.pendingSetCount += 1;
    return true;
  }
}

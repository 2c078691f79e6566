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
 *
 * C is stored compactly. Completed operations are numbered by return time,
 * and every one returning before the first unplaced one must be placed, so
 * C is [0, firstUnplaced) plus a few placed ahead of it (operations still
 * running when it returned): an entry costs O(concurrency), not O(n).
 */
import type { HashedBitset } from './bitset.js';
import { mix32 } from './bitset.js';

interface VisitedGroup {
  state: number;
  firstUnplaced: number;
  /** Completed operations placed beyond `firstUnplaced`, ascending. */
  ahead: readonly number[];
  /**
   * The classes of the unknown-outcome operations placed, each a sorted
   * multiset (a class repeats once per operation); an antichain: no member
   * is included in another.
   */
  pendingClassSets: (readonly number[])[];
}

/** Whether sorted multiset `small` is included in sorted multiset `large`. */
function isIncluded(small: readonly number[], large: readonly number[]): boolean {
  if (small.length > large.length) return false;
  let j = 0;
  for (const item of small) {
    while (j < large.length && large[j]! < item) j += 1;
    if (j === large.length || large[j] !== item) return false;
    j += 1;
  }
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
   * `pendingClasses`), where an extra of -1 adds nothing, `firstUnplaced` is
   * the first completed operation not in the configuration, and
   * `pendingClasses` is the sorted multiset of the classes of the
   * unknown-outcome operations placed. Returns false if it is explored or
   * dominated; otherwise records it and returns true.
   */
  visitIfNew(
    completed: HashedBitset, extraCompleted: number, firstUnplaced: number,
    pendingClasses: readonly number[], state: number,
  ): boolean {
    const completedHash = extraCompleted >= 0 ? (completed.hash ^ mix32(extraCompleted + 1)) >>> 0 : completed.hash;
    const key = (completedHash ^ mix32(Math.imul(state + 1, 0x9e3779b1))) >>> 0;
    const count = completed.count + (extraCompleted >= 0 ? 1 : 0);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    // Same first unplaced, same size, and every stored one ahead is placed: the same set.
    const isSameCompleted = (group: VisitedGroup): boolean =>
      group.firstUnplaced === firstUnplaced && group.ahead.length === count - firstUnplaced &&
      group.ahead.every((position) => position === extraCompleted || completed.has(position));
    let group = bucket.find((entry) => entry.state === state && isSameCompleted(entry));
    if (group === undefined) {
      const ahead = completed.membersAfter(firstUnplaced);
      if (extraCompleted > firstUnplaced) ahead.push(extraCompleted);
      ahead.sort((a, b) => a - b);
      group = { state, firstUnplaced, ahead, pendingClassSets: [] };
      bucket.push(group);
    } else {
      if (group.pendingClassSets.some((explored) => isIncluded(explored, pendingClasses))) return false;
      // Members the new one dominates will never prune anything it would not.
      const before = group.pendingClassSets.length;
      group.pendingClassSets = group.pendingClassSets.filter((explored) => !isIncluded(pendingClasses, explored));
      this.storedCount -= before - group.pendingClassSets.length;
    }
    group.pendingClassSets.push(pendingClasses);
    this.storedCount += 1;
    return true;
  }
}

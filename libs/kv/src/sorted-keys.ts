import { assert } from './assert.js';

/** Keys per chunk after a split; chunks split when they reach twice this. */
const CHUNK_LOAD = 256;

/** What the index holds: anything with a key. */
export interface Keyed {
  readonly key: string;
}

/**
 * The ordered index of the store's keys: a sorted list of sorted chunks
 * (the layout of Python's sortedcontainers), so insert and delete cost a
 * binary search plus a splice of at most 2 * CHUNK_LOAD entries, and a
 * range scan is a binary search then a walk that hands out the entries
 * themselves (no map lookup per key). Keys are latin1 strings, so `<` on
 * strings is etcd's byte order.
 */
export class SortedKeys<V extends Keyed = Keyed> {
  private chunks: V[][] = [];
  /** maxes[i] is the last key of chunks[i]. */
  private maxes: string[] = [];
  private count = 0;

  /** The number of keys. */
  get size(): number {
    return this.count;
  }

  /** Adds `entry`; returns false when its key was already there. */
  insert(entry: V): boolean {
    const key = entry.key;
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      this.maxes.push(key);
      this.count = 1;
      return true;
    }
    let c = lowerBound(this.maxes, key);
    if (c === this.chunks.length) c -= 1;
    const chunk = this.chunks[c]!;
    const i = lowerBoundKeyed(chunk, key);
    if (chunk[i]?.key === key) return false;
    chunk.splice(i, 0, entry);
    if (i === chunk.length - 1) this.maxes[c] = key;
    this.count += 1;
    if (chunk.length >= 2 * CHUNK_LOAD) {
      const tail = chunk.splice(CHUNK_LOAD);
      this.chunks.splice(c + 1, 0, tail);
      this.maxes.splice(c, 1, chunk[chunk.length - 1]!.key, tail[tail.length - 1]!.key);
    }
    return true;
  }

  /** Removes `key`; returns false when it was not there. */
  delete(key: string): boolean {
    const c = lowerBound(this.maxes, key);
    if (c === this.chunks.length) return false;
    const chunk = this.chunks[c]!;
    const i = lowerBoundKeyed(chunk, key);
    if (chunk[i]?.key !== key) return false;
    chunk.splice(i, 1);
    this.count -= 1;
    if (chunk.length === 0) {
      this.chunks.splice(c, 1);
      this.maxes.splice(c, 1);
    } else if (i === chunk.length) {
      this.maxes[c] = chunk[chunk.length - 1]!.key;
    }
    return true;
  }

  /** Replaces the contents with `sorted` (strictly ascending keys), in linear time. */
  load(sorted: readonly V[]): void {
    this.clear();
    for (let i = 0; i < sorted.length; i += CHUNK_LOAD) {
      const chunk = sorted.slice(i, i + CHUNK_LOAD);
      this.chunks.push(chunk);
      this.maxes.push(chunk[chunk.length - 1]!.key);
    }
    this.count = sorted.length;
  }

  /** Removes every key. */
  clear(): void {
    this.chunks = [];
    this.maxes = [];
    this.count = 0;
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    const c = lowerBound(this.maxes, key);
    if (c === this.chunks.length) return false;
    const chunk = this.chunks[c]!;
    return chunk[lowerBoundKeyed(chunk, key)]?.key === key;
  }

  /** Keys k with start <= k < end (end null: unbounded), ascending. */
  *range(start: string, end: string | null): IterableIterator<string> {
    const keys: string[] = [];
    this.forEachInRange(start, end, (entry) => {
      keys.push(entry.key);
    });
    yield* keys;
  }

  /** Calls `visit` for entries with keys in [start, end) ascending until it returns false. */
  forEachInRange(start: string, end: string | null, visit: (entry: V) => boolean | void): void {
    let c = lowerBound(this.maxes, start);
    if (c === this.chunks.length) return;
    let i = lowerBoundKeyed(this.chunks[c]!, start);
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) {
        const entry = chunk[i]!;
        if (end !== null && entry.key >= end) return;
        if (visit(entry) === false) return;
      }
    }
  }

  /** Checks the structure: chunks non-empty and sorted, maxes right, count right. */
  invariants(): void {
    let total = 0;
    let previous: string | undefined;
    assert(this.chunks.length === this.maxes.length, 'one max per chunk');
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      assert(chunk.length > 0 && chunk.length < 2 * CHUNK_LOAD, `chunk ${c} size ${chunk.length}`);
      assert(this.maxes[c] === chunk[chunk.length - 1]!.key, `max of chunk ${c}`);
      for (const { key } of chunk) {
        assert(previous === undefined || previous < key, 'keys strictly ascending');
        previous = key;
      }
      total += chunk.length;
    }
    assert(total === this.count, 'count matches');
  }
}

/** The first index i with sorted[i].key >= key (sorted.length if none). */
function lowerBoundKeyed(sorted: readonly Keyed[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index i with sorted[i] >= key (sorted.length if none). */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

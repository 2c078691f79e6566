import { assert } from './assert.js';

/** Keys per chunk after a split; chunks split when they reach twice this. */
const CHUNK_LOAD = 256;

/**
 * The ordered index of the store's keys: a sorted list of sorted chunks
 * (the layout of Python's sortedcontainers), so insert and delete cost a
 * binary search plus a splice of at most 2 * CHUNK_LOAD strings, and a
 * range scan is a binary search then a walk. Keys are latin1 strings, so
 * `<` on strings is etcd's byte order.
 */
export class SortedKeys {
  private chunks: string[][] = [];
  /** maxes[i] is the last key of chunks[i]. */
  private maxes: string[] = [];
  private count = 0;

  /** The number of keys. */
  get size(): number {
    return this.count;
  }

  /** Adds `key`; returns false when it was already there. */
  insert(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.maxes.push(key);
      this.count = 1;
      return true;
    }
    let c = lowerBound(this.maxes, key);
    if (c === this.chunks.length) c -= 1;
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    if (chunk[i] === key) return false;
    chunk.splice(i, 0, key);
    if (i === chunk.length - 1) this.maxes[c] = key;
    this.count += 1;
    if (chunk.length >= 2 * CHUNK_LOAD) {
      const tail = chunk.splice(CHUNK_LOAD);
      this.chunks.splice(c + 1, 0, tail);
      this.maxes.splice(c, 1, chunk[chunk.length - 1]!, tail[tail.length - 1]!);
    }
    return true;
  }

  /** Removes `key`; returns false when it was not there. */
  delete(key: string): boolean {
    const c = lowerBound(this.maxes, key);
    if (c === this.chunks.length) return false;
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    if (chunk[i] !== key) return false;
    chunk.splice(i, 1);
    this.count -= 1;
    if (chunk.length === 0) {
      this.chunks.splice(c, 1);
      this.maxes.splice(c, 1);
    } else if (i === chunk.length) {
      this.maxes[c] = chunk[chunk.length - 1]!;
    }
    return true;
  }

  /** Replaces the contents with `sorted` (strictly ascending), in linear time. */
  load(sorted: readonly string[]): void {
    this.clear();
    for (let i = 0; i < sorted.length; i += CHUNK_LOAD) {
      const chunk = sorted.slice(i, i + CHUNK_LOAD);
      this.chunks.push(chunk);
      this.maxes.push(chunk[chunk.length - 1]!);
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
    return chunk[lowerBound(chunk, key)] === key;
  }

  /** Keys k with start <= k < end (end null: unbounded), ascending. */
  *range(start: string, end: string | null): IterableIterator<string> {
    let c = lowerBound(this.maxes, start);
    if (c === this.chunks.length) return;
    let i = lowerBound(this.chunks[c]!, start);
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) {
        const key = chunk[i]!;
        if (end !== null && key >= end) return;
        yield key;
      }
    }
  }

  /** Calls `visit` for keys in [start, end) ascending until it returns false. */
  forEachInRange(start: string, end: string | null, visit: (key: string) => boolean | void): void {
    let c = lowerBound(this.maxes, start);
    if (c === this.chunks.length) return;
    let i = lowerBound(this.chunks[c]!, start);
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) {
        const key = chunk[i]!;
        if (end !== null && key >= end) return;
        if (visit(key) === false) return;
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
      assert(this.maxes[c] === chunk[chunk.length - 1], `max of chunk ${c}`);
      for (const key of chunk) {
        assert(previous === undefined || previous < key, 'keys strictly ascending');
        previous = key;
      }
      total += chunk.length;
    }
    assert(total === this.count, 'count matches');
  }
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

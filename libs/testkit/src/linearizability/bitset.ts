/**
 * A fixed-size set of operation positions with an incrementally maintained
 * hash (Zobrist hashing: the XOR of a fixed pseudo-random word per member),
 * so hashing a search configuration costs O(1) instead of O(n / 32).
 */
import { assert } from './errors.js';

/** A 32-bit integer mix (the finalizer of MurmurHash3), used as the per-member word. */
export function mix32(input: number): number {
  let h = input >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A bitset over positions 0..size-1 with an O(1) hash. */
export class HashedBitset {
  readonly words: Uint32Array;
  private hashValue = 0;
  private memberCount = 0;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  /** The Zobrist hash of the current members. */
  get hash(): number {
    return this.hashValue;
  }

  /** How many positions are members. */
  get count(): number {
    return this.memberCount;
  }

  has(position: number): boolean {
    return ((this.words[position >>> 5]! >>> (position & 31)) & 1) === 1;
  }

  add(position: number): void {
    assert(position >= 0 && position < this.size && !this.has(position), `add of bad or present position ${position}`);
    this.words[position >>> 5]! |= 1 << (position & 31);
    this.hashValue = (this.hashValue ^ mix32(position + 1)) >>> 0;
    this.memberCount += 1;
  }

  delete(position: number): void {
    assert(this.has(position), `delete of absent position ${position}`);
    this.words[position >>> 5]! &= ~(1 << (position & 31));
    this.hashValue = (this.hashValue ^ mix32(position + 1)) >>> 0;
    this.memberCount -= 1;
  }

  /** The first position at or after `start` that is not a member (`size` if none). */
  firstAbsentFrom(start: number): number {
    let position = start;
    while (position < this.size && this.has(position)) position += 1;
    return position;
  }

  /** The members after `after`, ascending. */
  membersAfter(after: number): number[] {
    const members: number[] = [];
    for (let wordIndex = (after + 1) >>> 5; wordIndex < this.words.length; wordIndex += 1) {
      let word = this.words[wordIndex]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        const position = wordIndex * 32 + bit;
        if (position > after) members.push(position);
        word &= word - 1;
      }
    }
    return members;
  }
}

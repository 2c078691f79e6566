import { describe, expect, it } from 'vitest';
import { ErrCompacted, ErrSnapOutOfDate, ErrUnavailable, EntryType, MemoryStorage, emptyConfState, type Entry } from '../src/index.js';

const e = (index: number, term: number): Entry => ({ index, term, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(0) });

describe('MemoryStorage', () => {
  it('starts empty', () => {
    const s = new MemoryStorage();
    expect(s.firstIndex()).toBe(1);
    expect(s.lastIndex()).toBe(0);
    expect(s.term(0)).toBe(0);
    expect(() => s.term(1)).toThrow(ErrUnavailable);
  });
  it('appends, truncates a conflicting tail, compacts and snapshots', () => {
    const s = new MemoryStorage();
    s.append([e(1, 1), e(2, 1), e(3, 2)]);
    expect(s.lastIndex()).toBe(3);
    s.append([e(3, 3), e(4, 3)]);
    expect(s.term(3)).toBe(3);
    expect(s.entries(1, 5, Infinity).map((x) => x.term)).toEqual([1, 1, 3, 3]);
    expect(s.entries(1, 5, 0)).toHaveLength(1);
    s.compact(2);
    expect(s.firstIndex()).toBe(3);
    expect(s.term(2)).toBe(1);
    expect(() => s.entries(2, 4, Infinity)).toThrow(ErrCompacted);
    expect(() => s.compact(2)).toThrow(ErrCompacted);
    const snap = s.createSnapshot(3, { ...emptyConfState(), voters: [1, 2, 3] }, new Uint8Array([7]));
    expect(snap.metadata).toMatchObject({ index: 3, term: 3 });
    expect(() => s.createSnapshot(3, undefined, new Uint8Array())).toThrow(ErrSnapOutOfDate);
    // appending entries that are partly compacted keeps the rest
    s.append([e(1, 1), e(2, 1), e(3, 3), e(4, 3), e(5, 3)]);
    expect(s.lastIndex()).toBe(5);
    expect(() => s.append([e(9, 3)])).toThrow();
    s.applySnapshot({ data: new Uint8Array(), metadata: { index: 10, term: 4, confState: emptyConfState() } });
    expect(s.firstIndex()).toBe(11);
    expect(s.lastIndex()).toBe(10);
    expect(s.term(10)).toBe(4);
    expect(() => s.applySnapshot({ data: new Uint8Array(), metadata: { index: 9, term: 4, confState: emptyConfState() } })).toThrow(ErrSnapOutOfDate);
  });
});

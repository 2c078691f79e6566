/**
 * The in-memory log keeps no larger buffer alive: an entry whose data is a
 * view into a bigger buffer is copied to a buffer of its own size; an
 * entry that already owns its buffer, or has no data, is kept as it is.
 */
import { EntryType, type Entry } from '@mgmt/raft';
import { describe, expect, it } from 'vitest';
import { ownEntries } from './own-entries.js';

const entry = (index: number, data: Uint8Array): Entry => ({ term: 1, index, type: EntryType.ENTRY_NORMAL, data });

describe('ownEntries', () => {
  it('copies data that is a view into a larger buffer, with the same bytes', () => {
    const chunk = new Uint8Array(65_536).fill(9);
    const [e] = ownEntries([entry(1, chunk.subarray(100, 110))]);
    expect(e!.data.buffer).not.toBe(chunk.buffer);
    expect(e!.data.buffer.byteLength).toBe(10);
    expect([...e!.data]).toEqual(new Array(10).fill(9));
  });

  it('keeps entries that own their buffer, and empty ones, as they are', () => {
    const own = entry(2, new Uint8Array([1, 2, 3]));
    const empty = entry(3, new Uint8Array(0));
    const out = ownEntries([own, empty]);
    expect(out[0]).toBe(own);
    expect(out[1]).toBe(empty);
  });
});

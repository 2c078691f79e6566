// Proves startNewSegment (what Maintenance.Defragment builds on): called
// while a save is still in flight, it waits for it, ends the current
// segment and resolves with the last durable index; a snapshot at that
// index then leaves exactly one segment (the new one) and one snapshot
// file, and after a power cut the storage recovers the snapshot, the
// entries written after the cut, and the hard state.
import { describe, expect, it } from 'vitest';
import { EntryType, type Entry } from '@mgmt/raft';
import { DurableStorage, SimDisk } from '../src/index.js';

const identity = { clusterId: 'defrag', memberId: 1 };

function entries(first: number, count: number): Entry[] {
  return Array.from({ length: count }, (_, k) => ({ index: first + k, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(100).fill(first + k) }));
}

describe('DurableStorage.startNewSegment', () => {
  it('lets a snapshot remove everything written before it, and recovers after a power cut', async () => {
    const disk = new SimDisk({ seed: 7 });
    const s = DurableStorage.open({ fs: disk, dir: '/d', identity });
    await s.save({ entries: entries(1, 40), hardState: { term: 1, vote: 1, commit: 40 } });
    const inFlight = s.save({ entries: entries(41, 10), hardState: { term: 1, vote: 1, commit: 50 } });
    const cutAt = await s.startNewSegment();
    await inFlight;
    expect(cutAt).toBe(50);
    expect(s.wal.segmentFiles.length).toBe(2);
    expect(await s.startNewSegment()).toBe(50); // nothing written since: no empty segment is cut
    expect(s.wal.segmentFiles.length).toBe(2);

    s.createSnapshot(50, { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false }, new Uint8Array([5, 0]));
    s.compact(50);
    expect(s.wal.segmentFiles.length).toBe(1);
    expect(disk.readdir('/d/snap').filter((n) => n.endsWith('.snap')).length).toBe(1);
    await s.save({ entries: entries(51, 5), hardState: { term: 1, vote: 1, commit: 55 } });
    s.checkInvariants();
    await s.close();

    disk.crash('lose');
    const r = DurableStorage.open({ fs: disk, dir: '/d', identity });
    expect(r.snapshot().metadata.index).toBe(50);
    expect([...r.snapshot().data]).toEqual([5, 0]);
    expect(r.firstIndex()).toBe(51);
    expect(r.lastIndex()).toBe(55);
    expect(r.entries(51, 56, Infinity).map((e) => e.data[0])).toEqual([51, 52, 53, 54, 55]);
    expect(r.hardState()).toEqual({ term: 1, vote: 1, commit: 55 });
    r.checkInvariants();
  });
});

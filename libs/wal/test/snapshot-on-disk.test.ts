// Proves that DurableStorage keeps no snapshot bytes and no recovered log in
// memory (issue 21, bounded memory): a snapshot's metadata is answered from
// memory, its data is read from the snapshot file only when used (once per
// snapshot() object), the bytes recovery read are handed out once instead of
// being read again at start, and the recovered entries (views into whole
// segment files) are not kept by the log after the storage took copies.
import { describe, expect, it } from 'vitest';
import { EntryType, type ConfState, type Entry } from '@mgmt/raft';
import { DurableStorage, SimDisk } from '../src/index.js';

const identity = { clusterId: 'snap-on-disk', memberId: 1 };
const confState: ConfState = { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };

/** A SimDisk that records every file read. */
class CountingDisk extends SimDisk {
  readonly reads: string[] = [];
  override readFile(p: string): Uint8Array {
    this.reads.push(p);
    return super.readFile(p);
  }
  snapshotReads(): number {
    return this.reads.filter((p) => p.endsWith('.snap')).length;
  }
}

function entries(from: number, to: number): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push({ index: i, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([i, i, i]) });
  return out;
}

describe('snapshots stay on disk', () => {
  it('metadata comes from memory; data is read from the file when used, once per snapshot() object', async () => {
    const disk = new CountingDisk();
    const s = DurableStorage.open({ fs: disk, dir: '/d', identity });
    await s.save({ entries: entries(1, 5), hardState: { term: 1, vote: 1, commit: 5 } });
    const bytes = new Uint8Array([9, 8, 7, 6]);
    const made = s.createSnapshot(4, confState, bytes);
    expect(made.data).toEqual(bytes); // the caller gets its snapshot back whole
    const before = disk.snapshotReads();

    const snap = s.snapshot();
    expect(snap.metadata).toMatchObject({ index: 4, term: 1 });
    expect(s.firstIndex()).toBe(1);
    expect(disk.snapshotReads()).toBe(before); // nothing read for the metadata

    expect(snap.data).toEqual(bytes);
    expect(snap.data).toEqual(bytes);
    expect(disk.snapshotReads()).toBe(before + 1); // read once for this object
    expect(s.snapshot().data).toEqual(bytes);
    expect(disk.snapshotReads()).toBe(before + 2); // a new object reads the file again: nothing was kept
    await s.close();
  });

  it('a snapshot received from the leader is read back from its file', async () => {
    const disk = new CountingDisk();
    const s = DurableStorage.open({ fs: disk, dir: '/r', identity });
    const received = { data: new Uint8Array([1, 2, 3]), metadata: { index: 10, term: 2, confState } };
    await s.save({ snapshot: received, hardState: { term: 2, vote: 0, commit: 10 } });
    const before = disk.snapshotReads();
    expect(s.snapshot()).toEqual(received);
    expect(disk.snapshotReads()).toBe(before + 1);
    await s.close();
  });

  it('at start, the bytes recovery read are handed out once, not read again; the recovered entries are not kept', async () => {
    const disk = new CountingDisk();
    const s = DurableStorage.open({ fs: disk, dir: '/s', identity });
    await s.save({ entries: entries(1, 8), hardState: { term: 1, vote: 1, commit: 8 } });
    const bytes = new Uint8Array([5, 5, 5]);
    s.createSnapshot(6, confState, bytes);
    await s.close();

    const reopened = DurableStorage.open({ fs: disk, dir: '/s', identity });
    const afterRecovery = disk.snapshotReads();
    expect(reopened.snapshot().data).toEqual(bytes); // the member's restore
    expect(disk.snapshotReads()).toBe(afterRecovery);
    expect(reopened.snapshot().data).toEqual(bytes); // later uses read the file
    expect(disk.snapshotReads()).toBe(afterRecovery + 1);

    expect(reopened.entries(7, 9, Infinity).map((e) => [...e.data])).toEqual([
      [7, 7, 7],
      [8, 8, 8],
    ]);
    expect(reopened.wal.recovered.entries).toEqual([]);
    expect(reopened.wal.recovered.snapshot.data).toHaveLength(0);
    expect(reopened.wal.recovered.snapshot.metadata.index).toBe(6);
    await reopened.close();
  });
});

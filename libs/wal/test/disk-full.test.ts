// Proves a full disk (ENOSPC) stops writes with a clear WalDiskFullError,
// acknowledges nothing it could not persist, leaves no damage behind (no
// torn record, no half-made segment or snapshot), and that the same WAL
// accepts writes again once space returns, with every acknowledged entry
// still there after a restart.
import { describe, expect, it } from 'vitest';
import { EntryType, type Entry } from '@mgmt/raft';
import { DurableStorage, SimDisk, WalDiskFullError } from '../src/index.js';

const DIR = '/data/full';
const identity = { clusterId: 'c', memberId: 1 };

function ents(from: number, n: number): Entry[] {
  return Array.from({ length: n }, (_, k) => ({ index: from + k, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(100).fill(k) }));
}

function open(disk: SimDisk, io: 'sync' | 'async' = 'sync', segmentSizeBytes = 1 << 20): DurableStorage {
  return DurableStorage.open({ fs: disk, dir: DIR, identity, io, segmentSizeBytes });
}

describe('disk full', () => {
  it('refuses the write, rolls it back, and serves again when space returns', () => {
    const disk = new SimDisk();
    const logged: string[] = [];
    const logger = { warn: (_f: object, m: string) => logged.push(`warn ${m}`), info: (_f: object, m: string) => logged.push(`info ${m}`) };
    const s = DurableStorage.open({ fs: disk, dir: DIR, identity, io: 'sync', logger });
    s.saveSync({ entries: ents(1, 3), hardState: { term: 1, vote: 1, commit: 3 } });
    const file = s.wal.segmentFiles[0]!;
    const size = disk.readFile(file).byteLength;
    disk.capacityBytes = disk.usedBytes() + 150; // room for a part of the next record only
    expect(() => s.saveSync({ entries: ents(4, 3) })).toThrow(WalDiskFullError);
    expect(() => s.saveSync({ entries: ents(4, 3) })).toThrow(
      `wal: disk full writing ${file} at offset ${size}; the write was rolled back and nothing was acknowledged, retry when space returns`,
    );
    expect(disk.readFile(file).byteLength).toBe(size);
    expect(s.lastIndex()).toBe(3);

    disk.capacityBytes = undefined;
    s.saveSync({ entries: ents(4, 3), hardState: { term: 1, vote: 1, commit: 6 } });
    expect(s.lastIndex()).toBe(6);
    // Logged once when writes stopped, once when they resumed.
    expect(logged.filter((l) => l.includes('disk'))).toEqual([
      `warn wal: disk full writing ${file} at offset ${size}; the write was rolled back and nothing was acknowledged, retry when space returns`,
      'info wal: disk space is available again; writes resumed',
    ]);
    s.closeSync();
    disk.crash('lose');
    const r = open(disk);
    expect(r.wal.recovered.tornTail).toBeUndefined();
    expect(r.lastIndex()).toBe(6);
    expect(r.hardState().commit).toBe(6);
  });

  it('rejects every save of the failed group commit and accepts the retry', async () => {
    const disk = new SimDisk();
    const s = open(disk, 'async');
    await s.save({ entries: ents(1, 1) });
    disk.capacityBytes = disk.usedBytes() + 200;
    const results = await Promise.allSettled([2, 3, 4, 5].map((i) => s.save({ entries: ents(i, 1) })));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(WalDiskFullError);
    expect(s.lastIndex()).toBe(1);
    disk.capacityBytes = undefined;
    await Promise.all([2, 3, 4, 5].map((i) => s.save({ entries: ents(i, 1) })));
    expect(s.lastIndex()).toBe(5);
    await s.close();
  });

  it('leaves no half-made segment when the disk fills at a segment cut', () => {
    const disk = new SimDisk();
    const s = open(disk, 'sync', 400);
    s.saveSync({ entries: ents(1, 3) }); // fills the first segment
    disk.capacityBytes = disk.usedBytes() + 20; // not even a segment header fits
    expect(() => s.saveSync({ entries: ents(4, 1) })).toThrow(WalDiskFullError);
    expect(disk.readdir(`${DIR}/wal`)).toHaveLength(1);
    disk.capacityBytes = undefined;
    s.saveSync({ entries: ents(4, 1) });
    expect(s.wal.segmentFiles).toHaveLength(2);
    s.closeSync();
    expect(open(disk).lastIndex()).toBe(4);
  });

  it('leaves no temporary file when the disk fills while writing a snapshot', () => {
    const disk = new SimDisk();
    const s = open(disk);
    s.saveSync({ entries: ents(1, 5), hardState: { term: 1, vote: 1, commit: 5 } });
    disk.capacityBytes = disk.usedBytes() + 100;
    expect(() => s.createSnapshot(5, undefined, new Uint8Array(1000))).toThrow(WalDiskFullError);
    expect(disk.readdir(`${DIR}/snap`)).toEqual([]);
    expect(s.snapshot().metadata.index).toBe(0);
    disk.capacityBytes = undefined;
    s.createSnapshot(5, undefined, new Uint8Array(1000));
    s.closeSync();
    expect(open(disk).snapshot().metadata.index).toBe(5);
  });
});

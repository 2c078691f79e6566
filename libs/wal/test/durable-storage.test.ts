// Proves DurableStorage is a drop-in Storage for the Raft core: after every
// operation of a seeded Raft-shaped workload it answers exactly like the
// core's MemoryStorage (entries with size limits, terms, first/last index,
// snapshot, hard state), in both the async (agent) and sync (simulator)
// modes, and a reopened storage recovers the same state from snapshot + log.
// Also proves reads only ever show durable data: an append is invisible to
// the core until its fsync has returned.
import { describe, expect, it } from 'vitest';
import { EntryType, MemoryStorage, ErrCompacted, ErrUnavailable } from '@mgmt/raft';
import { DurableStorage, SimDisk, type AppendFile, type FileSystem } from '../src/index.js';
import { applyToModel, digest, generateWorkload, type WorkloadOp } from './workload.js';

const identity = { clusterId: 'ds', memberId: 3 };
const SEEDS = process.env.SEED ? [Number(process.env.SEED)] : [11, 12, 13, 14];

function sameReads(s: DurableStorage, m: MemoryStorage, where: string): void {
  expect(digest(s, s.hardState()), where).toEqual(digest(m, m.getHardState()));
  expect(s.initialState(), where).toEqual(m.initialState());
  const first = m.firstIndex();
  const last = m.lastIndex();
  for (let i = first - 1; i <= last; i++) expect(s.term(i), `${where} term(${i})`).toBe(m.term(i));
  if (last >= first) {
    for (const maxBytes of [0, 60, 200]) expect(s.entries(first, last + 1, maxBytes).length, where).toBe(m.entries(first, last + 1, maxBytes).length);
  }
  expect(() => s.term(last + 1)).toThrow(ErrUnavailable);
  if (first > 1) expect(() => s.entries(first - 1, last + 1, Infinity)).toThrow(ErrCompacted);
}

async function apply(s: DurableStorage, op: WorkloadOp, io: 'sync' | 'async'): Promise<void> {
  if (op.kind === 'snapshot') {
    s.createSnapshot(op.index, undefined, op.data);
    s.compact(op.index);
  } else if (io === 'sync') {
    s.saveSync(op.rd);
  } else {
    await s.save(op.rd);
  }
}

describe('DurableStorage answers like MemoryStorage', () => {
  for (const io of ['async', 'sync'] as const) {
    it(`after every operation and after a restart (${io})`, async () => {
      for (const seed of SEEDS) {
        const where = `seed=${seed} io=${io} (replay: SEED=${seed} npx vitest run test/durable-storage.test.ts)`;
        const w = generateWorkload(seed, 60);
        const disk = new SimDisk({ seed });
        const s = DurableStorage.open({ fs: disk, dir: '/d', identity, io, segmentSizeBytes: 500 });
        const m = new MemoryStorage();
        for (const [i, op] of w.ops.entries()) {
          await apply(s, op, io);
          applyToModel(m, op);
          sameReads(s, m, `${where} op ${i}`);
          s.checkInvariants();
        }
        await s.close();
        disk.crash('lose');
        const r = DurableStorage.open({ fs: disk, dir: '/d', identity, io, segmentSizeBytes: 500 });
        sameReads(r, m, `${where} after restart`);
        r.checkInvariants();
        // No segment the snapshot covers is left: the second-oldest one starts after the snapshot.
        const second = r.wal.segmentFiles[1];
        if (second) expect(parseInt(second.split('/').pop()!.slice(17, 33), 16) - 1, where).toBeGreaterThan(r.snapshot().metadata.index);
      }
    });
  }

  it('the StorageWriter methods persist too (sync mode returns void, async a promise)', async () => {
    const disk = new SimDisk();
    const s = DurableStorage.open({ fs: disk, dir: '/d', identity, io: 'sync' });
    expect(s.append([{ index: 1, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([1]) }])).toBeUndefined();
    expect(s.setHardState({ term: 1, vote: 3, commit: 1 })).toBeUndefined();
    s.closeSync();
    const a = DurableStorage.open({ fs: disk, dir: '/d', identity });
    const p = a.append([{ index: 2, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([2]) }]);
    expect(p).toBeInstanceOf(Promise);
    await p;
    const snap = { data: new Uint8Array([7]), metadata: { index: 10, term: 2, confState: { voters: [3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false } } };
    await a.applySnapshot(snap);
    await a.close();
    disk.crash('lose');
    const r = DurableStorage.open({ fs: disk, dir: '/d', identity });
    expect(r.snapshot()).toEqual(snap);
    expect(r.firstIndex()).toBe(11);
    expect(r.hardState()).toEqual({ term: 1, vote: 3, commit: 10 });
  });
});

/** A SimDisk whose asynchronous fsyncs wait until the test releases them. */
class GatedDisk implements FileSystem {
  readonly disk = new SimDisk();
  readonly held: Array<() => void> = [];
  mkdirp = (d: string) => this.disk.mkdirp(d);
  readdir = (d: string) => this.disk.readdir(d);
  exists = (p: string) => this.disk.exists(p);
  readFile = (p: string) => this.disk.readFile(p);
  rename = (a: string, b: string) => this.disk.rename(a, b);
  unlink = (p: string) => this.disk.unlink(p);
  truncate = (p: string, n: number) => this.disk.truncate(p, n);
  fsyncFile = (p: string) => this.disk.fsyncFile(p);
  fsyncDir = (d: string) => this.disk.fsyncDir(d);
  openAppend(p: string, o: { create: boolean }): AppendFile {
    const f = this.disk.openAppend(p, o);
    return {
      path: f.path,
      write: (d) => f.write(d),
      size: () => f.size(),
      truncate: (n) => f.truncate(n),
      sync: () => f.sync(),
      close: () => f.close(),
      syncAsync: () => new Promise<void>((resolve) => this.held.push(() => f.syncAsync().then(resolve))),
    };
  }
  release(): void {
    this.held.shift()!();
  }
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('group commit', () => {
  it('saves arriving during an fsync share the next one, and reads show only durable entries', async () => {
    const fs = new GatedDisk();
    const s = DurableStorage.open({ fs, dir: '/g', identity });
    const e = (i: number) => ({ index: i, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([i]) });
    const done: number[] = [];
    const first = s.save({ entries: [e(1)] }).then(() => done.push(1));
    await tick();
    expect(fs.held).toHaveLength(1); // the first fsync is in flight
    expect(s.lastIndex()).toBe(0); // not durable, so not visible to the core
    const rest = [2, 3, 4, 5].map((i) => s.save({ entries: [e(i)] }).then(() => done.push(i)));
    await tick();
    expect(fs.held).toHaveLength(1); // they wait for the next fsync
    fs.release();
    await first;
    expect(done).toEqual([1]);
    expect(s.lastIndex()).toBe(1);
    await tick();
    expect(fs.held).toHaveLength(1); // one fsync for all four
    fs.release();
    await Promise.all(rest);
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(s.wal.stats).toEqual({ batchSyncs: 2, saves: 5, entries: 5 });
    await s.close();
  });

  it('a save that only moves the commit index is written without an fsync (etcd raft.MustSync)', async () => {
    const fs = new GatedDisk();
    const s = DurableStorage.open({ fs, dir: '/c', identity });
    const first = s.save({ entries: [{ index: 1, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([1]) }], hardState: { term: 1, vote: 1, commit: 0 } });
    await tick();
    expect(fs.held).toHaveLength(1);
    fs.release();
    await first;
    await s.save({ hardState: { term: 1, vote: 1, commit: 1 } }); // resolves with no fsync released
    expect(fs.held).toHaveLength(0);
    expect(s.hardState()).toEqual({ term: 1, vote: 1, commit: 1 });
    expect(s.wal.stats).toEqual({ batchSyncs: 1, saves: 2, entries: 1 });
    const vote = s.save({ hardState: { term: 2, vote: 0, commit: 1 } }); // a new term must be synced
    await tick();
    expect(fs.held).toHaveLength(1);
    fs.release();
    await vote;
    await s.close();
  });
});

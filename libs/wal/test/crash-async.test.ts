// Proves the asynchronous group-commit path keeps the same promise as the
// synchronous one: with many saves in flight, the simulated process dies
// after every step in turn, and after the power cut every save whose
// promise resolved is on disk, and the recovered log is exactly a prefix of
// what was proposed (nothing invented, nothing reordered).
import { describe, expect, it } from 'vitest';
import { EntryType, type Entry } from '@mgmt/raft';
import { DurableStorage, SimDisk, type CrashMode } from '../src/index.js';

const identity = { clusterId: 'async-crash', memberId: 1 };
const open = (disk: SimDisk) => DurableStorage.open({ fs: disk, dir: '/a', identity, segmentSizeBytes: 700 });
const entry = (i: number): Entry => ({ index: i, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(30).fill(i % 256) });

async function runUntilCrash(disk: SimDisk): Promise<number[]> {
  const acked: number[] = [];
  let s: DurableStorage;
  try {
    s = open(disk);
  } catch {
    return acked;
  }
  let next = 1;
  // 4 waves of 12 concurrent proposers; a wave's saves share fsyncs.
  for (let wave = 0; wave < 4 && !disk.isDead; wave++) {
    await Promise.allSettled(
      Array.from({ length: 12 }, async () => {
        const i = next++;
        await s.save({ entries: [entry(i)], hardState: { term: 1, vote: 1, commit: i } });
        acked.push(i);
      }),
    );
  }
  return acked;
}

describe('crash at every step with saves in flight (async)', () => {
  for (const mode of ['lose', 'tear', 'keep'] as const satisfies readonly CrashMode[]) {
    it(`keeps every resolved save (${mode})`, async () => {
      for (let step = 0; ; step++) {
        const disk = new SimDisk({ seed: step });
        disk.crashAfterOps(step);
        const acked = await runUntilCrash(disk);
        const crashed = disk.isDead;
        disk.crash(mode);
        const r = open(disk);
        r.checkInvariants();
        const where = `mode=${mode} step=${step}`;
        const last = r.lastIndex();
        expect(last, where).toBeGreaterThanOrEqual(Math.max(0, ...acked));
        const got = last > 0 ? r.entries(1, last + 1, Infinity) : [];
        expect(got.map((e) => e.index), where).toEqual(Array.from({ length: last }, (_, k) => k + 1));
        for (const e of got) expect(e.data[0], where).toBe(e.index % 256);
        expect(r.hardState().commit, where).toBe(last);
        if (!crashed) break;
      }
    });
  }
});

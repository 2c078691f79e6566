// The Raft simulator over the real durable log (CI's 1,000 seeds; the soak
// runs 100,000 with `npx nx run raft:simulate -- --runs 100000 --seed S`):
// every member runs the production driver with production's options over
// DurableStorage on its own SimDisk, crashes in the middle of saves and
// snapshots with unsynced writes lost or torn, and restarts from what its
// disk holds; disks fill up (the driver holds the Ready and retries it) and
// space returns. Even seeds run production's exact settings. No safety
// violation, every client write commits once the faults stop, and the
// client history is linearizable. A failure names the seed and the replay command.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@mgmt/raft/sim';
import { WalStorageModel } from '../src/index.js';

const FIRST = Number(process.env.SEED ?? 1);
const RUNS = Number(process.env.RUNS ?? 1000);

describe('raft simulator on DurableStorage + SimDisk', () => {
  it(`${RUNS} seeds from ${FIRST} run with no violation`, () => {
    const failures: string[] = [];
    let crashes = 0;
    let fullDisks = 0;
    for (let s = FIRST; s < FIRST + RUNS; s++) {
      const r = runSimulation({ seed: s, storage: (seed) => new WalStorageModel(seed), productionDefaults: (s & 1) === 0 });
      crashes += r.stats.crashes ?? 0;
      fullDisks += r.stats.fullDisks ?? 0;
      if (r.violations.length > 0) failures.push(`seed ${s}: ${r.violations[0]} (replay: npx nx run raft:simulate -- --runs 1 --seed ${s})`);
    }
    expect(failures).toEqual([]);
    expect(crashes).toBeGreaterThan(RUNS);
    expect(fullDisks).toBeGreaterThan(RUNS / 4);
  }, 600_000);

  it('the seeds the first soak failed on pass (a one-voter leader sent the commit index of an unsaved entry; a read answered by a ReadIndex reply meant for the previous run of its member)', () => {
    for (const s of [1001096, 1001512, 1001692, 1006092, 1006453]) {
      const r = runSimulation({ seed: s, storage: (seed) => new WalStorageModel(seed), productionDefaults: (s & 1) === 0 });
      expect(r.violations, `seed ${s}`).toEqual([]);
    }
  });

  it('the checkers catch a deliberately broken rule on SimDisk too (a vote counted twice)', () => {
    const caught: string[] = [];
    for (let s = 1; s <= 60 && caught.length === 0; s++) {
      caught.push(...runSimulation({ seed: s, storage: (seed) => new WalStorageModel(seed), bugs: { doubleCountSelfVote: true } }).violations);
    }
    expect(caught[0]).toMatch(/election safety|leader completeness|log matching|state machine safety|committed entry lost|linearizability/);
  });

  it('a run replays exactly from its seed', () => {
    const run = (): unknown => runSimulation({ seed: 4242, storage: (seed) => new WalStorageModel(seed) });
    expect(run()).toEqual(run());
  });
});

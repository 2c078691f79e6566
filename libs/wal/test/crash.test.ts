// Proves that nothing acknowledged is ever lost and nothing half-written is
// ever recovered: a Raft-shaped workload runs on SimDisk and the simulated
// process dies after every single write, fsync, rename and unlink in turn.
// After each power cut (unsynced data lost, torn, or kept) the WAL is
// reopened (sometimes crashing again during recovery) and must hold exactly
// the state after the last acknowledged operation, or after the one that
// was in flight. Failures print the seed, crash mode and step.
import { describe, expect, it } from 'vitest';
import { DurableStorage, SimCrashError, SimDisk, type CrashMode } from '../src/index.js';
import { applyToStorage, digest, generateWorkload, type Digest } from './workload.js';

const identity = { clusterId: 'crash-test', memberId: 1 };
const BASE_SEED = Number(process.env.SEED ?? 1);
/** Workload length; raise it (OPS=200) for a longer soak. */
const OPS = Number(process.env.OPS ?? 40);

function open(disk: SimDisk): DurableStorage {
  return DurableStorage.open({ fs: disk, dir: '/data/member', identity, io: 'sync', segmentSizeBytes: 400 });
}

function stateOf(s: DurableStorage): Digest {
  return digest(s, s.hardState());
}

/** Runs the workload until the disk kills the process; returns how many ops were acknowledged. */
function runUntilCrash(disk: SimDisk, ops: ReturnType<typeof generateWorkload>['ops']): { acked: number; crashed: boolean } {
  let acked = 0;
  try {
    const s = open(disk);
    for (const op of ops) {
      applyToStorage(s, op);
      acked++;
      s.checkInvariants();
    }
    s.closeSync();
    return { acked, crashed: false };
  } catch (err) {
    if (err instanceof SimCrashError || disk.isDead) return { acked, crashed: true };
    throw err;
  }
}

/** Reopens after a crash; with `crashAgainAfter`, the recovery itself is cut short once first. */
function recover(disk: SimDisk, mode: CrashMode, crashAgainAfter: number | undefined): DurableStorage {
  if (crashAgainAfter !== undefined) {
    disk.crashAfterOps(crashAgainAfter);
    try {
      open(disk).closeSync();
    } catch (err) {
      if (!(err instanceof SimCrashError || disk.isDead)) throw err;
    }
    disk.crash(mode);
  }
  return open(disk);
}

function crashAtEveryStep(seed: number, mode: CrashMode, opCount: number): number {
  const w = generateWorkload(seed, opCount);
  let runs = 0;
  for (let step = 0; ; step++) {
    const disk = new SimDisk({ seed: seed * 1000 + step });
    disk.crashAfterOps(step);
    const { acked, crashed } = runUntilCrash(disk, w.ops);
    const where = `seed=${seed} mode=${mode} step=${step} acked=${acked} (replay: SEED=${BASE_SEED} OPS=${opCount} npx vitest run test/crash.test.ts); last ops: ${disk.recentOps.slice(-4).join(' | ')}`;
    disk.crash(mode);
    const again = step % 3 === 0 ? (step * 7) % 9 : undefined;
    let got: Digest;
    try {
      const r = recover(disk, mode, again);
      r.checkInvariants();
      got = stateOf(r);
    } catch (err) {
      throw new Error(`recovery failed at ${where}: ${(err as Error).message}`, { cause: err });
    }
    const allowed = [w.states[acked]!];
    if (crashed && acked < w.ops.length) allowed.push(w.states[acked + 1]!);
    const hybrid = w.extra.get(acked);
    if (crashed && hybrid) allowed.push(hybrid);
    if (!allowed.some((a) => JSON.stringify(a) === JSON.stringify(got))) {
      expect(got, `recovered state matches neither the acknowledged nor the in-flight state at ${where}`).toEqual(allowed[0]);
    }
    runs++;
    if (!crashed) return runs;
  }
}

describe('crash at every step (SimDisk)', () => {
  for (const [m, mode] of (['lose', 'tear', 'keep', 'random'] as const).entries()) {
    it(`recovers exactly the acknowledged state when unsynced data is ${mode === 'lose' ? 'lost' : mode === 'tear' ? 'torn' : mode === 'keep' ? 'kept' : 'randomly lost, torn or kept'}`, () => {
      // One workload per mode (a different seed each), crashed at every one of its steps.
      expect(crashAtEveryStep(BASE_SEED + m, mode, OPS)).toBeGreaterThan(100);
    });
  }
});

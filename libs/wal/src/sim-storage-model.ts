/**
 * The simulator's storage model on the real durable log: each simulated
 * member keeps its log in DurableStorage on its own SimDisk, exactly as
 * production keeps it on a real disk. A crash is a power cut of that disk
 * (unsynced writes lost, torn or kept, chosen by the seed); the member
 * restarts by recovering from what the disk holds. An armed disk kills the
 * process inside a save or a snapshot, after a chosen number of operations.
 * A disk can also fill up (ENOSPC): the driver holds the Ready and retries
 * it, as production does, until the simulator gives the space back.
 */
import type { Rng } from '@mgmt/raft';
import type { SimStorage, SimStorageModel } from '@mgmt/raft/sim';
import { DurableStorage } from './durable-storage.js';
import { WalDiskFullError } from './errors.js';
import { SimCrashError, SimDisk, type CrashMode } from './sim-disk.js';

const CRASH_MODES: readonly CrashMode[] = ['lose', 'tear', 'keep'];

/** DurableStorage on SimDisk per member; see the file comment. */
export class WalStorageModel implements SimStorageModel {
  private readonly disks = new Map<number, SimDisk>();
  private readonly open_ = new Map<number, DurableStorage>();

  /** `seed` seeds each member's disk (torn lengths); `segmentSizeBytes` unset keeps production's default. */
  constructor(
    private readonly seed: number,
    private readonly segmentSizeBytes?: number,
  ) {}

  open(id: number): SimStorage {
    const current = this.open_.get(id);
    if (current) return current;
    let disk = this.disks.get(id);
    if (!disk) this.disks.set(id, (disk = new SimDisk({ seed: this.seed * 131 + id })));
    const storage = DurableStorage.open({
      fs: disk,
      dir: `/m${id}`,
      identity: { clusterId: 'sim', memberId: id },
      io: 'sync',
      ...(this.segmentSizeBytes ? { segmentSizeBytes: this.segmentSizeBytes } : {}),
    });
    this.open_.set(id, storage);
    return storage;
  }

  crash(id: number, rng: Rng): void {
    const disk = this.disks.get(id);
    if (!disk) return;
    disk.crash(rng.pick(CRASH_MODES));
    this.open_.delete(id);
  }

  armCrash(id: number, ops: number): boolean {
    const disk = this.disks.get(id);
    if (!disk) return false;
    disk.crashAfterOps(ops);
    return true;
  }

  /** The armed disk fired: whatever the WAL made of it (a fatal fsync, a failed rollback), the process died. */
  isCrash(id: number, err: unknown): boolean {
    return err instanceof SimCrashError || this.disks.get(id)?.isDead === true;
  }

  /** A full disk: WalDiskFullError, which the production driver retries. */
  isDiskFull(err: unknown): boolean {
    return err instanceof WalDiskFullError;
  }

  /** The disk has room for at most a few hundred bytes more (maybe part of the next record). */
  fillDisk(id: number, rng: Rng): boolean {
    const disk = this.disks.get(id);
    if (!disk) return false;
    disk.capacityBytes = disk.usedBytes() + rng.int(400);
    return true;
  }

  freeDisks(): void {
    for (const disk of this.disks.values()) disk.capacityBytes = undefined;
  }

  /** The member's disk (tests). */
  disk(id: number): SimDisk | undefined {
    return this.disks.get(id);
  }
}

/**
 * How the simulator's members keep their logs, and what a crash does to
 * them. The Raft library offers the in-memory model (a save is durable at
 * once; a crash may leave a prefix of an unsaved Ready, see SimCluster);
 * libs/wal offers the real one, DurableStorage on SimDisk, where a crash
 * loses or tears unsynced writes and a restart recovers from the disk.
 */
import type { Rng } from '../random.js';
import type { ReadWriteStorage } from '../storage.js';
import type { DriverStorage } from '../driver/seams.js';
import { MemoryStorage } from '../memory-storage.js';

/** A member's storage as the simulator uses it: the driver's seam plus direct writes (bootstrap, scenarios). */
export type SimStorage = DriverStorage & ReadWriteStorage;

/** The storage of every simulated member; see the file comment. */
export interface SimStorageModel {
  /** Opens member `id`'s storage from what its disk holds now (empty for a new member). */
  open(id: number): SimStorage;
  /** The member's process died: its disk keeps only what survives a power cut. */
  crash(id: number, rng: Rng): void;
  /**
   * Makes the member's process die inside its next disk operations (after
   * `ops` of them), so a crash can hit the middle of a save. Returns false
   * when the model cannot (then the simulator crashes between saves).
   */
  armCrash(id: number, ops: number): boolean;
  /** Whether `err`, which stopped member `id`, is the simulated death of its process (an armed disk fired). */
  isCrash(id: number, err: unknown): boolean;
  /** Whether a failed save is a full disk (the driver then holds the Ready and retries it). Optional. */
  isDiskFull?(err: unknown): boolean;
  /** Fills member `id`'s disk (writes fail until space returns). Returns false when the model cannot. */
  fillDisk?(id: number, rng: Rng): boolean;
  /** Space returns on every disk. */
  freeDisks?(): void;
}

/** Logs in memory: a save is durable when it returns, and a crash keeps everything saved. */
export class MemoryStorageModel implements SimStorageModel {
  private readonly stores = new Map<number, MemoryStorage>();

  open(id: number): SimStorage {
    let s = this.stores.get(id);
    if (!s) this.stores.set(id, (s = new MemoryStorage()));
    return s;
  }

  crash(): void {}

  armCrash(): boolean {
    return false;
  }

  isCrash(): boolean {
    return false;
  }
}

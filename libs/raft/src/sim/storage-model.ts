/**
 * How the simulator's members keep their logs, and what a crash does to
 * them. The Raft library offers the in-memory model (a save is durable at
 * once; a crash inside a save leaves a prefix of it);
 * libs/wal offers the real one, DurableStorage on SimDisk, where a crash
 * loses or tears unsynced writes and a restart recovers from the disk.
 */
import type { Rng } from '../random.js';
import type { ReadWriteStorage } from '../storage.js';
import type { DriverStorage, ReadySave } from '../driver/seams.js';
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

/** Thrown by an armed in-memory store: the simulated process died inside a save. */
export class MemoryCrashError extends Error {
  constructor() {
    super('simulated crash inside a save');
    this.name = 'MemoryCrashError';
  }
}

/**
 * Logs in memory: a save is durable when it returns, and a crash keeps
 * everything saved. An armed store dies inside its next save after a
 * prefix of it: the snapshot or not, then `ops` entries in order, then the
 * hard state only if all entries made it (and `ops` is odd).
 */
export class MemoryStorageModel implements SimStorageModel {
  private readonly stores = new Map<number, MemoryStorage>();
  private readonly armed = new Map<number, number>();

  open(id: number): SimStorage {
    let s = this.stores.get(id);
    if (!s) this.stores.set(id, (s = this.newStore(id)));
    return s;
  }

  crash(id: number): void {
    this.armed.delete(id);
  }

  armCrash(id: number, ops: number): boolean {
    this.armed.set(id, ops);
    return true;
  }

  isCrash(_id: number, err: unknown): boolean {
    return err instanceof MemoryCrashError;
  }

  private newStore(id: number): MemoryStorage {
    const s = new MemoryStorage();
    const save = s.saveReady.bind(s);
    s.saveReady = (r: ReadySave) => {
      const ops = this.armed.get(id);
      if (ops === undefined) return save(r);
      this.armed.delete(id);
      if (r.snapshot && ops % 2 === 0) s.applySnapshot(r.snapshot);
      if (!r.snapshot) {
        const part = r.entries.slice(0, ops);
        if (part.length > 0) s.append(part);
        if (part.length === r.entries.length && r.hardState && ops % 2 === 1) s.setHardState(r.hardState);
      }
      throw new MemoryCrashError();
    };
    return s;
  }
}

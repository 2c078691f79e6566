/**
 * When a member snapshots its state machine and trims its log: every
 * `snapshotEveryEntries` applied entries (or at once when asked), keeping
 * `snapshotCatchUpEntries` behind the snapshot for slow followers. A full
 * disk postpones the snapshot (found by the simulator: not fatal, the log
 * goes on and a later Ready tries again), logged once until one succeeds.
 */
import type { ConfState } from '../types.js';
import type { DriverLogger, DriverStorage, StateMachine } from './seams.js';

export interface SnapshotPolicy {
  readonly snapshotEveryEntries: number;
  readonly snapshotCatchUpEntries: number;
  readonly isDiskFull: (err: unknown) => boolean;
}

export class SnapshotTaker {
  private postponed = false;

  constructor(
    private readonly storage: DriverStorage,
    private readonly sm: StateMachine,
    private readonly log: DriverLogger,
    private readonly policy: SnapshotPolicy,
    /** The index of the latest snapshot (taken or installed). */
    public index: number,
  ) {}

  /** Snapshots at `applied` if the policy says so (or `now`); throws what is not a full disk. */
  maybe(applied: number, confState: ConfState, now = false): void {
    const every = this.policy.snapshotEveryEntries;
    if (!now && (every <= 0 || applied - this.index < every)) return;
    try {
      void this.storage.createSnapshot(applied, confState, this.sm.snapshotData());
    } catch (err) {
      if (!this.policy.isDiskFull(err)) throw err;
      if (!this.postponed) this.log.warn({ err: (err as Error).message, index: applied }, 'disk full: snapshot postponed');
      this.postponed = true;
      return;
    }
    this.postponed = false;
    this.index = applied;
    const compactTo = applied - this.policy.snapshotCatchUpEntries;
    if (compactTo > this.storage.firstIndex()) void this.storage.compact(compactTo);
    this.log.info({ index: applied }, 'snapshot taken, log compacted');
  }
}

/**
 * When a member snapshots its state machine and trims its log: every
 * `snapshotEveryEntries` applied entries (or at once when asked), keeping
 * `snapshotCatchUpEntries` behind the snapshot for slow followers. A full
 * disk postpones the snapshot (found by the simulator: not fatal, the log
 * goes on and a later Ready tries again), logged once until one succeeds.
 *
 * A snapshot is taken on the member's one thread and stops everything else
 * for as long as it takes: it encodes the whole store (~150-280 ms for a
 * 6 MB store on this loaded 2-core machine), and every member of a cluster
 * reaches the same applied index at about the same moment, so the leader
 * and both followers stalled together. Under 256 clients that pause was
 * the slowest 5% of all puts: it set the p99. So a due snapshot waits while
 * the member is busy (it applied more than `snapshotBusyEntriesPerSecond`
 * entries a second over the last second) and is taken once the writes
 * ease off, or when the log has grown to `snapshotBusyMaxEntries` past the
 * last snapshot (memory stays bounded under a steady load). An idle member
 * still holds the short log: the snapshot comes within a second or two of
 * the end of a burst.
 */
import type { ConfState } from '../types.js';
import type { DriverClock, DriverLogger, DriverStorage, StateMachine } from './seams.js';

export interface SnapshotPolicy {
  readonly snapshotEveryEntries: number;
  readonly snapshotCatchUpEntries: number;
  /** Above this apply rate (entries a second) a due snapshot waits; 0: never waits. */
  readonly snapshotBusyEntriesPerSecond: number;
  /** A snapshot waits for a quieter moment at most until this many entries are past the last one. */
  readonly snapshotBusyMaxEntries: number;
  readonly isDiskFull: (err: unknown) => boolean;
}

/** The span over which the apply rate is measured. */
const RATE_WINDOW_MS = 1000;

/**
 * Whether to snapshot now: due (or asked for), and, when the rate rule is
 * on, either quiet or the log already at its most. Pure (the taker's edge
 * measures the rate).
 */
export function snapshotDue(policy: Omit<SnapshotPolicy, 'isDiskFull'>, sinceLast: number, entriesPerSecond: number): boolean {
  const every = policy.snapshotEveryEntries;
  if (every <= 0 || sinceLast < every) return false;
  if (policy.snapshotBusyEntriesPerSecond <= 0) return true;
  return entriesPerSecond <= policy.snapshotBusyEntriesPerSecond || sinceLast >= Math.max(every, policy.snapshotBusyMaxEntries);
}

export class SnapshotTaker {
  private postponed = false;
  /** The apply rate over the last full window (entries a second). */
  private rate = 0;
  private windowStartMs: number;
  private windowStartApplied: number;

  constructor(
    private readonly storage: DriverStorage,
    private readonly sm: StateMachine,
    private readonly log: DriverLogger,
    private readonly policy: SnapshotPolicy,
    private readonly clock: Pick<DriverClock, 'nowMs'>,
    /** The index of the latest snapshot (taken or installed). */
    public index: number,
  ) {
    this.windowStartMs = clock.nowMs();
    this.windowStartApplied = index;
  }

  /** Snapshots at `applied` if the policy says so (or `now`); throws what is not a full disk. */
  maybe(applied: number, confState: ConfState, now = false): void {
    this.noteRate(applied);
    if (!now && !snapshotDue(this.policy, applied - this.index, this.rate)) return;
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

  /** Closes the rate window once it is a second long (the last window's rate holds until then). */
  private noteRate(applied: number): void {
    const nowMs = this.clock.nowMs();
    const elapsed = nowMs - this.windowStartMs;
    if (elapsed < RATE_WINDOW_MS) return;
    this.rate = ((applied - this.windowStartApplied) * 1000) / elapsed;
    this.windowStartMs = nowMs;
    this.windowStartApplied = applied;
  }
}

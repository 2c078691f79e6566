/**
 * The driver's waiting rooms: linearizable read barriers (ReadIndex, Raft
 * thesis 6.4) and callers waiting for an index to be applied. Pure
 * bookkeeping: the driver feeds it what the Readys say.
 *
 * Barriers asked for between two loops share one ReadIndex request (etcd's
 * linearizableReadLoop does the same): one heartbeat round serves them all,
 * whatever the number of readers. Each request's context carries a tag
 * drawn per run of the member, so a delayed or duplicated answer to a read
 * of an earlier run never answers a new read with its old index (found by
 * the simulator).
 */

/** A callback waiting for an index or an error. */
export type IndexCallback = (err: unknown, index: number) => void;

/** Read barriers and applied-index waiters of one driver; see the file comment. */
export class ReadBarriers {
  private readSeq = 0;
  private readonly incarnation: string;
  /** Barriers asked for since the last ReadIndex request; the next one serves them all. */
  private pending: IndexCallback[] = [];
  /** Barriers by the context of the ReadIndex request that serves them. */
  private readonly inFlight = new Map<string, IndexCallback[]>();
  private readonly appliedWaiters: Array<{ index: number; done: () => void }> = [];

  /** `memberId` and one draw of the member's seeded randomness name this run's requests. */
  constructor(
    private readonly memberId: number,
    random: () => number,
  ) {
    this.incarnation = Math.floor(random() * 2 ** 32).toString(36);
  }

  /** A read barrier, served by the next ReadIndex request. */
  add(done: IndexCallback): void {
    this.pending.push(done);
  }

  /** Whether barriers wait for a ReadIndex request. */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Turns every pending barrier into one ReadIndex request: `request(ctx)`
   * hands it to the node; if it throws, every barrier fails with `failure(err)`.
   */
  requestPending(request: (ctx: string) => void, failure: (err: unknown) => unknown): void {
    if (this.pending.length === 0) return;
    const waiters = this.pending;
    this.pending = [];
    const ctx = `${this.memberId}:${this.incarnation}:${++this.readSeq}`;
    try {
      request(ctx);
    } catch (err) {
      const f = failure(err);
      for (const w of waiters) w(f, 0);
      return;
    }
    this.inFlight.set(ctx, waiters);
  }

  /** The leader answered request `ctx` with `index`: its barriers are served once `applied` reaches it. */
  answer(ctx: string, index: number, applied: number): void {
    const ws = this.inFlight.get(ctx);
    if (!ws) return;
    this.inFlight.delete(ctx);
    this.whenApplied(index, applied, () => {
      for (const w of ws) w(undefined, index);
    });
  }

  /** Calls `done` once `index` is applied (at once if `applied` already reaches it). */
  whenApplied(index: number, applied: number, done: () => void): void {
    if (applied >= index) done();
    else this.appliedWaiters.push({ index, done });
  }

  /** The member applied up to `applied`: releases everyone waiting for it. */
  release(applied: number): void {
    if (this.appliedWaiters.length === 0) return;
    let kept = 0;
    const due: Array<() => void> = [];
    for (const w of this.appliedWaiters) {
      if (w.index <= applied) due.push(w.done);
      else this.appliedWaiters[kept++] = w;
    }
    this.appliedWaiters.length = kept;
    for (const fn of due) fn();
  }

  /** Fails every read barrier (the member stopped). */
  failAll(err: unknown): void {
    for (const ws of this.inFlight.values()) for (const w of ws) w(err, 0);
    for (const w of this.pending) w(err, 0);
    this.inFlight.clear();
    this.pending = [];
  }
}

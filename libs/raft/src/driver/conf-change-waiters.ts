/**
 * The proposers of membership changes, waiting to hear that theirs applied
 * (the driver's half of proposeConfChange). A change proposed here carries
 * an id; when an entry with that id is applied, its proposer is told once
 * the core has advanced past it (after the Ready's save): the core's
 * one-change-at-a-time check reads its own applied index, which moves at
 * advance. Told at apply (before the save's fsync), a caller that proposed
 * the next change at once was refused ('conf-change-pending'): the leader's
 * nominator then backed off 0.5 s between two promotions of a forming
 * cluster (issue 21). A waiter not told within the timeout fails (the
 * change may still apply); on a stop, changes applied here succeed and the
 * rest fail.
 */
import type { ConfState } from '../types.js';
import type { DriverClock } from './seams.js';

/** What a proposer is told: an error, or the configuration its change produced. */
export type ConfChangeCallback = (err: unknown, cs: ConfState) => void;

/** The waiting proposers; see the file comment. */
export class ConfChangeWaiters {
  private readonly waiting = new Map<number, ConfChangeCallback>();
  /** Changes applied in the Ready being handled, told at `notifyApplied`. */
  private readonly applied: Array<{ id: number; cs: ConfState }> = [];

  constructor(
    private readonly clock: DriverClock,
    private readonly timeoutMs: number,
    /** The configuration now, for a waiter that fails. */
    private readonly current: () => ConfState,
    private readonly timedOut: () => unknown,
  ) {}

  /** Waits for change `id`; `done` is called once, with the outcome. */
  add(id: number, done: ConfChangeCallback): void {
    const cancel = this.clock.after(this.timeoutMs, () => {
      if (this.waiting.delete(id)) done(this.timedOut(), this.current());
    });
    this.waiting.set(id, (err, cs) => {
      cancel();
      done(err, cs);
    });
  }

  /** Change `id` was refused before it reached the log. */
  refuse(id: number, err: unknown): void {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    w?.(err, this.current());
  }

  /** Whether any proposer still waits. */
  get any(): boolean {
    return this.waiting.size > 0;
  }

  /** Change `id` was applied in the Ready being handled (its proposer is told at `notifyApplied`). */
  noteApplied(id: number, cs: ConfState): void {
    if (this.waiting.has(id)) this.applied.push({ id, cs });
  }

  /** The core has advanced past this Ready: tell the proposers of the changes it applied. */
  notifyApplied(): void {
    for (const { id, cs } of this.applied.splice(0)) {
      const waiter = this.waiting.get(id);
      if (!waiter) continue;
      this.waiting.delete(id);
      waiter(undefined, cs);
    }
  }

  /** The member stops: changes applied here succeeded, whether or not the core advanced past them; the rest fail with `err`. */
  stop(err: unknown): void {
    this.notifyApplied();
    for (const w of this.waiting.values()) w(err, this.current());
    this.waiting.clear();
  }
}

/**
 * ManualClock: a DriverClock that moves only when told, for simulators and
 * tests. Deferred work runs when `runDeferred()` is called; timers fire in
 * `advance()`, in time order (ties in the order they were set), so a run
 * replays exactly from its seed.
 */
import type { DriverClock } from './seams.js';

interface Timer {
  at: number;
  seq: number;
  every: number;
  fn: () => void;
  cancelled: boolean;
}

/** A manual clock; see the file comment. */
export class ManualClock implements DriverClock {
  private now = 0;
  private seq = 0;
  private timers: Timer[] = [];
  private deferred: Array<() => void> = [];

  nowMs(): number {
    return this.now;
  }

  every(ms: number, fn: () => void): () => void {
    return this.add(ms, ms, fn);
  }

  after(ms: number, fn: () => void): () => void {
    return this.add(ms, 0, fn);
  }

  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** Whether deferred work is waiting. */
  get hasDeferred(): boolean {
    return this.deferred.length > 0;
  }

  /** Runs deferred work, including work it defers, up to `maxRounds` rounds (bounded). Returns whether any ran. */
  runDeferred(maxRounds = 64): boolean {
    let ran = false;
    for (let round = 0; round < maxRounds && this.deferred.length > 0; round++) {
      const batch = this.deferred;
      this.deferred = [];
      for (const fn of batch) fn();
      ran = true;
    }
    return ran;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) if (!t.cancelled && t.at <= until && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (!next) break;
      this.now = next.at;
      if (next.every > 0) {
        next.at += next.every;
        next.seq = this.seq++;
      } else next.cancelled = true;
      next.fn();
    }
    this.now = until;
    this.timers = this.timers.filter((t) => !t.cancelled);
  }

  private add(ms: number, every: number, fn: () => void): () => void {
    const t: Timer = { at: this.now + ms, seq: this.seq++, every, fn, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }
}

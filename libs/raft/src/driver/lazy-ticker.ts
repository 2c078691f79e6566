/**
 * LazyTicker: Raft's logical clock without a timer on every tick.
 *
 * The core counts time in ticks (20 ms in production), but most ticks only
 * count: a leader acts every heartbeat (5 ticks) and check-quorum, a
 * follower only when its election timeout runs out, which the leader's
 * heartbeats keep pushing back. Waking every tick cost each idle member 50
 * timer wake-ups a second (three event-loop turns each), the largest part
 * of a follower's idle CPU. This ticker wakes only at the tick the owner
 * says is due (RawNode.ticksUntilDue) and counts the ticks in between
 * later, all at once:
 *
 * - before every input (`catchUp`): the ticks the clock says have passed,
 *   so the core sees exactly the ticks a periodic ticker would have given
 *   it before that input (a heartbeat that resets the election clock comes
 *   after the ticks that preceded it, never before). The due tick itself is
 *   left to the timer, so an input never fires it;
 * - at the due tick (the timer): the ticks up to the clock, then `onWake`
 *   so the owner handles what the tick produced and plans the next one.
 *
 * A timer more than a tick overdue (seen by the timer or by an input)
 * means the event loop stalled (a long GC, an overloaded host). A periodic
 * timer (setInterval) drops the ticks it missed; so does this one: it
 * counts up to the tick before the armed one, restarts its phase at the
 * present, and fires the due tick one tick later, after the input that
 * waited during the stall has been read (a follower does not campaign
 * before the heartbeats queued in its socket).
 *
 * Every timer goes through the DriverClock seam (`after`, `nowMs`), so a
 * ManualClock drives it deterministically.
 */
import type { DriverClock } from './seams.js';

/** The lazy tick clock; see the file comment. */
export class LazyTicker {
  /** Clock time of tick 0 (moved forward after a stall). */
  private originMs = 0;
  /** Ticks handed to `onTick` so far. */
  private counted = 0;
  /** The tick at which something is due (Infinity: none). */
  private dueTick = Infinity;
  /** The tick the armed timer fires at (Infinity: none armed). */
  private armedTick = Infinity;
  private cancelTimer: (() => void) | undefined;
  private running = false;

  constructor(
    private readonly clock: DriverClock,
    private readonly tickMs: number,
    /** Advances the core by one tick. */
    private readonly onTick: () => void,
    /** The timer fired (its ticks are counted): handle what they produced and plan again. */
    private readonly onWake: () => void,
    /** The event loop stalled: the armed tick came `lateMs` late (told before the ticks are counted). */
    private readonly onStall: (lateMs: number) => void = () => {},
  ) {
    if (!(tickMs > 0)) throw new RangeError(`tickMs must be positive, got ${tickMs}`);
  }

  /** Starts counting from now. */
  start(): void {
    this.running = true;
    this.originMs = this.clock.nowMs();
    this.counted = 0;
  }

  /** Stops: no more ticks, the timer is cancelled. */
  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** Ticks counted since start (for tests). */
  get ticks(): number {
    return this.counted;
  }

  /** Before an input: counts the ticks that have passed, short of the due one (that one is the timer's). */
  catchUp(): void {
    if (!this.running) return;
    let tick = this.clockTick();
    if (this.isStalled(tick)) {
      this.resync();
      tick = this.counted;
    }
    this.advanceTo(Math.min(tick, this.dueTick - 1));
  }

  /** The next tick that does something is `ticksFromLast` ticks after the last one counted (Infinity: none). */
  plan(ticksFromLast: number): void {
    if (!this.running) return;
    this.dueTick = this.counted + Math.max(1, ticksFromLast);
    // A timer armed for an earlier tick stays: when it fires, the owner plans again.
    if (this.dueTick < this.armedTick) this.arm(this.dueTick);
  }

  /** Whether the armed timer is more than a tick overdue at clock tick `tick`. */
  private isStalled(tick: number): boolean {
    return tick > this.armedTick + 1;
  }

  /** After a stall: counts up to the tick before the armed one, drops the rest, restarts the phase now; the owner plans again. */
  private resync(): void {
    this.onStall(this.clock.nowMs() - (this.originMs + this.armedTick * this.tickMs));
    this.advanceTo(this.armedTick - 1);
    this.originMs = this.clock.nowMs() - this.counted * this.tickMs;
    this.disarm();
  }

  private clockTick(): number {
    return Math.floor((this.clock.nowMs() - this.originMs) / this.tickMs);
  }

  private advanceTo(target: number): void {
    while (this.counted < target && this.running) {
      this.counted++;
      this.onTick();
    }
  }

  private arm(tick: number): void {
    this.disarm();
    if (!Number.isFinite(tick)) return;
    this.armedTick = tick;
    const delayMs = Math.max(0, this.originMs + tick * this.tickMs - this.clock.nowMs());
    this.cancelTimer = this.clock.after(delayMs, () => this.onTimer(tick));
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.armedTick = Infinity;
  }

  private onTimer(armed: number): void {
    if (!this.running) return;
    const tick = this.clockTick();
    if (this.isStalled(tick)) {
      this.resync();
    } else {
      this.cancelTimer = undefined;
      this.armedTick = Infinity;
      // The timer is the authority for its own tick: a real timer may fire a
      // fraction of a millisecond before the clock's reading says so.
      this.advanceTo(Math.max(tick, armed));
    }
    if (this.running) this.onWake();
  }
}

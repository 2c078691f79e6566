/**
 * Says when the event loop stalled long enough to cost a leadership: the
 * lazy ticker (lazy-ticker.ts) notices its timer came late, and a stall of
 * half the election timeout or more means heartbeats went out (or were read)
 * that late, so followers may have started an election. etcd warns the same
 * way ("leader failed to send out heartbeat on time"). At most one line per
 * REPORT_EVERY_MS, with how many such stalls there were since the last one
 * and the longest, so an overloaded member does not also flood its log.
 */
import type { DriverClock, DriverLogger } from './seams.js';

/** The shortest time between two warnings. */
export const REPORT_EVERY_MS = 10_000;

/** Counts stalls and warns about the long ones; see the file comment. */
export class StallReport {
  private count = 0;
  private longestMs = 0;
  private lastReportMs = -Infinity;

  constructor(
    private readonly clock: Pick<DriverClock, 'nowMs'>,
    private readonly log: DriverLogger,
    /** Stalls at least this long are reported. */
    private readonly thresholdMs: number,
  ) {}

  /** The ticker's timer came `lateMs` late. */
  note(lateMs: number): void {
    if (!(lateMs >= this.thresholdMs)) return;
    this.count++;
    this.longestMs = Math.max(this.longestMs, lateMs);
    const now = this.clock.nowMs();
    if (now - this.lastReportMs < REPORT_EVERY_MS) return;
    this.log.warn(
      { stalls: this.count, longestMs: Math.round(this.longestMs), thresholdMs: this.thresholdMs },
      `event loop stalled ${Math.round(this.longestMs)} ms (${this.count} stall(s) of ${this.thresholdMs} ms or more since the last warning): heartbeats were late, an election may follow; the host is overloaded`,
    );
    this.lastReportMs = now;
    this.count = 0;
    this.longestMs = 0;
  }
}

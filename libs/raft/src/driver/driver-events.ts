/**
 * What a driver's owner can be told of (RaftDriver.onLeaderChange, onBeat,
 * onRemoved, onFatal): the listeners and how each kind is told. Heartbeat
 * rounds are told once per round the core counted (RawNode.beats), after
 * that round's heartbeats went out; a listener that throws is logged and
 * the others (and Raft's clock) go on.
 */
import type { DriverLogger } from './seams.js';

export class DriverEvents {
  private readonly leader = new Set<(lead: number, term: number) => void>();
  private readonly removed = new Set<() => void>();
  private readonly fatal = new Set<(err: unknown) => void>();
  private readonly beat = new Set<() => void>();
  /** The core's heartbeat rounds the beat listeners were told of. */
  private beatsTold = 0;

  constructor(private readonly log: DriverLogger) {}

  onLeaderChange(fn: (lead: number, term: number) => void): () => void {
    return this.add(this.leader, fn);
  }

  onBeat(fn: () => void): () => void {
    return this.add(this.beat, fn);
  }

  onRemoved(fn: () => void): () => void {
    return this.add(this.removed, fn);
  }

  onFatal(fn: (err: unknown) => void): () => void {
    return this.add(this.fatal, fn);
  }

  leaderChanged(lead: number, term: number): void {
    for (const fn of this.leader) fn(lead, term);
  }

  wasRemoved(): void {
    for (const fn of this.removed) fn();
  }

  failed(err: unknown): void {
    for (const fn of this.fatal) fn(err);
  }

  /** Tells the beat listeners when the core has counted a heartbeat round (`beats`) since they were last told. */
  beats(beats: number): void {
    if (beats === this.beatsTold) return;
    this.beatsTold = beats;
    for (const fn of this.beat) {
      // A listener's failure is its own: Raft's clock goes on.
      try {
        fn();
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'a heartbeat-round listener failed');
      }
    }
  }

  private add<F>(set: Set<F>, fn: F): () => void {
    set.add(fn);
    return () => set.delete(fn);
  }
}

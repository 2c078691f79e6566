/**
 * A simulated network: drops, duplicates, reorders (random delays) and
 * partitions (symmetric or one-way), all driven by one seeded Rng.
 */
import type { Rng } from '../random.js';
import type { Message } from '../types.js';

export interface NetworkFaults {
  /** Probability a message is lost. */
  drop: number;
  /** Probability a message is delivered twice. */
  duplicate: number;
  /** Delivery delay in steps: uniform in [minDelay, maxDelay] (different delays reorder). */
  minDelay: number;
  maxDelay: number;
}

export const HEALTHY: NetworkFaults = { drop: 0, duplicate: 0, minDelay: 1, maxDelay: 1 };

interface InFlight {
  at: number;
  seq: number;
  m: Message;
}

export class SimNetwork {
  faults: NetworkFaults = { ...HEALTHY };
  /** Optional content filter (tests): a message for which it returns false is lost. */
  filter: ((m: Message) => boolean) | undefined = undefined;
  /** Optional rewrite of a message as it is sent (tests). */
  transform: ((m: Message) => Message) | undefined = undefined;
  private readonly blocked = new Set<number>();
  private queue: InFlight[] = [];
  private seq = 0;
  sent = 0;
  dropped = 0;
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  private static key(from: number, to: number): number {
    return from * 1_000_003 + to;
  }

  /** Blocks from -> to (one-way). */
  block(from: number, to: number): void {
    this.blocked.add(SimNetwork.key(from, to));
  }

  unblock(from: number, to: number): void {
    this.blocked.delete(SimNetwork.key(from, to));
  }

  isBlocked(from: number, to: number): boolean {
    return this.blocked.has(SimNetwork.key(from, to));
  }

  /** Cuts `a` off from every id in `others`, both ways. */
  isolate(a: number, others: readonly number[]): void {
    for (const b of others) {
      if (b === a) continue;
      this.block(a, b);
      this.block(b, a);
    }
  }

  /** Splits ids into two sides that cannot talk to each other. */
  partition(sideA: readonly number[], sideB: readonly number[]): void {
    for (const a of sideA) for (const b of sideB) {
      this.block(a, b);
      this.block(b, a);
    }
  }

  heal(): void {
    this.blocked.clear();
    this.faults = { ...HEALTHY };
  }

  /** Queues a message. Returns false if it was lost (dropped or blocked). */
  send(m: Message, now: number): boolean {
    this.sent++;
    if (
      this.isBlocked(m.from, m.to) ||
      (this.filter !== undefined && !this.filter(m)) ||
      (this.faults.drop > 0 && this.rng.chance(this.faults.drop))
    ) {
      this.dropped++;
      return false;
    }
    if (this.transform) m = this.transform(m);
    const f = this.faults;
    this.queue.push({ at: now + this.rng.range(f.minDelay, f.maxDelay), seq: this.seq++, m });
    if (f.duplicate > 0 && this.rng.chance(f.duplicate)) {
      this.queue.push({ at: now + this.rng.range(f.minDelay, f.maxDelay), seq: this.seq++, m });
    }
    return true;
  }

  /** Removes and returns the messages due at or before `now`, in delivery order. */
  due(now: number): Message[] {
    if (this.queue.length === 0) return [];
    const ready: InFlight[] = [];
    const rest: InFlight[] = [];
    for (const f of this.queue) (f.at <= now ? ready : rest).push(f);
    if (ready.length === 0) return [];
    this.queue = rest;
    ready.sort((a, b) => a.at - b.at || a.seq - b.seq);
    // A message cut by a partition that started while it was in flight is lost too.
    const out: Message[] = [];
    for (const f of ready) {
      if (this.isBlocked(f.m.from, f.m.to) || (this.filter !== undefined && !this.filter(f.m))) this.dropped++;
      else out.push(f.m);
    }
    return out;
  }

  /** Drops everything in flight to `id` (it crashed). */
  dropTo(id: number): void {
    this.queue = this.queue.filter((f) => f.m.to !== id);
  }

  get inFlight(): number {
    return this.queue.length;
  }
}

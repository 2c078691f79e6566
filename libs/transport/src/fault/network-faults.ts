/**
 * The fault plan of a simulated network: which links are cut (partitions,
 * one-way cuts, isolated members), how often messages are dropped or
 * duplicated, and how long they are delayed. One plan is shared by the FaultyTransports of every
 * member under test and changed at run time by the chaos test. Pure data and
 * a seeded random source: the same seed and the same calls give the same
 * decisions.
 */
import { assert } from '../core/errors.js';
import { seededRandom } from './random.js';

/** Which messages a drop or delay rule applies to (omitted = any member). */
export interface LinkSelector {
  from?: number;
  to?: number;
}

/** A delay range in milliseconds. */
export interface DelayRange {
  minMs: number;
  maxMs: number;
}

/** Counters of what the plan did. */
export interface FaultStats {
  blocked: number;
  dropped: number;
  delayed: number;
  duplicated: number;
}

const ANY = '*';
function key(from: number | string, to: number | string): string {
  return `${from}->${to}`;
}

/** A controllable fault plan for a set of members. */
export class NetworkFaults {
  /** The seed this plan's random source started from (print it when a test fails). */
  readonly seed: number;
  private readonly random: () => number;
  private readonly cuts = new Set<string>();
  private readonly isolated = new Set<number>();
  private readonly dropRates = new Map<string, number>();
  private readonly delays = new Map<string, DelayRange>();
  private readonly duplicateRates = new Map<string, number>();
  readonly stats: FaultStats = { blocked: 0, dropped: 0, delayed: 0, duplicated: 0 };

  constructor(options: { seed?: number } = {}) {
    this.seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.random = seededRandom(this.seed);
  }

  /** Splits members into groups that cannot reach each other (both ways). Members in no group are unaffected. */
  partition(...groups: number[][]): void {
    for (const [i, group] of groups.entries()) {
      for (const other of groups.slice(i + 1)) {
        for (const a of group) {
          for (const b of other) {
            this.cuts.add(key(a, b));
            this.cuts.add(key(b, a));
          }
        }
      }
    }
  }

  /** Cuts the link from `from` to `to` only (a one-way partition). */
  cut(from: number, to: number): void {
    this.cuts.add(key(from, to));
  }

  /** Restores one direction of a link. */
  restore(from: number, to: number): void {
    this.cuts.delete(key(from, to));
  }

  /** Cuts `id` off from every member, both ways. */
  isolate(id: number): void {
    this.isolated.add(id);
  }

  /** Ends an isolation. */
  rejoin(id: number): void {
    this.isolated.delete(id);
  }

  /** Removes every partition, cut and isolation (drops and delays stay). */
  heal(): void {
    this.cuts.clear();
    this.isolated.clear();
  }

  /** Drops messages on the selected links with probability `rate` (0 turns it off). */
  setDropRate(rate: number, on: LinkSelector = {}): void {
    assert(rate >= 0 && rate <= 1, 'drop rate must be within [0, 1]');
    const k = key(on.from ?? ANY, on.to ?? ANY);
    if (rate === 0) this.dropRates.delete(k);
    else this.dropRates.set(k, rate);
  }

  /** Sends a second copy of messages on the selected links with probability `rate` (0 turns it off). */
  setDuplicateRate(rate: number, on: LinkSelector = {}): void {
    assert(rate >= 0 && rate <= 1, 'duplicate rate must be within [0, 1]');
    const k = key(on.from ?? ANY, on.to ?? ANY);
    if (rate === 0) this.duplicateRates.delete(k);
    else this.duplicateRates.set(k, rate);
  }

  /** Whether to send one more copy of a message from `from` to `to` (counts it). */
  duplicates(from: number, to: number): boolean {
    const rate = this.lookup(this.duplicateRates, from, to) ?? 0;
    if (rate === 0 || this.random() >= rate) return false;
    this.stats.duplicated += 1;
    return true;
  }

  /** Delays messages on the selected links by a uniform time in `range` (undefined turns it off). */
  setDelay(range: DelayRange | undefined, on: LinkSelector = {}): void {
    const k = key(on.from ?? ANY, on.to ?? ANY);
    if (range === undefined) {
      this.delays.delete(k);
      return;
    }
    assert(range.minMs >= 0 && range.maxMs >= range.minMs, 'delay range must be non-negative and ordered');
    this.delays.set(k, range);
  }

  /** Heals, and removes every drop and delay rule. */
  reset(): void {
    this.heal();
    this.dropRates.clear();
    this.delays.clear();
    this.duplicateRates.clear();
  }

  /** Whether the link from `from` to `to` is up. */
  allows(from: number, to: number): boolean {
    return !this.isolated.has(from) && !this.isolated.has(to) && !this.cuts.has(key(from, to));
  }

  /**
   * Decides the fate of one message: `blocked`, `dropped`, or a delay in ms
   * (0 = deliver now). Counts what it decided.
   */
  decide(from: number, to: number): 'blocked' | 'dropped' | number {
    if (!this.allows(from, to)) {
      this.stats.blocked += 1;
      return 'blocked';
    }
    const rate = this.lookup(this.dropRates, from, to) ?? 0;
    if (rate > 0 && this.random() < rate) {
      this.stats.dropped += 1;
      return 'dropped';
    }
    const range = this.lookup(this.delays, from, to);
    if (range === undefined || range.maxMs === 0) return 0;
    this.stats.delayed += 1;
    return range.minMs + Math.round(this.random() * (range.maxMs - range.minMs));
  }

  /** The most specific rule for a link: exact, then from-any, then any-to, then any-any. */
  private lookup<T>(rules: Map<string, T>, from: number, to: number): T | undefined {
    return rules.get(key(from, to)) ?? rules.get(key(from, ANY)) ?? rules.get(key(ANY, to)) ?? rules.get(key(ANY, ANY));
  }
}

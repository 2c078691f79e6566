/**
 * What one client connection may hold at once, and the accounting that
 * enforces it: watchers (over all its Watch streams), leases it granted
 * that are still alive, open streams (Watch, LeaseKeepAlive, Snapshot,
 * Observe ...) and unary calls in flight. etcd bounds none of these per
 * connection; one greedy client could then fill the member's memory and
 * its event loop. Past a limit the request is refused with etcd's own
 * "too many requests" (RESOURCE_EXHAUSTED), and the connection's other
 * calls, and every other connection, are served as before.
 *
 * Pure bookkeeping: no clock, no sockets. The server's interceptor
 * (connection-registry.ts) makes one budget per HTTP/2 connection and
 * closes it when the connection closes.
 */
import { assert } from '../../assert.js';

/** The kinds of things a connection holds. */
export type LimitKind = 'watches' | 'leases' | 'streams' | 'requests';

/** The most of each kind one connection may hold at once. */
export interface ConnectionLimits {
  /** Watchers over all of the connection's Watch streams. */
  readonly watches: number;
  /** Leases granted on the connection that still exist. */
  readonly leases: number;
  /** Open streaming calls (Watch, LeaseKeepAlive, Snapshot, election Observe ...). */
  readonly streams: number;
  /** Unary calls in flight. */
  readonly requests: number;
}

/**
 * Defaults: far above what a fleet ever needs on one connection. A fleet
 * process of `tools:fleet` runs 250 agents (up to 1,000) over one shared
 * grpc-js connection per member, each agent with one watch stream, one
 * watcher, one lease and one keep-alive stream: 1,000 agents use 1,000
 * watchers, 1,000 leases and 2,000 streams, a quarter of these.
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { watches: 4096, leases: 4096, streams: 8192, requests: 4096 };

/** Told of each refusal; `first` is true once per connection (the caller logs then, and counts every time). */
export type OnLimitRefused = (kind: LimitKind, first: boolean) => void;

/** The accounting of one connection; see the file comment. */
export class ConnectionBudget {
  private readonly held: Record<Exclude<LimitKind, 'leases'>, number> = { watches: 0, streams: 0, requests: 0 };
  /** Leases granted on this connection, pruned of dead ones when the count reaches the limit. */
  private readonly leaseIds = new Set<number>();
  /** Grants proposed and not yet answered (they count against the limit). */
  private leaseGrantsPending = 0;
  private refusedOnce = false;
  private closed = false;

  constructor(
    readonly limits: ConnectionLimits,
    private readonly onRefused: OnLimitRefused = () => {},
  ) {
    for (const [kind, n] of Object.entries(limits)) assert(Number.isSafeInteger(n) && n >= 1, `connection limit ${kind} is a positive integer (got ${n})`);
  }

  /** Takes `n` of `kind` (not leases: see reserveLease); false, and a refusal reported, when that would pass the limit. */
  tryAcquire(kind: Exclude<LimitKind, 'leases'>, n = 1): boolean {
    if (this.closed) return true;
    if (this.held[kind] + n > this.limits[kind]) return this.refuse(kind);
    this.held[kind] += n;
    return true;
  }

  /** Gives back `n` of `kind`. */
  release(kind: Exclude<LimitKind, 'leases'>, n = 1): void {
    if (this.closed) return;
    assert(this.held[kind] >= n, `released more ${kind} than held (${n} > ${this.held[kind]})`);
    this.held[kind] -= n;
  }

  /**
   * Reserves room for one lease grant: false (refused) when the connection
   * already holds `limits.leases` leases that `isAlive` still confirms.
   * Follow with leaseGranted(id) or leaseGrantFailed().
   */
  reserveLease(isAlive: (id: number) => boolean): boolean {
    if (this.closed) return true;
    if (this.leaseIds.size + this.leaseGrantsPending >= this.limits.leases) {
      for (const id of this.leaseIds) if (!isAlive(id)) this.leaseIds.delete(id);
      if (this.leaseIds.size + this.leaseGrantsPending >= this.limits.leases) return this.refuse('leases');
    }
    this.leaseGrantsPending++;
    return true;
  }

  /** The reserved grant succeeded with lease `id`. */
  leaseGranted(id: number): void {
    if (this.closed) return;
    this.leaseGrantsPending--;
    this.leaseIds.add(id);
  }

  /** The reserved grant failed. */
  leaseGrantFailed(): void {
    if (this.closed) return;
    this.leaseGrantsPending--;
  }

  /** How many of `kind` the connection holds now (leases: as counted, dead ones included until pruned). */
  count(kind: LimitKind): number {
    if (kind === 'leases') return this.leaseIds.size + this.leaseGrantsPending;
    return this.held[kind];
  }

  /** Whether the connection closed (everything released). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The connection closed: drops every count (its streams end with it; its leases live on until their TTL, as in etcd). */
  close(): void {
    this.closed = true;
    this.held.watches = this.held.streams = this.held.requests = 0;
    this.leaseIds.clear();
    this.leaseGrantsPending = 0;
  }

  private refuse(kind: LimitKind): false {
    const first = !this.refusedOnce;
    this.refusedOnce = true;
    this.onRefused(kind, first);
    return false;
  }
}

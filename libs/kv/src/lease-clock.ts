import { Errors } from './errors.js';
import type { KvStore } from './store.js';

/** How long a lease given out by due() waits before it is due again (its expiry proposal may be lost). */
const DEFAULT_RETRY_MS = 1000;
/** Lateness of a lease check below this is the timer's own jitter, not a stall. */
const STALL_MIN_MS = 100;
/** The most one late check pushes the countdowns back (a clock stepped forward by an hour is not an hour of stall). */
const STALL_CREDIT_MAX_MS = 60_000;

/** A lease's remaining and granted time. */
export interface LeaseTimeToLive {
  readonly ttlSeconds: number;
  readonly grantedTtlSeconds: number;
}

/**
 * When leases run out: the leader's side of leases, never replicated. The
 * leader renews leases on keep-alive, asks `due(now)` which leases to expire
 * and proposes a lease_expire command for them; every member then deletes
 * their keys at the same point of the log. A lease first seen here starts
 * its countdown then; a new leader calls `refreshAll(now)` (as etcd's
 * lessor.Promote), so leases never expire early across a leader change.
 */
export class LeaseClock {
  private readonly deadlines = new Map<number, number>();
  /**
   * Leases whose expiry was proposed (given out by `due`): a keep-alive
   * for one is refused with lease-not-found, as etcd's lessor refuses to
   * renew an expired lease pending revocation. Renewed, it would answer
   * a full TTL for a lease the log is about to revoke: an agent restarted
   * just after its lease ran out took it back, renewed it, and found it
   * gone at its next write.
   */
  private expiring = new WeakSet<object>();
  /** When the leader last checked for due leases (creditStall). */
  private lastCheckMs: number | undefined;

  constructor(
    private readonly store: KvStore,
    private readonly retryMs = DEFAULT_RETRY_MS,
  ) {}

  /** Restarts every lease's countdown at `nowMs` (on becoming leader). */
  refreshAll(nowMs: number): void {
    this.lastCheckMs = nowMs;
    this.deadlines.clear();
    this.expiring = new WeakSet();
    for (const lease of this.store.leases.all()) this.deadlines.set(lease.id, nowMs + lease.ttlSeconds * 1000);
  }

  /**
   * The leader checks for due leases every `intervalMs`. A check that comes
   * late says this process could not run meanwhile (a stall, or a loop
   * saturated by a fleet's start), so it could not read the keep-alives
   * waiting on its sockets either: every countdown is pushed back by the
   * lateness (at most STALL_CREDIT_MAX_MS), so a lease expires only after
   * its TTL of time in which its renewals could have been heard. Returns
   * the credit given (ms).
   */
  creditStall(nowMs: number, intervalMs: number): number {
    const last = this.lastCheckMs;
    this.lastCheckMs = nowMs;
    if (last === undefined) return 0;
    const late = nowMs - last - intervalMs;
    if (late < STALL_MIN_MS) return 0;
    const credit = Math.min(late, STALL_CREDIT_MAX_MS);
    for (const [id, deadline] of this.deadlines) this.deadlines.set(id, deadline + credit);
    return credit;
  }

  /** Renews a lease (keep-alive); returns its TTL in seconds. Throws etcd's lease-not-found error. */
  renew(id: number, nowMs: number): number {
    const lease = this.store.lease(id);
    // (By the lease's object: one granted again under the same id after the revocation is another lease.)
    if (lease === undefined || this.expiring.has(lease)) throw Errors.leaseNotFound();
    this.deadlines.set(id, nowMs + lease.ttlSeconds * 1000);
    return lease.ttlSeconds;
  }

  /** A lease's remaining time. Throws etcd's lease-not-found error. */
  timeToLive(id: number, nowMs: number): LeaseTimeToLive {
    const lease = this.store.lease(id);
    if (lease === undefined) throw Errors.leaseNotFound();
    const remainingMs = this.deadline(id, lease.ttlSeconds, nowMs) - nowMs;
    return { ttlSeconds: Math.max(0, Math.floor(remainingMs / 1000)), grantedTtlSeconds: lease.ttlSeconds };
  }

  /**
   * The leases whose time is up at `nowMs`, at most `limit`, ascending by id.
   * Each is given `retryMs` more, so it is not proposed again at once.
   */
  due(nowMs: number, limit = 1000): number[] {
    for (const id of this.deadlines.keys()) if (!this.store.leases.has(id)) this.deadlines.delete(id);
    const due: number[] = [];
    for (const lease of this.store.leases.all()) {
      if (due.length >= limit) break;
      if (this.deadline(lease.id, lease.ttlSeconds, nowMs) <= nowMs) {
        due.push(lease.id);
        this.expiring.add(lease);
        this.deadlines.set(lease.id, nowMs + this.retryMs);
      }
    }
    return due;
  }

  private deadline(id: number, ttlSeconds: number, nowMs: number): number {
    let deadline = this.deadlines.get(id);
    if (deadline === undefined) {
      deadline = nowMs + ttlSeconds * 1000;
      this.deadlines.set(id, deadline);
    }
    return deadline;
  }
}

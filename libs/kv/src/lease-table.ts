import { assert } from './assert.js';

/** A lease as every member holds it: its id, granted TTL and attached keys. */
export interface Lease {
  readonly id: number;
  readonly ttlSeconds: number;
  /** Keys (store string form) attached to the lease. */
  readonly keys: Set<string>;
}

/**
 * The replicated lease state: which leases exist, their granted TTLs and
 * the keys attached to each. No clock here: when a lease runs out is the
 * leader's business (LeaseClock); the table only learns that it did, from
 * a revoke or expire command in the log.
 */
export class LeaseTable {
  private readonly leases = new Map<number, Lease>();

  /** The number of leases. */
  get size(): number {
    return this.leases.size;
  }

  /** The lease with `id`, if it exists. */
  get(id: number): Lease | undefined {
    return this.leases.get(id);
  }

  /** Whether a lease with `id` exists. */
  has(id: number): boolean {
    return this.leases.has(id);
  }

  /** Creates a lease; the caller has checked that `id` is free. */
  grant(id: number, ttlSeconds: number): Lease {
    assert(id !== 0 && !this.leases.has(id), `lease ${id} is free and non-zero`);
    const lease: Lease = { id, ttlSeconds, keys: new Set() };
    this.leases.set(id, lease);
    return lease;
  }

  /** Removes a lease; returns its keys in ascending order (etcd deletes them in that order). */
  remove(id: number): string[] {
    const lease = this.leases.get(id);
    assert(lease !== undefined, `lease ${id} exists`);
    this.leases.delete(id);
    return [...lease.keys].sort();
  }

  /** Attaches `key` to lease `id`. */
  attach(id: number, key: string): void {
    const lease = this.leases.get(id);
    assert(lease !== undefined, `lease ${id} exists to attach ${key}`);
    lease.keys.add(key);
  }

  /** Detaches `key` from lease `id` (a no-op when either is gone). */
  detach(id: number, key: string): void {
    this.leases.get(id)?.keys.delete(key);
  }

  /** Lease ids in ascending order. */
  ids(): number[] {
    return [...this.leases.keys()].sort((a, b) => a - b);
  }

  /** Every lease, ascending by id. */
  all(): Lease[] {
    return this.ids().map((id) => this.leases.get(id)!);
  }

  /** Drops every lease (before a restore). */
  clear(): void {
    this.leases.clear();
  }
}

// Proves the leader-side lease clock: a lease is due after its TTL from
// first sight or renewal, not before; a due lease is not handed out again
// until the retry delay passes; refreshAll restarts every countdown (a new
// leader never expires a lease early); a lease check that comes late pushes
// every countdown back by its lateness (a stalled leader could not hear the
// renewals), bounded; unknown leases are "not found", and so is a lease
// whose expiry was proposed (as etcd's lessor), until a new leader's
// refreshAll, or a new grant of its id after the revocation.
import { describe, expect, it } from 'vitest';
import { LeaseClock } from './lease-clock.js';
import { KvStore } from './store.js';

function storeWithLeases(...leases: [number, number][]): KvStore {
  const store = new KvStore();
  for (const [ID, TTL] of leases) store.apply({ leaseGrant: { ID, TTL } });
  return store;
}

describe('LeaseClock', () => {
  it('expires leases after their TTL, renewals push the deadline', () => {
    const store = storeWithLeases([1, 5], [2, 10]);
    const clock = new LeaseClock(store, 1000);
    expect(clock.due(0)).toEqual([]);
    expect(clock.renew(1, 3000)).toBe(5);
    expect(clock.due(5000)).toEqual([]);
    expect(clock.timeToLive(1, 5000)).toEqual({ ttlSeconds: 3, grantedTtlSeconds: 5 });
    expect(clock.due(8000)).toEqual([1]);
    // Handed out once; again only after the retry delay if still there.
    expect(clock.due(8500)).toEqual([]);
    expect(clock.due(9000)).toEqual([1]);
    expect(clock.due(10_000)).toEqual([1, 2]);
  });

  it('restarts every countdown on refreshAll and forgets revoked leases', () => {
    const store = storeWithLeases([1, 5]);
    const clock = new LeaseClock(store);
    clock.due(0);
    clock.refreshAll(4000);
    expect(clock.due(8000)).toEqual([]);
    expect(clock.due(9000)).toEqual([1]);
    store.apply({ leaseRevoke: { ID: 1 } });
    expect(clock.due(20_000)).toEqual([]);
    expect(() => clock.renew(1, 0)).toThrow('etcdserver: requested lease not found');
    expect(() => clock.timeToLive(7, 0)).toThrow('etcdserver: requested lease not found');
  });

  it('pushes every countdown back by the lateness of a lease check, not by timer jitter, and by at most a minute', () => {
    const store = storeWithLeases([1, 5], [2, 5]);
    const clock = new LeaseClock(store);
    clock.refreshAll(0);
    expect(clock.creditStall(500, 500)).toBe(0);
    expect(clock.creditStall(1050, 500)).toBe(0); // 50 ms of jitter
    expect(clock.creditStall(4550, 500)).toBe(3000); // the loop could not run for 3 s
    expect(clock.due(7900)).toEqual([]);
    expect(clock.due(8000)).toEqual([1, 2]);
    expect(clock.creditStall(3_608_000, 500)).toBe(60_000); // a clock stepped forward an hour
    expect(clock.due(3_608_000)).toEqual([1, 2]);
  });

  it('refuses to renew a lease whose expiry was proposed, until a new leader or a new grant of its id', () => {
    const store = storeWithLeases([1, 5]);
    const clock = new LeaseClock(store);
    clock.refreshAll(0);
    expect(clock.due(5000)).toEqual([1]);
    expect(() => clock.renew(1, 5100)).toThrow('etcdserver: requested lease not found');
    // The proposal was lost and a new leader took over: its countdown starts again, renewable.
    clock.refreshAll(6000);
    expect(clock.renew(1, 6000)).toBe(5);
    expect(clock.due(11_000)).toEqual([1]);
    // Revoked, then granted again under the same id: another lease, renewable.
    store.apply({ leaseRevoke: { ID: 1 } });
    store.apply({ leaseGrant: { ID: 1, TTL: 30 } });
    expect(clock.renew(1, 11_100)).toBe(30);
  });
});

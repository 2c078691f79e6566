// The lease TTL by fleet size: 5 s for a small cluster, growing so the
// leader renews about a hundred leases a second, at most 30 s; and the
// hosts a mirror shows, counted once whether by status or volunteer key.
import { describe, expect, it } from 'vitest';
import { fleetLeaseTtlSeconds, leaseOutgrown } from './lease-ttl.js';

describe('fleetLeaseTtlSeconds', () => {
  it('keeps 5 s up to a hundred-odd hosts, then scales, up to 30 s', () => {
    expect(fleetLeaseTtlSeconds(0)).toBe(5);
    expect(fleetLeaseTtlSeconds(50)).toBe(5);
    expect(fleetLeaseTtlSeconds(166)).toBe(5);
    expect(fleetLeaseTtlSeconds(200)).toBe(6);
    expect(fleetLeaseTtlSeconds(500)).toBe(15);
    expect(fleetLeaseTtlSeconds(1_000)).toBe(30);
    expect(fleetLeaseTtlSeconds(100_000)).toBe(30);
    expect(fleetLeaseTtlSeconds(Number.NaN)).toBe(5);
  });
});

describe('leaseOutgrown', () => {
  it('moves a lease only when the fleet wants twice its TTL or more', () => {
    expect(leaseOutgrown(5, 9)).toBe(false);
    expect(leaseOutgrown(5, 10)).toBe(true);
    expect(leaseOutgrown(15, 30)).toBe(true);
    expect(leaseOutgrown(30, 30)).toBe(false);
    expect(leaseOutgrown(30, 5)).toBe(false);
  });
});

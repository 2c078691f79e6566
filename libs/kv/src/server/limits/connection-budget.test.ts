// Proves the per-connection accounting: each kind is refused exactly past
// its limit and admitted again once released; lease grants count while in
// flight and leases that died are pruned before refusing; the refusal
// report says `first` once per connection (the caller logs once, counts
// always); a closed budget holds nothing and refuses nothing.
import { describe, expect, it } from 'vitest';
import { ConnectionBudget, DEFAULT_CONNECTION_LIMITS, type LimitKind } from './connection-budget.js';

const limits = { watches: 3, leases: 2, streams: 2, requests: 1 };

function budget() {
  const refusals: Array<[LimitKind, boolean]> = [];
  const b = new ConnectionBudget(limits, (kind, first) => refusals.push([kind, first]));
  return { b, refusals };
}

describe('ConnectionBudget', () => {
  it('admits up to each limit, refuses past it, and admits again after a release', () => {
    const { b } = budget();
    for (const kind of ['watches', 'streams', 'requests'] as const) {
      for (let i = 0; i < limits[kind]; i++) expect(b.tryAcquire(kind)).toBe(true);
      expect(b.tryAcquire(kind)).toBe(false);
      expect(b.count(kind)).toBe(limits[kind]);
      b.release(kind);
      expect(b.tryAcquire(kind)).toBe(true);
    }
  });

  it('takes and gives back several at once, never more than the limit', () => {
    const { b } = budget();
    expect(b.tryAcquire('watches', 2)).toBe(true);
    expect(b.tryAcquire('watches', 2)).toBe(false);
    b.release('watches', 2);
    expect(b.count('watches')).toBe(0);
    expect(() => b.release('watches')).toThrow(/released more watches than held/);
  });

  it('counts lease grants in flight, prunes dead leases before refusing, and frees a failed grant', () => {
    const { b } = budget();
    const alive = new Set<number>();
    const isAlive = (id: number) => alive.has(id);
    expect(b.reserveLease(isAlive)).toBe(true);
    expect(b.reserveLease(isAlive)).toBe(true);
    expect(b.reserveLease(isAlive)).toBe(false); // two grants in flight fill it
    b.leaseGranted(10);
    alive.add(10);
    b.leaseGrantFailed();
    expect(b.count('leases')).toBe(1);
    expect(b.reserveLease(isAlive)).toBe(true);
    b.leaseGranted(11);
    alive.add(11);
    expect(b.reserveLease(isAlive)).toBe(false);
    alive.delete(10); // revoked or expired: no longer held
    expect(b.reserveLease(isAlive)).toBe(true);
    expect(b.count('leases')).toBe(2);
  });

  it('reports the first refusal of the connection as first, later ones of any kind not', () => {
    const { b, refusals } = budget();
    b.tryAcquire('requests');
    b.tryAcquire('requests');
    b.tryAcquire('requests');
    b.tryAcquire('streams', 3);
    expect(refusals).toEqual([
      ['requests', true],
      ['requests', false],
      ['streams', false],
    ]);
  });

  it('holds nothing once closed, and late releases of its calls are ignored', () => {
    const { b, refusals } = budget();
    b.tryAcquire('watches', 3);
    b.reserveLease(() => true);
    b.close();
    expect(b.isClosed).toBe(true);
    for (const kind of ['watches', 'leases', 'streams', 'requests'] as const) expect(b.count(kind)).toBe(0);
    b.release('watches', 3);
    b.leaseGranted(5);
    expect(b.tryAcquire('watches', 10)).toBe(true);
    expect(b.count('watches')).toBe(0);
    expect(refusals).toEqual([]);
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => new ConnectionBudget({ ...limits, watches: 0 })).toThrow(/watches is a positive integer/);
    expect(() => new ConnectionBudget({ ...limits, leases: 1.5 })).toThrow(/leases is a positive integer/);
  });

  it('has defaults that a fleet of 1,000 agents on one shared connection stays well under', () => {
    const fleet = { watches: 1000, leases: 1000, streams: 2000, requests: 1000 };
    for (const kind of Object.keys(fleet) as Array<keyof typeof fleet>) expect(DEFAULT_CONNECTION_LIMITS[kind]).toBeGreaterThanOrEqual(2 * fleet[kind]);
  });
});

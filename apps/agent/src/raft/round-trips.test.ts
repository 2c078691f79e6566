import { describe, expect, it } from 'vitest';
import { RoundTrips } from './round-trips.js';

describe('RoundTrips', () => {
  it('times the newest heartbeat to each peer until its answer, once', () => {
    let now = 0;
    // Every heartbeat may be timed here (no sampling interval): the rule under test is which one.
    const r = new RoundTrips(() => now, 0);
    const seen: Array<[number, number]> = [];
    const stop = r.subscribe((peer, s) => seen.push([peer, s]));
    r.sent(2);
    now = 5;
    r.sent(3);
    now = 7;
    r.answered(2);
    r.answered(2); // a duplicate answer times nothing
    now = 10;
    r.sent(2); // a newer heartbeat replaces an unanswered one
    now = 12;
    r.sent(2);
    now = 13;
    r.answered(2);
    r.answered(3);
    expect(seen).toEqual([
      [2, 0.007],
      [2, 0.001],
      [3, 0.008],
    ]);
    stop();
    r.sent(2);
    r.answered(2);
    expect(seen).toHaveLength(3);
  });

  it('times at most one trip per peer each sampling interval', () => {
    let now = 0;
    const r = new RoundTrips(() => now, 1_000);
    const seen: Array<[number, number]> = [];
    r.subscribe((peer, s) => seen.push([peer, s]));
    // Heartbeats every 100 ms, answered 2 ms later, for 2.5 s.
    for (; now < 2_500; now += 100) {
      r.sent(2);
      now += 2;
      r.answered(2);
      now -= 2;
    }
    expect(seen).toEqual([
      [2, 0.002],
      [2, 0.002],
      [2, 0.002],
    ]);
  });

  it('keeps nothing while nobody listens', () => {
    const r = new RoundTrips(() => 0);
    r.sent(2);
    const seen: number[] = [];
    r.subscribe((_p, s) => seen.push(s));
    r.answered(2);
    expect(seen).toEqual([]);
  });
});

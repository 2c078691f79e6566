/** Unit tests of the small building blocks: inflights, progress, unstable log, tracker, PRNG. */
import { describe, expect, it } from 'vitest';
import { Inflights } from '../src/inflights.js';
import { Progress, ProgressState } from '../src/progress.js';
import { Unstable } from '../src/log-unstable.js';
import { ProgressTracker, VoteResult } from '../src/tracker.js';
import { EntryType, Rng, mulberry32, type Entry } from '../src/index.js';

const e = (index: number, term: number): Entry => ({ index, term, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(0) });

describe('Inflights', () => {
  it('bounds count and bytes, frees in order, wraps around', () => {
    const f = new Inflights(3, 0);
    f.add(1, 10);
    f.add(2, 10);
    f.add(3, 10);
    expect(f.full()).toBe(true);
    expect(() => f.add(4, 1)).toThrow();
    f.freeLE(2);
    expect(f.length).toBe(1);
    f.add(4, 10);
    f.add(5, 10);
    expect(f.full()).toBe(true);
    f.freeLE(4);
    expect(f.length).toBe(1);
    f.freeFirstOne();
    expect(f.length).toBe(0);
    const b = new Inflights(100, 25);
    b.add(1, 10);
    b.add(2, 10);
    expect(b.full()).toBe(false);
    b.add(3, 10);
    expect(b.full()).toBe(true);
    b.freeLE(1);
    expect(b.inflightBytes).toBe(20);
    expect(b.full()).toBe(false);
  });
});

describe('Progress', () => {
  it('probe pauses after one append; replicate pipelines; decrements on rejection', () => {
    const p = new Progress(5, 2, 0, false);
    expect(p.isPaused()).toBe(false);
    p.sentEntries(1, 5, 10);
    expect(p.isPaused()).toBe(true);
    expect(p.maybeDecrTo(4, 2)).toBe(true); // reject at prev 4 with hint 2: probe from 3
    expect(p.next).toBe(3);
    expect(p.maybeUpdate(4)).toBe(true);
    p.becomeReplicate();
    expect(p.state).toBe(ProgressState.Replicate);
    expect(p.next).toBe(5);
    p.sentEntries(2, 6, 10);
    p.sentEntries(2, 8, 10);
    expect(p.next).toBe(9);
    expect(p.isPaused()).toBe(true);
    expect(p.maybeDecrTo(3, 0)).toBe(false); // stale: below match
    expect(p.maybeDecrTo(6, 0)).toBe(true);
    expect(p.next).toBe(5);
    p.becomeSnapshot(20);
    expect(p.isPaused()).toBe(true);
    p.becomeProbe();
    expect(p.next).toBe(21);
  });
});

describe('Unstable', () => {
  it('tracks in-progress entries, truncates conflicting tails, stabilizes', () => {
    const u = new Unstable(5);
    u.truncateAndAppend([e(5, 1), e(6, 1), e(7, 1)]);
    expect(u.nextEntries().map((x) => x.index)).toEqual([5, 6, 7]);
    u.acceptInProgress();
    expect(u.nextEntries()).toEqual([]);
    u.truncateAndAppend([e(6, 2)]); // conflict inside the in-progress range
    expect(u.offsetInProgress).toBe(6);
    expect(u.nextEntries().map((x) => [x.index, x.term])).toEqual([[6, 2]]);
    u.stableTo(7, 1); // stale: entry 7 term 1 no longer exists
    expect(u.offset).toBe(5);
    u.stableTo(5, 1);
    expect(u.offset).toBe(6);
    expect(u.maybeLastIndex()).toBe(6);
    u.truncateAndAppend([e(3, 3)]); // before the offset: replaces everything
    expect([u.offset, u.entries.length]).toEqual([3, 1]);
  });
});

describe('ProgressTracker', () => {
  it('computes the quorum commit index and vote outcomes', () => {
    const t = new ProgressTracker(4, 0);
    t.setConfig([1, 2, 3, 4, 5], [6], 1);
    const m = [9, 7, 5, 3, 1];
    [1, 2, 3, 4, 5].forEach((id, k) => (t.progress.get(id)!.match = m[k]!));
    t.progress.get(6)!.match = 100; // a learner does not count
    expect(t.committed()).toBe(5);
    t.recordVote(1, true);
    t.recordVote(2, true);
    expect(t.tallyVotes().result).toBe(VoteResult.Pending);
    t.recordVote(3, false);
    t.recordVote(4, false);
    expect(t.tallyVotes().result).toBe(VoteResult.Pending);
    t.recordVote(5, true);
    expect(t.tallyVotes().result).toBe(VoteResult.Won);
    t.recordVote(6, true);
    t.resetVotes();
    [3, 4, 5].forEach((id) => t.recordVote(id, false));
    expect(t.tallyVotes().result).toBe(VoteResult.Lost);
  });
});

describe('PRNG', () => {
  it('mulberry32 is deterministic per seed and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let k = 0; k < 1000; k++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const r = new Rng(1);
    for (let k = 0; k < 100; k++) expect(r.range(3, 5)).toBeGreaterThanOrEqual(3);
  });
});

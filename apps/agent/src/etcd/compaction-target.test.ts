// Auto-compaction keeps the last `retention` revisions, and any revision
// younger than `minAgeMs`, but never more than `maxRetention`.
import { describe, expect, it } from 'vitest';
import { CompactionTarget } from './compaction-target.js';

describe('CompactionTarget', () => {
  const policy = { retention: 100, minAgeMs: 60_000, maxRetention: 1_000 };

  it('keeps a burst younger than minAgeMs, then compacts it by count once it is old enough', () => {
    const c = new CompactionTarget(policy);
    c.note(0, 50);
    c.note(5_000, 600); // a burst: 550 revisions in 5 s
    expect(c.target(5_000, 600, 0)).toBeUndefined(); // nothing is a minute old yet
    c.note(60_000, 650);
    expect(c.target(60_000, 650, 0)).toBe(50); // revision 50 is a minute old: up to it
    c.note(65_000, 700);
    expect(c.target(65_000, 700, 50)).toBe(600); // 600 is now a minute old; the count allows 600
    c.note(200_000, 720);
    expect(c.target(200_000, 720, 600)).toBe(620); // all old: by count
  });

  it('never keeps more than maxRetention revisions, however young', () => {
    const c = new CompactionTarget(policy);
    c.note(0, 0);
    c.note(1_000, 5_000);
    expect(c.target(1_000, 5_000, 0)).toBe(4_000);
    expect(c.target(1_000, 5_000, 4_000)).toBeUndefined();
  });

  it('is off with retention 0, and compacts by count alone with minAgeMs 0', () => {
    expect(new CompactionTarget({ ...policy, retention: 0 }).target(0, 10_000, 0)).toBeUndefined();
    const byCount = new CompactionTarget({ ...policy, minAgeMs: 0 });
    byCount.note(0, 500);
    expect(byCount.target(0, 500, 0)).toBe(400);
  });
});

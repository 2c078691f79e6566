/**
 * Which revision the leader's auto-compaction may compact to.
 *
 * By count alone (etcd's --auto-compaction-mode=revision: keep the last
 * `retention` revisions), a burst compacts history that watchers are still
 * reading: when a thousand agents start together, the revision climbs by
 * ten thousand within a minute, so a watcher that fell behind on a busy
 * member found its resume revision compacted and had to read every key
 * under `/_mgmt/` again (a few megabytes, encoded by the member for each of
 * them: half of a collapsed leader's time). So history also stays for
 * `minAgeMs` (the mode=periodic rule: a revision is compacted only once it
 * is that old), up to a hard cap of `maxRetention` revisions, which keeps
 * the memory of a sustained write load bounded.
 *
 * Pure: the backend notes (time, revision) at each check and asks for the
 * target; no clock or I/O here.
 */

/** How much history auto-compaction keeps. */
export interface CompactionPolicy {
  /** Revisions always kept (0: auto-compaction off). */
  readonly retention: number;
  /** Revisions younger than this are kept too, up to `maxRetention`. */
  readonly minAgeMs: number;
  /** Revisions never kept beyond, however young. */
  readonly maxRetention: number;
}

/** The policy members run with: 10,000 revisions, and a minute of history up to 100,000. */
export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = { retention: 10_000, minAgeMs: 60_000, maxRetention: 100_000 };

/** The revisions seen over time, and the compaction target they allow; see the file comment. */
export class CompactionTarget {
  /** (time, revision) at each check, oldest first; only the last one older than minAgeMs is kept of the old ones. */
  private readonly samples: Array<{ atMs: number; revision: number }> = [];

  constructor(readonly policy: CompactionPolicy) {}

  /** The store was at `revision` at `nowMs`. */
  note(nowMs: number, revision: number): void {
    this.samples.push({ atMs: nowMs, revision });
    const cutoff = nowMs - this.policy.minAgeMs;
    // Drop samples older than the newest one that is old enough: it alone decides.
    while (this.samples.length > 1 && this.samples[1]!.atMs <= cutoff) this.samples.shift();
  }

  /** The revision to compact to now, or undefined when nothing beyond `compacted` may go. */
  target(nowMs: number, revision: number, compacted: number): number | undefined {
    const p = this.policy;
    if (p.retention <= 0) return undefined;
    const oldEnough = this.samples[0] !== undefined && this.samples[0].atMs <= nowMs - p.minAgeMs ? this.samples[0].revision : 0;
    const target = Math.max(revision - Math.max(p.maxRetention, p.retention), Math.min(revision - p.retention, oldEnough));
    return target > compacted ? target : undefined;
  }
}

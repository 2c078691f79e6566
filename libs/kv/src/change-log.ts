import { assert } from './assert.js';
import type { KeyRecord } from './key-history.js';

/** One change made by a write: the key, its new record and the live record it replaced. */
export interface Change {
  readonly key: string;
  readonly record: KeyRecord;
  readonly prev: KeyRecord | undefined;
}

/**
 * The changes of every revision from `base` on, oldest first: watchers catch
 * up from it in revision order at a cost proportional to what they are sent.
 *
 * Kept in three parallel arrays (key, record, replaced record) with the
 * position where each revision starts, not as an array of Change objects
 * per revision: a put costs this log three slots and one start (~32 bytes),
 * where an object and an array per revision cost ~110 (the log holds every
 * write since the compaction, up to 100,000 revisions by default).
 */
export class ChangeLog {
  private keys: string[] = [];
  private records: KeyRecord[] = [];
  private prevs: (KeyRecord | undefined)[] = [];
  /** starts[i]: where revision base + i begins in the arrays above. */
  private starts: number[] = [];

  /** `base`: the first revision the log holds. */
  constructor(private base = 2) {}

  /** The first revision held. */
  get first(): number {
    return this.base;
  }

  /** The revision after the last one held. */
  get end(): number {
    return this.base + this.starts.length;
  }

  /** Adds the changes of the next revision (`end`), in order. */
  append(changes: readonly Change[]): void {
    this.starts.push(this.records.length);
    for (const c of changes) {
      this.keys.push(c.key);
      this.records.push(c.record);
      this.prevs.push(c.prev);
    }
  }

  /** Calls `visit` with each change made at `revision`, in order (none when not held). */
  forEachAt(revision: number, visit: (key: string, record: KeyRecord, prev: KeyRecord | undefined) => void): void {
    const i = revision - this.base;
    if (i < 0 || i >= this.starts.length) return;
    const to = i + 1 < this.starts.length ? this.starts[i + 1]! : this.records.length;
    for (let j = this.starts[i]!; j < to; j++) visit(this.keys[j]!, this.records[j]!, this.prevs[j]);
  }

  /**
   * Drops the revisions before `revision` (a compaction), and the deletions
   * made at `revision` itself: compaction removes their tombstones from the
   * histories too, as in etcd.
   */
  compact(revision: number): void {
    const drop = Math.min(revision - this.base, this.starts.length);
    if (drop > 0) {
      const n = drop < this.starts.length ? this.starts[drop]! : this.records.length;
      this.keys.splice(0, n);
      this.records.splice(0, n);
      this.prevs.splice(0, n);
      this.starts.splice(0, drop);
      for (let i = 0; i < this.starts.length; i++) this.starts[i]! -= n;
      this.base += drop;
    }
    if (this.base !== revision || this.starts.length === 0) return;
    // Keep the first revision's other changes in place (one pass, one splice: a compaction at a
    // revision that deleted many keys must not cost a splice each).
    const to = this.starts.length > 1 ? this.starts[1]! : this.records.length;
    let kept = 0;
    for (let j = 0; j < to; j++) {
      if (this.records[j]!.tombstone) continue;
      this.keys[kept] = this.keys[j]!;
      this.records[kept] = this.records[j]!;
      this.prevs[kept] = this.prevs[j];
      kept++;
    }
    const removed = to - kept;
    if (removed === 0) return;
    this.keys.splice(kept, removed);
    this.records.splice(kept, removed);
    this.prevs.splice(kept, removed);
    for (let i = 1; i < this.starts.length; i++) this.starts[i]! -= removed;
  }

  /** Replaces the log: revisions from `base` on, `byRevision[i]` holding the changes of base + i in order. */
  reset(base: number, byRevision: readonly (readonly Change[])[]): void {
    this.base = base;
    this.keys = [];
    this.records = [];
    this.prevs = [];
    this.starts = [];
    for (const changes of byRevision) this.append(changes);
  }

  /** Checks the arrays agree and each change's record is of its revision. */
  invariants(): void {
    assert(this.keys.length === this.records.length && this.prevs.length === this.records.length, 'the change arrays are parallel');
    for (let i = 0; i < this.starts.length; i++) {
      const from = this.starts[i]!;
      const to = i + 1 < this.starts.length ? this.starts[i + 1]! : this.records.length;
      assert(from <= to, 'revisions start in order');
      for (let j = from; j < to; j++) assert(this.records[j]!.modRevision === this.base + i, 'a change is logged at its revision');
    }
  }
}

import { assert } from './assert.js';

/**
 * One version of a key: the key's state as of `modRevision`. Its fields are
 * those of mvccpb.KeyValue, so a record is sent to clients as it is (no
 * copy); `sub` orders the records one transaction writes and `tombstone`
 * marks a deletion (then only key and modRevision are set, as in etcd's
 * DELETE events). Records are immutable once stored.
 */
export interface KeyRecord {
  readonly key: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  readonly value: Uint8Array;
  readonly lease: number;
  readonly sub: number;
  readonly tombstone: boolean;
}

/** A key and its records, oldest first (ascending modRevision, then sub). */
export class KeyHistory {
  readonly records: KeyRecord[] = [];

  constructor(
    readonly key: string,
    /** The key's bytes, shared by its records (the store's arena may move them: same bytes, new place). */
    public keyBytes: Uint8Array,
  ) {}

  /** The newest record, or undefined when there are none. */
  latest(): KeyRecord | undefined {
    return this.records[this.records.length - 1];
  }

  /** The live record now: the newest one unless it is a tombstone. */
  live(): KeyRecord | undefined {
    const r = this.records[this.records.length - 1];
    return r === undefined || r.tombstone ? undefined : r;
  }

  /** The key as of `revision`: its newest record at or before it, unless a tombstone. */
  at(revision: number): KeyRecord | undefined {
    const records = this.records;
    let i = records.length - 1;
    if (i >= 0 && records[i]!.modRevision <= revision) return records[i]!.tombstone ? undefined : records[i];
    // Binary search for the last record with modRevision <= revision.
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (records[mid]!.modRevision <= revision) lo = mid + 1;
      else hi = mid;
    }
    i = lo - 1;
    if (i < 0) return undefined;
    const r = records[i]!;
    return r.tombstone ? undefined : r;
  }

  /** Appends a record; it must be newer than every record held. */
  append(record: KeyRecord): void {
    const last = this.latest();
    assert(
      last === undefined || last.modRevision < record.modRevision || (last.modRevision === record.modRevision && last.sub < record.sub),
      'records appended in revision order',
    );
    this.records.push(record);
  }

  /**
   * Drops what compaction at `revision` makes unreachable: every record older
   * than the newest one at or before `revision`, and that one too when it is
   * a tombstone (as etcd's keyIndex.compact). Returns the records dropped.
   */
  compact(revision: number): KeyRecord[] {
    const records = this.records;
    let keep = -1;
    for (let i = records.length - 1; i >= 0; i--) {
      if (records[i]!.modRevision <= revision) {
        keep = records[i]!.tombstone ? i + 1 : i;
        break;
      }
    }
    if (keep <= 0) return [];
    return records.splice(0, keep);
  }
}

import { assert } from './assert.js';
import { ChangeLog, type Change } from './change-log.js';
import { KeyHistory, type KeyRecord } from './key-history.js';
import { EMPTY_BYTES, type KeyRange } from './keys.js';
import type { LeaseTable } from './lease-table.js';
import { SortedKeys } from './sorted-keys.js';
import { ValueArena } from './value-arena.js';

export type { Change };

/** Called once per revision that changed something, with its changes in order. */
export type ChangeListener = (revision: number, changes: readonly Change[]) => void;

/** Bytes a record costs beyond its key and value (revisions, object header). */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * The multi-version keyspace: every key's history, an ordered index of the
 * keys, the current and compacted revisions. Writes happen between
 * beginWrite and endWrite; all the changes of one write share one revision
 * (ordered by sub-revision) and the revision moves only if something
 * changed, as in etcd.
 */
export class Mvcc {
  /**
   * The revision of the last write that changed something. Like etcd, an
   * empty store is at revision 1, so the first write is revision 2.
   */
  revision = 1;
  /** The revision compacted at: history before it is gone. */
  compactRevision = 0;
  /** An estimate of the bytes held (keys, values, records). */
  sizeBytes = 0;
  readonly histories = new Map<string, KeyHistory>();
  readonly index = new SortedKeys<KeyHistory>();
  /** The bytes of the keys and values held (value-arena.ts). */
  readonly arena: ValueArena;
  private writing = false;
  private sub = 0;
  private changes: Change[] = [];
  /** The changes of every revision since the compaction (change-log.ts). */
  private readonly log = new ChangeLog();

  constructor(
    private readonly leases: LeaseTable,
    private readonly onChanges: ChangeListener,
    slabBytes?: number,
  ) {
    this.arena = new ValueArena(slabBytes);
  }

  /** The revision a write in progress stamps its records with. */
  get writeRevision(): number {
    return this.revision + 1;
  }

  /** Whether the write in progress changed anything yet. */
  get changed(): boolean {
    return this.changes.length > 0;
  }

  /** Opens a write. */
  beginWrite(): void {
    assert(!this.writing, 'no write is open');
    this.writing = true;
    this.sub = 0;
    this.changes = [];
  }

  /** Closes a write: moves the revision if anything changed and tells the listener. */
  endWrite(): void {
    assert(this.writing, 'a write is open');
    this.writing = false;
    if (this.changes.length === 0) return;
    this.revision += 1;
    const changes = this.changes;
    this.changes = [];
    assert(this.log.end === this.revision, 'the change log ends at the previous revision');
    this.log.append(changes);
    this.onChanges(this.revision, changes);
  }

  /** The history of `key`, if the key has one. */
  history(key: string): KeyHistory | undefined {
    return this.histories.get(key);
  }

  /** Puts a key; the caller has validated the lease. Returns the replaced live record. */
  put(key: string, keyBytes: Uint8Array, value: Uint8Array, lease: number): KeyRecord | undefined {
    assert(this.writing, 'put inside a write');
    let h = this.histories.get(key);
    if (h === undefined) {
      h = new KeyHistory(key, this.arena.copy(keyBytes));
      this.histories.set(key, h);
      this.index.insert(h);
    }
    const prev = h.live();
    const rev = this.revision + 1;
    const record: KeyRecord = {
      key: h.keyBytes,
      createRevision: prev ? prev.createRevision : rev,
      modRevision: rev,
      version: prev ? prev.version + 1 : 1,
      value: this.arena.copy(value),
      lease,
      sub: this.sub++,
      tombstone: false,
    };
    h.append(record);
    if (prev && prev.lease !== 0 && prev.lease !== lease) this.leases.detach(prev.lease, key);
    if (lease !== 0) this.leases.attach(lease, key);
    this.sizeBytes += key.length + value.length + RECORD_OVERHEAD_BYTES;
    this.changes.push({ key, record, prev });
    return prev;
  }

  /** Deletes a live key; returns the record deleted, or undefined when the key was not live. */
  delete(key: string): KeyRecord | undefined {
    assert(this.writing, 'delete inside a write');
    const h = this.histories.get(key);
    const prev = h?.live();
    if (h === undefined || prev === undefined) return undefined;
    const record: KeyRecord = {
      key: h.keyBytes,
      createRevision: 0,
      modRevision: this.revision + 1,
      version: 0,
      value: EMPTY_BYTES,
      lease: 0,
      sub: this.sub++,
      tombstone: true,
    };
    h.append(record);
    if (prev.lease !== 0) this.leases.detach(prev.lease, key);
    this.sizeBytes += key.length + RECORD_OVERHEAD_BYTES;
    this.changes.push({ key, record, prev });
    return prev;
  }

  /**
   * Calls `visit` with each key's record as of `revision` (0: now, including
   * a write in progress), ascending by key, for keys live at that revision,
   * until `visit` returns false.
   */
  forEachLive(range: KeyRange, revision: number, visit: (record: KeyRecord, key: string) => boolean | void): void {
    if (range.single) {
      const h = this.histories.get(range.start);
      const r = h === undefined ? undefined : revision === 0 ? h.live() : h.at(revision);
      if (r !== undefined) visit(r, range.start);
      return;
    }
    this.index.forEachInRange(range.start, range.end, (h) => {
      const r = revision === 0 ? h.live() : h.at(revision);
      if (r === undefined) return true;
      return visit(r, h.key);
    });
  }

  /** Calls `visit` with each key history in `range`, ascending by key. */
  forEachHistory(range: KeyRange, visit: (history: KeyHistory) => void): void {
    if (range.single) {
      const h = this.histories.get(range.start);
      if (h !== undefined) visit(h);
      return;
    }
    this.index.forEachInRange(range.start, range.end, (h) => {
      visit(h);
    });
  }

  /** Calls `visit` with each change made at `revision`, in order (none when compacted away or not yet written). */
  forEachChangeAt(revision: number, visit: (key: string, record: KeyRecord, prev: KeyRecord | undefined) => void): void {
    this.log.forEachAt(revision, visit);
  }

  /** Drops history before `revision` (the caller checked it is valid). */
  compact(revision: number): void {
    assert(revision > this.compactRevision && revision <= this.revision, `compact ${revision} within (${this.compactRevision}, ${this.revision}]`);
    this.compactRevision = revision;
    const emptied: string[] = [];
    for (const h of this.histories.values()) {
      for (const r of h.compact(revision)) {
        this.sizeBytes -= h.key.length + r.value.length + RECORD_OVERHEAD_BYTES;
        this.arena.release(r.value);
      }
      if (h.records.length === 0) emptied.push(h.key);
    }
    for (const key of emptied) {
      this.arena.release(this.histories.get(key)!.keyBytes);
      this.histories.delete(key);
      this.index.delete(key);
    }
    this.moveOutOfSparseSlabs();
    this.log.compact(revision);
  }

  /** Replaces the whole keyspace (restore). `histories` must be in ascending key order. */
  load(revision: number, compactRevision: number, histories: Iterable<KeyHistory>): void {
    assert(!this.writing, 'no write during load');
    this.histories.clear();
    this.index.clear();
    this.arena.clear();
    this.revision = revision;
    this.compactRevision = compactRevision;
    this.sizeBytes = 0;
    const sorted: KeyHistory[] = [];
    for (const h of histories) {
      assert(sorted.length === 0 || sorted[sorted.length - 1]!.key < h.key, 'loaded keys ascending');
      sorted.push(h);
      this.histories.set(h.key, h);
      // Into the arena: the loaded bytes are views of the snapshot's buffer.
      h.keyBytes = this.arena.copy(h.keyBytes);
      for (const r of h.records) {
        place(r, h.keyBytes, this.arena.copy(r.value));
        this.sizeBytes += h.key.length + r.value.length + RECORD_OVERHEAD_BYTES;
      }
      const live = h.live();
      if (live !== undefined && live.lease !== 0) this.leases.attach(live.lease, h.key);
    }
    this.index.load(sorted);
    this.rebuildLog();
  }

  /**
   * After a compaction released bytes: moves the keys and values still held
   * in slabs less than half in use into the current slab, so that those
   * slabs are freed once no one else holds a view of them.
   */
  private moveOutOfSparseSlabs(): void {
    const sparse = this.arena.sparse();
    if (sparse.size === 0) return;
    for (const h of this.histories.values()) {
      const keyMoves = sparse.has(h.keyBytes.buffer);
      if (keyMoves) h.keyBytes = this.arena.move(h.keyBytes);
      for (const r of h.records) {
        const valueMoves = sparse.has(r.value.buffer);
        if (keyMoves || valueMoves) place(r, h.keyBytes, valueMoves ? this.arena.move(r.value) : r.value);
      }
    }
  }

  /** Rebuilds the change log from the histories (after a load). */
  private rebuildLog(): void {
    const base = Math.max(this.compactRevision, 2);
    const buckets: Change[][] = Array.from({ length: Math.max(0, this.revision - base + 1) }, () => []);
    for (const h of this.histories.values()) {
      const records = h.records;
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        if (record.modRevision < base) continue;
        const before = i > 0 ? records[i - 1]! : undefined;
        buckets[record.modRevision - base]!.push({ key: h.key, record, prev: before && !before.tombstone ? before : undefined });
      }
    }
    for (const bucket of buckets) bucket.sort((a, b) => a.record.sub - b.record.sub);
    this.log.reset(base, buckets);
  }

  /** Checks the keyspace: index and map agree; histories ordered and within the revisions. */
  invariants(): void {
    this.index.invariants();
    assert(this.log.end === this.revision + 1, 'the change log reaches the current revision');
    assert(this.log.first >= this.compactRevision, 'the change log starts at or after the compaction');
    this.log.invariants();
    assert(this.index.size === this.histories.size, 'index and map hold the same keys');
    assert(this.compactRevision <= this.revision, 'compacted at or before now');
    let arenaBytes = 0;
    for (const [key, h] of this.histories) {
      assert(h.key === key && this.index.has(key), `key ${JSON.stringify(key)} indexed`);
      assert(h.records.length > 0, 'no empty histories');
      arenaBytes += this.arena.counted(h.keyBytes);
      let prev: KeyRecord | undefined;
      for (const r of h.records) {
        assert(r.key === h.keyBytes, 'a record shares its history\'s key bytes');
        arenaBytes += this.arena.counted(r.value);
        assert(r.modRevision <= this.revision, 'no record from the future');
        assert(prev === undefined || prev.modRevision < r.modRevision || (prev.modRevision === r.modRevision && prev.sub < r.sub), 'history ordered');
        prev = r;
      }
    }
    assert(this.arena.stats().bytesInUse === arenaBytes, 'the arena counts the bytes of every key and value held, and no more');
  }
}

/** Sets where a record's bytes are (the arena moved them); the bytes themselves never change. */
function place(r: KeyRecord, key: Uint8Array, value: Uint8Array): void {
  const placed = r as { key: Uint8Array; value: Uint8Array };
  placed.key = key;
  placed.value = value;
}

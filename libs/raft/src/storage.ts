/**
 * The Storage seam between the Raft core and the durable log.
 *
 * Modelled on etcd's raft.Storage. The core only ever READS through
 * `Storage`, and every read is synchronous: a persistent implementation
 * (libs/wal) keeps the retained log tail, the hard state and the latest
 * snapshot metadata in an in-memory cache and answers from it.
 *
 * The application WRITES through `StorageWriter` while handling a Ready,
 * before it sends the Ready's messages ("persist before send"):
 *
 *   1. applySnapshot(rd.snapshot)     if a snapshot is present
 *   2. append(rd.entries)             truncating any conflicting tail
 *   3. setHardState(rd.hardState)     if present
 *   (fsync when rd.mustSync)
 *   4. send rd.messages, apply rd.committedEntries, then node.advance(rd)
 *
 * Writer methods may return a Promise (a WAL that fsyncs); MemoryStorage
 * completes synchronously and returns void. Whatever they return, the
 * effect must be visible to the synchronous readers by the time it resolves.
 *
 * Index conventions (as in etcd):
 *  - Entries are numbered from 1. Index 0 / term 0 is the empty log.
 *  - After compaction (or a snapshot) at index S with term T, the storage
 *    keeps a "dummy" position at S: term(S) returns T, firstIndex() is S + 1,
 *    and entries below S + 1 throw ErrCompacted.
 */
import type { ConfState, Entry, HardState, Snapshot } from './types.js';

/** What a node starts from: its persisted hard state and the membership it last knew. */
export interface InitialState {
  hardState: HardState;
  confState: ConfState;
}

/** Read side: synchronous, used by the Raft core. */
export interface Storage {
  /** Persisted hard state and the configuration as of the latest snapshot. */
  initialState(): InitialState;

  /**
   * Entries in [lo, hi). Returns at least one entry if lo < hi, even if it
   * is larger than maxBytes; otherwise stops before exceeding maxBytes
   * (sizes as counted by `entrySize`). Use Infinity for no limit.
   * Throws ErrCompacted if lo <= the snapshot/compaction index, and
   * ErrUnavailable if hi > lastIndex() + 1.
   * The returned array and entries must not be mutated by the caller.
   */
  entries(lo: number, hi: number, maxBytes: number): Entry[];

  /**
   * Term of entry i, for i in [firstIndex() - 1, lastIndex()] (the index just
   * below firstIndex is the snapshot/compaction point and is answered too).
   * Throws ErrCompacted for i < firstIndex() - 1, ErrUnavailable for i > lastIndex().
   */
  term(i: number): number;

  /** Index of the first entry that may be read with entries() (snapshot index + 1). */
  firstIndex(): number;

  /** Index of the last entry in the log (the snapshot index if the log is empty). */
  lastIndex(): number;

  /**
   * The most recent snapshot. Throws ErrSnapshotTemporarilyUnavailable if it
   * is not ready yet; the leader will retry later.
   */
  snapshot(): Snapshot;
}

/** The result of a writer call: synchronous, or a promise for a durable (fsynced) write. */
export type MaybePromise<T> = T | Promise<T>;

/** Write side: used by the application (or its storage loop) while handling a Ready. */
export interface StorageWriter {
  /**
   * Appends entries. If the first entry's index is at or below lastIndex(),
   * the existing conflicting tail from that index on is discarded first.
   * Entries must be contiguous; entries at or below the compaction index are
   * ignored. Appending with a gap after lastIndex() is an error.
   */
  append(entries: readonly Entry[]): MaybePromise<void>;

  /** Persists term, vote and commit. */
  setHardState(hs: HardState): MaybePromise<void>;

  /**
   * Replaces the whole log with the given snapshot (a follower that fell
   * behind). Throws ErrSnapOutOfDate if it is older than the current one.
   */
  applySnapshot(snap: Snapshot): MaybePromise<void>;

  /**
   * Makes a snapshot at `index` (<= the applied index) with the given
   * membership and application data; it becomes the one snapshot() returns.
   * Throws ErrSnapOutOfDate if index <= the current snapshot's index.
   */
  createSnapshot(index: number, confState: ConfState | undefined, data: Uint8Array): MaybePromise<Snapshot>;

  /**
   * Discards entries up to and including `index` (which must be <= the
   * applied index and <= lastIndex()). Throws ErrCompacted if already compacted.
   */
  compact(index: number): MaybePromise<void>;
}

/** A storage the core can read and the application can write. */
export interface ReadWriteStorage extends Storage, StorageWriter {}

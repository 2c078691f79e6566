/**
 * DurableStorage: the Raft core's Storage backed by the WAL.
 *
 * Reads are synchronous and served from an in-memory copy of the durable
 * log (a MemoryStorage, so the index rules are exactly the core's own).
 * That copy changes only after the WAL has fsynced a change: the core never
 * reads an entry as stable before it is on disk.
 *
 * Snapshot bytes are not kept in memory (they are the whole store): the
 * copy holds a snapshot's metadata, and `snapshot()` reads the bytes from
 * the snapshot file when they are used (snapshot-on-demand.ts).
 *
 * The application persists a whole Ready with one `save()` (one fsync, or
 * a share of one under group commit). The single StorageWriter methods work
 * too, each a save of its own. With `io: 'sync'` (the simulator) every
 * writer method blocks until durable and returns void.
 */
import {
  ErrInvariant,
  ErrSnapOutOfDate,
  MemoryStorage,
  hardStateEqual,
  isEmptySnapshot,
  type ConfState,
  type Entry,
  type HardState,
  type InitialState,
  type DriverStorage,
  type ReadWriteStorage,
  type ReadySave,
  type Snapshot,
} from '@mgmt/raft';
import { assert } from './errors.js';
import { ownEntries } from './own-entries.js';
import { snapshotOnDemand } from './snapshot-on-demand.js';
import { Wal, type WalOptions, type WalSave } from './wal.js';

/** Options of DurableStorage.open: the WAL's, plus how writer methods do their I/O. */
export interface DurableStorageOptions extends Omit<WalOptions, 'onDurable'> {
  /** 'async' (default, the agent): writers return promises and fsync off the event loop. 'sync': writers block. */
  io?: 'async' | 'sync';
}

export class DurableStorage implements ReadWriteStorage, DriverStorage {
  /** The underlying log (recovery report, stats, segment files). */
  readonly wal: Wal;
  private readonly cache = new MemoryStorage();
  private readonly io: 'async' | 'sync';
  /** The recovered snapshot's bytes, until their first use (the member's restore): read once, not twice, at start. */
  private recoveredSnapshot: Snapshot | undefined;

  private constructor(options: DurableStorageOptions) {
    this.io = options.io ?? 'async';
    this.wal = Wal.open({ ...options, onDurable: (s) => this.applyDurable(s) });
    const r = this.wal.recovered;
    if (!isEmptySnapshot(r.snapshot)) {
      this.cache.applySnapshot(withoutData(r.snapshot));
      this.recoveredSnapshot = r.snapshot;
    }
    this.cache.append(ownEntries(r.entries));
    this.cache.setHardState(r.hardState);
    this.wal.forgetRecoveredData();
  }

  /** Opens (or creates) the data directory and recovers snapshot + log into memory. */
  static open(options: DurableStorageOptions): DurableStorage {
    return new DurableStorage(options);
  }

  private applyDurable(s: WalSave): void {
    if (s.snapshot) {
      this.cache.applySnapshot(withoutData(s.snapshot));
      this.recoveredSnapshot = undefined;
    }
    if (s.entries && s.entries.length > 0) this.cache.append(ownEntries(s.entries));
    if (s.hardState) this.cache.setHardState(s.hardState);
  }

  // ---- Storage (reads, synchronous, durable state only) ----

  initialState(): InitialState {
    return this.cache.initialState();
  }

  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    return this.cache.entries(lo, hi, maxBytes);
  }

  term(i: number): number {
    return this.cache.term(i);
  }

  firstIndex(): number {
    return this.cache.firstIndex();
  }

  lastIndex(): number {
    return this.cache.lastIndex();
  }

  /** The durable snapshot; its `data` is read from the snapshot file on first access. */
  snapshot(): Snapshot {
    const { metadata } = this.cache.snapshot();
    if (metadata.index === 0) return this.cache.snapshot();
    return snapshotOnDemand(metadata, () => this.snapshotData(metadata.index, metadata.term));
  }

  private snapshotData(index: number, term: number): Uint8Array {
    const recovered = this.recoveredSnapshot;
    this.recoveredSnapshot = undefined;
    if (recovered && recovered.metadata.index === index) return recovered.data;
    return this.wal.readSnapshot(index, term).data;
  }

  /** The durable hard state. */
  hardState(): HardState {
    return this.cache.getHardState();
  }

  // ---- Ready persistence ----

  /** Persists one Ready (snapshot, entries, hard state) with one fsync; resolves when durable. */
  save(rd: WalSave): Promise<void> {
    return this.wal.save(rd);
  }

  /**
   * The Raft driver's save (DriverStorage): one Ready, durable when the
   * promise resolves ('async') or when it returns ('sync', the simulator).
   */
  saveReady(rd: ReadySave): void | Promise<void> {
    return this.write(rd);
  }

  /** Persists one Ready, blocking until durable (simulator). */
  saveSync(rd: WalSave): void {
    this.wal.saveSync(rd);
  }

  private write(rd: WalSave): void | Promise<void> {
    return this.io === 'sync' ? this.wal.saveSync(rd) : this.wal.save(rd);
  }

  // ---- StorageWriter ----

  append(entries: readonly Entry[]): void | Promise<void> {
    return this.write({ entries });
  }

  setHardState(hs: HardState): void | Promise<void> {
    return this.write({ hardState: hs });
  }

  applySnapshot(snap: Snapshot): void | Promise<void> {
    return this.write({ snapshot: snap });
  }

  /**
   * Makes the snapshot durable (its own file, written atomically), then
   * removes older snapshots and the segments it covers. Synchronous in both
   * modes: snapshots are rare and the caller wants the Snapshot back.
   */
  createSnapshot(index: number, confState: ConfState | undefined, data: Uint8Array): Snapshot {
    const current = this.cache.snapshot();
    if (index <= current.metadata.index) throw new ErrSnapOutOfDate();
    if (index > this.cache.lastIndex()) throw new ErrInvariant(`snapshot ${index} is out of bound lastindex(${this.cache.lastIndex()})`);
    const term = this.cache.term(index);
    const cs = confState ?? current.metadata.confState;
    this.wal.saveSnapshot({ data, metadata: { index, term, confState: cs } });
    this.recoveredSnapshot = undefined;
    const { metadata } = this.cache.createSnapshot(index, cs, NO_DATA);
    return { metadata, data };
  }

  /**
   * Drops entries up to `index` from memory. The disk keeps them until a
   * snapshot covers them (createSnapshot removes those segments).
   */
  compact(index: number): void {
    this.cache.compact(index);
  }

  /**
   * Starts a new WAL segment once the saves in flight are durable; resolves
   * with the last index of the segments before it, which a snapshot at or
   * past that index removes whole (Maintenance.Defragment).
   */
  startNewSegment(): Promise<number> {
    return this.wal.startNewSegment();
  }

  /** Asserts that the in-memory copy is exactly the durable state, plus the WAL's own invariants. */
  checkInvariants(): void {
    this.wal.checkInvariants();
    assert(this.cache.lastIndex() === this.wal.lastIndex, () => `cache last index ${this.cache.lastIndex()} != durable ${this.wal.lastIndex}`);
    assert(this.cache.snapshot().metadata.index === this.wal.snapshotIndex, 'cache snapshot != durable snapshot');
    assert(hardStateEqual(this.cache.getHardState(), this.wal.hardState), 'cache hard state != durable hard state');
  }

  /** Waits for queued saves and closes the log. */
  close(): Promise<void> {
    return this.wal.close();
  }

  closeSync(): void {
    this.wal.closeSync();
  }
}

const NO_DATA = new Uint8Array(0);

/** The snapshot as the in-memory copy keeps it: its metadata only. */
function withoutData(snap: Snapshot): Snapshot {
  return { metadata: snap.metadata, data: NO_DATA };
}

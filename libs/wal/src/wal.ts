/**
 * Wal: the durable Raft log of one member.
 *
 * `save()` persists one Ready (hard state, entries, snapshot) and resolves
 * only after its bytes are fsynced: persist, then acknowledge (etcd #14370).
 * Saves that arrive while an fsync is in flight are queued and written as
 * one frame with one fsync when it returns (group commit). A save that only
 * moves the commit index is written but not fsynced, as etcd's WAL does
 * (raft.MustSync): the commit index is not part of Raft's persistent state
 * (Raft paper, figure 2), so losing it in a crash only makes the member
 * learn it again from the leader. `saveSync()` is
 * the same thing done synchronously, for the deterministic simulator.
 *
 * Within a save the order of effects is a Ready's: the snapshot file is
 * made durable first (temporary file, fsync, rename, directory fsync), then
 * the frame carrying the snapshot reset, the entries and the hard state.
 */
import { posix as path } from 'node:path';
import { emptySnapshot, ErrSnapOutOfDate, isEmptySnapshot, type Entry, type HardState, type Snapshot } from '@mgmt/raft';
import { checkIdentity, writeFileAtomic } from './atomic-file.js';
import { assert, WalClosedError, WalCorruptionError, WalDiskFullError, WalOverloadedError, type WalFatalError } from './errors.js';
import type { FileSystem } from './file-system.js';
import { walLayout, type WalLayout } from './layout.js';
import { silentLogger, type WalLogger } from './logger.js';
import { recoverState, readMeta, type RecoveredState } from './recovery.js';
import { batchPartSizeBytes, encodeBatch, encodeMeta, type BatchPart, type WalIdentity } from './records.js';
import { SegmentWriter, type LogPosition } from './segment-writer.js';
import { readSnapshotFile, removeSnapshotsBefore, writeSnapshotFile } from './snapshot-files.js';

/** What one Ready asks to persist. Every field is optional. */
export interface WalSave {
  hardState?: HardState;
  entries?: readonly Entry[];
  /** A snapshot received from the leader: it replaces the log. */
  snapshot?: Snapshot;
}

/** Options of Wal.open. */
export interface WalOptions {
  fs: FileSystem;
  /** The WAL's data directory (created if missing). */
  dir: string;
  /** Cluster id and member id; a directory holding another pair is refused. */
  identity: WalIdentity;
  /** A new segment starts when the current one would exceed this. Default 64 MiB. */
  segmentSizeBytes?: number;
  /** Upper bound on the bytes of one group-commit frame. Default 16 MiB. */
  maxBatchBytes?: number;
  /** Upper bound on saves waiting for the next fsync. Default 65536. */
  maxQueuedSaves?: number;
  logger?: WalLogger;
  /** Called, in order, after each save is durable and before its promise resolves (or saveSync returns). */
  onDurable?: (save: WalSave) => void;
}

/** Counters for benchmarks and tests. */
export interface WalStats {
  /** fsyncs of batch frames (group commits). */
  batchSyncs: number;
  /** Saves made durable. */
  saves: number;
  /** Entries made durable. */
  entries: number;
}

interface Queued {
  save: WalSave;
  part: BatchPart;
  /** Whether the part must be fsynced before the save resolves (see mustSync). */
  sync: boolean;
  bytes: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Whether a part must be fsynced before it counts as saved: it carries
 * entries or a snapshot, or changes the term or the vote (etcd's
 * raft.MustSync). A part that only moves the commit index need not be.
 */
function mustSync(part: BatchPart, before: HardState): boolean {
  if (part.entries.length > 0 || part.snapshotReset) return true;
  const hs = part.hardState;
  return hs !== undefined && (hs.term !== before.term || hs.vote !== before.vote);
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_QUEUED = 65_536;

/** Position of the log including everything accepted so far (durable or queued). */
interface LogView extends LogPosition {
  snapIndex: number;
  snapTerm: number;
}

export class Wal {
  /** What recovery found when this WAL was opened. */
  readonly recovered: RecoveredState;
  readonly stats: WalStats = { batchSyncs: 0, saves: 0, entries: 0 };
  private readonly layout: WalLayout;
  private readonly writer: SegmentWriter;
  private durable: LogView;
  private accepted: LogView;
  private readonly queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** True while writes fail with ENOSPC (logged once per episode). */
  private diskFull = false;

  private constructor(
    private readonly options: WalOptions,
    recovered: RecoveredState,
  ) {
    this.recovered = recovered;
    this.layout = walLayout(options.dir);
    const snap = recovered.snapshot.metadata;
    const last = recovered.entries[recovered.entries.length - 1];
    this.durable = {
      lastIndex: last?.index ?? snap.index,
      lastTerm: last?.term ?? snap.term,
      hardState: recovered.hardState,
      snapIndex: snap.index,
      snapTerm: snap.term,
    };
    this.accepted = { ...this.durable };
    this.writer = SegmentWriter.open(
      options.fs,
      this.layout,
      options.identity,
      options.segmentSizeBytes ?? DEFAULT_SEGMENT_BYTES,
      this.logger,
      recovered.segments.map((s) => ({ file: s.file, seq: s.seq, prevIndex: s.prevIndex })),
      recovered.nextSeq,
      this.durable,
    );
  }

  private get logger(): WalLogger {
    return this.options.logger ?? silentLogger;
  }

  /**
   * Opens (or creates) the WAL in `options.dir` and recovers its state,
   * synchronously. Throws WalCorruptionError, WalMissingSegmentError or
   * WalForeignDataError rather than start on bad data.
   */
  static open(options: WalOptions): Wal {
    const { fs, identity } = options;
    const layout = walLayout(options.dir);
    fs.mkdirp(layout.dir);
    const meta = readMeta(fs, layout);
    let recovered: RecoveredState;
    if (meta) {
      checkIdentity(identity, meta, layout.metaFile, 0);
      recovered = recoverState(fs, layout, identity, options.logger ?? silentLogger);
    } else {
      for (const d of [layout.segmentDir, layout.snapshotDir]) {
        if (fs.exists(d) && fs.readdir(d).some((n) => !n.endsWith('.tmp'))) {
          throw new WalCorruptionError(layout.metaFile, 0, `metadata file is missing but ${d} holds files`);
        }
      }
      fs.mkdirp(layout.segmentDir);
      fs.mkdirp(layout.snapshotDir);
      fs.fsyncDir(layout.dir);
      if (path.dirname(layout.dir) !== layout.dir) fs.fsyncDir(path.dirname(layout.dir));
      writeFileAtomic(fs, layout.metaFile, encodeMeta(identity));
      recovered = {
        hardState: { term: 0, vote: 0, commit: 0 },
        snapshot: emptySnapshot(),
        entries: [],
        segments: [],
        nextSeq: 0,
        needsResetRecord: false,
        replayEnd: { index: 0, term: 0 },
        created: true,
      };
    }
    const wal = new Wal(options, recovered);
    if (recovered.needsResetRecord) {
      // Make the log on disk agree with the snapshot before anything is appended after it.
      // Until it is written, a new segment's header must describe the log as the segments replay it.
      const snap = recovered.snapshot.metadata;
      const reconciled = { lastIndex: wal.durable.lastIndex, lastTerm: wal.durable.lastTerm };
      Object.assign(wal.durable, { lastIndex: recovered.replayEnd.index, lastTerm: recovered.replayEnd.term });
      wal.writeAndSyncNow([{ snapshotReset: { index: snap.index, term: snap.term }, hardState: recovered.hardState, entries: [] }]);
      Object.assign(wal.durable, reconciled);
    }
    // A crash may have come between a snapshot and the removal of what it covers.
    if (wal.durable.snapIndex > 0) wal.cleanUpBehind(wal.durable.snapIndex);
    return wal;
  }

  /** The durable hard state. */
  get hardState(): HardState {
    return { ...this.durable.hardState };
  }

  /** Index of the last durable entry (the snapshot index if none follow it). */
  get lastIndex(): number {
    return this.durable.lastIndex;
  }

  /** Index of the newest durable snapshot (0 if none). */
  get snapshotIndex(): number {
    return this.durable.snapIndex;
  }

  /** Segment files currently on disk, oldest first. */
  get segmentFiles(): string[] {
    return this.writer.segments.map((s) => s.file);
  }

  /** Persists one Ready; resolves once it is durable. Saves queued during an fsync share the next one. */
  save(save: WalSave): Promise<void> {
    let part: BatchPart;
    let sync: boolean;
    try {
      this.checkOpen();
      if (this.queue.length >= (this.options.maxQueuedSaves ?? DEFAULT_MAX_QUEUED)) {
        throw new WalOverloadedError(`wal: ${this.queue.length} saves already wait for the next fsync`);
      }
      const before = this.accepted.hardState;
      part = this.accept(save);
      sync = mustSync(part, before);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ save, part, sync, bytes: batchPartSizeBytes(part), resolve, reject });
      // Start the flush in a microtask so every save made in this turn joins the first frame.
      this.flushing ??= Promise.resolve().then(() => this.flushLoop());
    });
  }

  /** Persists one Ready synchronously (write, then a blocking fsync). For the simulator. */
  saveSync(save: WalSave): void {
    this.checkOpen();
    assert(this.flushing === undefined && this.queue.length === 0, 'saveSync while asynchronous saves are in flight');
    const part = this.accept(save);
    this.writeAndSyncNow([part]);
    this.markDurable(save, part);
  }

  /**
   * Stores a snapshot the application made (at an index already in the
   * durable log), then removes older snapshot files and every segment the
   * snapshot covers. Synchronous; the snapshot file is durable on return.
   */
  saveSnapshot(snap: Snapshot): void {
    this.checkOpen();
    const { index, term } = snap.metadata;
    if (index <= this.accepted.snapIndex) throw new ErrSnapOutOfDate();
    assert(index <= this.durable.lastIndex, () => `snapshot index ${index} is beyond the durable log (${this.durable.lastIndex})`);
    writeSnapshotFile(this.options.fs, this.layout, this.options.identity, snap);
    this.durable.snapIndex = this.accepted.snapIndex = index;
    this.durable.snapTerm = this.accepted.snapTerm = term;
    this.cleanUpBehind(index);
  }

  /**
   * The durable snapshot at `index` and `term`, read from its file (the log
   * keeps no snapshot bytes in memory). Throws WalCorruptionError when the
   * file is damaged, and the file system's error when it cannot be read.
   */
  readSnapshot(index: number, term: number): Snapshot {
    return readSnapshotFile(this.options.fs, this.layout, this.options.identity, index, term).snapshot;
  }

  /**
   * Drops the recovered entries and snapshot bytes once the caller has taken
   * them (the recovered entries are views into whole segment files, which
   * they would keep in memory for the life of the process). The rest of
   * `recovered` (torn tail, segments) stays as the report of the recovery.
   */
  forgetRecoveredData(): void {
    this.recovered.entries = [];
    this.recovered.snapshot = { metadata: this.recovered.snapshot.metadata, data: new Uint8Array(0) };
  }

  /**
   * Ends the current segment once the saves in flight are durable, so that
   * everything written so far lies in segments a snapshot at or past the
   * returned index removes whole (Maintenance.Defragment). Resolves with
   * the last durable index at the cut.
   */
  async startNewSegment(): Promise<number> {
    this.checkOpen();
    while (this.flushing) await this.flushing;
    this.checkOpen();
    // Nothing is in flight here (single-threaded: no save starts flushing before this returns).
    this.writer.cutNow(this.durable);
    return this.durable.lastIndex;
  }

  /** Asserts the WAL's own invariants (tests and debug builds call it after each step). */
  checkInvariants(): void {
    const d = this.durable;
    assert(d.snapIndex <= d.lastIndex, () => `snapshot ${d.snapIndex} beyond the last durable index ${d.lastIndex}`);
    assert(d.hardState.commit <= d.lastIndex || d.hardState.commit === 0, () => `commit ${d.hardState.commit} beyond the last durable index ${d.lastIndex}`);
    const segs = this.writer.segments;
    assert(segs.length > 0 && segs[segs.length - 1]!.file === this.writer.currentFile, 'the current segment is the last one');
    for (let i = 1; i < segs.length; i++) assert(segs[i]!.seq === segs[i - 1]!.seq + 1, () => `segment sequence breaks at ${segs[i]!.file}`);
    assert(segs.length === 1 || segs[1]!.prevIndex > d.snapIndex, 'a segment the snapshot covers was not removed');
    if (!this.flushing && this.queue.length === 0) {
      assert(this.accepted.lastIndex === d.lastIndex && this.accepted.snapIndex === d.snapIndex, 'nothing queued, yet accepted != durable');
    }
  }

  /** Waits for queued saves, then closes the current segment. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing) await this.flushing;
    this.closed = true;
    this.writer.close();
  }

  /** Closes at once; only valid with no asynchronous save in flight. */
  closeSync(): void {
    if (this.closed) return;
    assert(this.flushing === undefined, 'closeSync while asynchronous saves are in flight');
    this.closed = true;
    this.writer.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new WalClosedError();
    if (this.writer.fatal) throw this.writer.fatal as WalFatalError;
  }

  /** Validates a save against everything accepted before it and turns it into a batch part. */
  private accept(save: WalSave): BatchPart {
    const part: BatchPart = { entries: [] };
    const next: LogView = { ...this.accepted };
    if (save.snapshot && !isEmptySnapshot(save.snapshot)) {
      const { index, term } = save.snapshot.metadata;
      if (index <= next.snapIndex) throw new ErrSnapOutOfDate();
      // The snapshot file is durable before the record that points the log at it.
      writeSnapshotFile(this.options.fs, this.layout, this.options.identity, save.snapshot);
      part.snapshotReset = { index, term };
      Object.assign(next, { snapIndex: index, snapTerm: term, lastIndex: index, lastTerm: term });
    }
    let entries = save.entries ?? [];
    if (entries.length > 0 && entries[0]!.index <= next.snapIndex) entries = entries.filter((e) => e.index > next.snapIndex);
    if (entries.length > 0) {
      const first = entries[0]!.index;
      assert(first <= next.lastIndex + 1, () => `append at ${first} leaves a gap after the last index ${next.lastIndex}`);
      for (let k = 1; k < entries.length; k++) {
        assert(entries[k]!.index === first + k, () => `entries not contiguous: ${entries[k]!.index} after ${first + k - 1}`);
      }
      const last = entries[entries.length - 1]!;
      next.lastIndex = last.index;
      next.lastTerm = last.term;
      part.entries = entries;
    }
    if (save.hardState) {
      part.hardState = { term: save.hardState.term, vote: save.hardState.vote, commit: save.hardState.commit };
      next.hardState = part.hardState;
    }
    this.accepted = next;
    return part;
  }

  /** Writes parts as one frame and fsyncs, blocking. On failure, forgets everything not yet durable. */
  private writeAndSyncNow(parts: BatchPart[]): void {
    try {
      this.writer.writeFrame(encodeBatch(parts), this.durable);
      this.writer.sync();
    } catch (err) {
      this.accepted = { ...this.durable };
      this.noteWriteFailure(err);
      throw err;
    }
    this.noteWriteSuccess();
  }

  /** Logs a full disk once, when writes start failing (not on every retry). */
  private noteWriteFailure(err: unknown): void {
    if (err instanceof WalDiskFullError) {
      if (!this.diskFull) this.logger.warn({ file: err.file, offset: err.offset }, err.message);
      this.diskFull = true;
    }
  }

  private noteWriteSuccess(synced = true): void {
    if (synced) this.stats.batchSyncs++;
    if (this.diskFull) this.logger.info({}, 'wal: disk space is available again; writes resumed');
    this.diskFull = false;
  }

  private async flushLoop(): Promise<void> {
    const maxBatchBytes = this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    try {
      while (this.queue.length > 0) {
        let bytes = 0;
        let n = 0;
        while (n < this.queue.length && (n === 0 || bytes + this.queue[n]!.bytes <= maxBatchBytes)) bytes += this.queue[n++]!.bytes;
        const batch = this.queue.splice(0, n);
        const sync = batch.some((q) => q.sync);
        try {
          this.writer.writeFrame(encodeBatch(batch.map((q) => q.part)), this.durable);
          if (sync) await this.writer.syncAsync();
        } catch (err) {
          // Saves still queued were validated against the failed ones: none of them can go on.
          const failed = batch.concat(this.queue.splice(0));
          this.accepted = { ...this.durable };
          this.noteWriteFailure(err);
          for (const q of failed) q.reject(err);
          continue;
        }
        this.noteWriteSuccess(sync);
        for (const q of batch) {
          this.markDurable(q.save, q.part);
          q.resolve();
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private markDurable(save: WalSave, part: BatchPart): void {
    const d = this.durable;
    if (part.snapshotReset) Object.assign(d, { snapIndex: part.snapshotReset.index, snapTerm: part.snapshotReset.term, lastIndex: part.snapshotReset.index, lastTerm: part.snapshotReset.term });
    const last = part.entries[part.entries.length - 1];
    if (last) Object.assign(d, { lastIndex: last.index, lastTerm: last.term });
    if (part.hardState) d.hardState = part.hardState;
    this.stats.saves++;
    this.stats.entries += part.entries.length;
    this.options.onDurable?.({ hardState: part.hardState, entries: part.entries, snapshot: part.snapshotReset ? save.snapshot : undefined });
    if (part.snapshotReset) this.cleanUpBehind(part.snapshotReset.index);
  }

  /** Removes snapshot files and segments a durable snapshot at `index` made unnecessary. Failures are logged, not fatal. */
  private cleanUpBehind(index: number): void {
    try {
      removeSnapshotsBefore(this.options.fs, this.layout, index);
      this.writer.releaseThrough(index);
    } catch (err) {
      this.logger.warn({ err }, `wal: could not remove files behind snapshot ${index}: ${(err as Error).message}`);
    }
  }
}

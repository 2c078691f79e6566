/**
 * SegmentWriter: appends frames to the current segment, cuts a new segment
 * when the current one is full, rolls back a failed write, and removes
 * segments a snapshot has made unnecessary.
 *
 * Every frame is followed by an fsync before the next frame is written (the
 * caller's contract), which is what lets recovery call a damaged final frame
 * torn and any earlier damage corruption.
 */
import { posix as path } from 'node:path';
import type { HardState } from '@mgmt/raft';
import { assert, WalDiskFullError, WalFatalError } from './errors.js';
import { errorCode, type AppendFile, type FileSystem } from './file-system.js';
import { segmentName, type WalLayout } from './layout.js';
import type { WalLogger } from './logger.js';
import { encodeSegmentHeader, type WalIdentity } from './records.js';

/** A segment on disk: its file, sequence number and the index its entries follow. */
export interface SegmentRef {
  file: string;
  seq: number;
  prevIndex: number;
}

/** The durable log position a new segment's header records. */
export interface LogPosition {
  lastIndex: number;
  lastTerm: number;
  hardState: HardState;
  /** Index of the newest durable snapshot: segments it covers may go once a new one starts. */
  snapIndex: number;
}

export class SegmentWriter {
  private file: AppendFile;
  private headerBytes: number;
  /** Frames appended so far (tells a finished async fsync whether a frame came in behind it). */
  private framesWritten = 0;
  /** Whether a frame was written since the last fsync. */
  private framesUnsynced = false;
  /** Set once the on-disk state is unknown; every later write refuses. */
  fatal: WalFatalError | undefined;

  private constructor(
    private readonly fs: FileSystem,
    private readonly layout: WalLayout,
    private readonly identity: WalIdentity,
    private readonly segmentSizeBytes: number,
    private readonly logger: WalLogger,
    readonly segments: SegmentRef[],
    private nextSeq: number,
    file: AppendFile,
    headerBytes: number,
  ) {
    this.file = file;
    this.headerBytes = headerBytes;
  }

  /** Continues the last recovered segment, or creates the first one at `position`. */
  static open(
    fs: FileSystem,
    layout: WalLayout,
    identity: WalIdentity,
    segmentSizeBytes: number,
    logger: WalLogger,
    segments: SegmentRef[],
    nextSeq: number,
    position: LogPosition,
  ): SegmentWriter {
    const last = segments[segments.length - 1];
    if (last) {
      const file = fs.openAppend(last.file, { create: false });
      // A reopened segment counts as already holding a batch: never cut it empty.
      return new SegmentWriter(fs, layout, identity, segmentSizeBytes, logger, segments, nextSeq, file, 0);
    }
    const created = SegmentWriter.createSegment(fs, layout, identity, nextSeq, position);
    segments.push(created.ref);
    return new SegmentWriter(fs, layout, identity, segmentSizeBytes, logger, segments, nextSeq + 1, created.file, created.file.size());
  }

  private static createSegment(
    fs: FileSystem,
    layout: WalLayout,
    identity: WalIdentity,
    seq: number,
    pos: LogPosition,
  ): { file: AppendFile; ref: SegmentRef } {
    const file = path.join(layout.segmentDir, segmentName(seq, pos.lastIndex + 1));
    const header = encodeSegmentHeader({ ...identity, seq, prevIndex: pos.lastIndex, prevTerm: pos.lastTerm, hardState: pos.hardState });
    const f = fs.openAppend(file, { create: true });
    try {
      f.write(header);
      f.sync();
      fs.fsyncDir(layout.segmentDir);
    } catch (err) {
      f.close();
      try {
        fs.unlink(file);
        fs.fsyncDir(layout.segmentDir);
      } catch {
        /* recovery removes a segment without an intact header */
      }
      if (errorCode(err) === 'ENOSPC') throw new WalDiskFullError(file, 0, { cause: err });
      throw new WalFatalError(`wal: cannot create segment ${file}: ${(err as Error).message}`, { cause: err });
    }
    return { file: f, ref: { file, seq, prevIndex: pos.lastIndex } };
  }

  /** Path of the segment being appended to. */
  get currentFile(): string {
    return this.file.path;
  }

  private checkUsable(): void {
    if (this.fatal) throw this.fatal;
  }

  /**
   * Appends one frame (cutting a new segment first if this one is full).
   * On failure the partial write is cut off again: a full disk throws
   * WalDiskFullError and the writer stays usable; anything else is fatal.
   */
  writeFrame(frame: Uint8Array, durable: LogPosition): void {
    this.checkUsable();
    this.framesWritten++;
    if (this.file.size() > this.headerBytes && this.file.size() + frame.byteLength > this.segmentSizeBytes) this.cut(durable);
    const before = this.file.size();
    try {
      this.file.write(frame);
    } catch (err) {
      try {
        // Cut the partial frame off and make the cut durable, so a later segment can
        // never sit behind a non-final segment that still ends in garbage.
        this.file.truncate(before);
        this.file.sync();
      } catch (truncErr) {
        this.fatal = new WalFatalError(`wal: cannot roll back a failed write to ${this.file.path} at offset ${before}`, { cause: truncErr });
        throw this.fatal;
      }
      if (errorCode(err) === 'ENOSPC') throw new WalDiskFullError(this.file.path, before, { cause: err });
      this.fatal = new WalFatalError(`wal: write to ${this.file.path} at offset ${before} failed: ${(err as Error).message}`, { cause: err });
      throw this.fatal;
    }
    this.framesUnsynced = true;
  }

  /** fsync of the current segment, blocking. Any failure is fatal (the page cache can no longer be trusted). */
  sync(): void {
    this.checkUsable();
    try {
      this.file.sync();
    } catch (err) {
      this.fatal = new WalFatalError(`wal: fsync of ${this.file.path} failed: ${(err as Error).message}`, { cause: err });
      throw this.fatal;
    }
    this.framesUnsynced = false;
  }

  /** fsync of the current segment off the event loop. */
  async syncAsync(): Promise<void> {
    this.checkUsable();
    const written = this.framesWritten;
    try {
      await this.file.syncAsync();
    } catch (err) {
      this.fatal = new WalFatalError(`wal: fsync of ${this.file.path} failed: ${(err as Error).message}`, { cause: err });
      throw this.fatal;
    }
    if (this.framesWritten === written) this.framesUnsynced = false;
  }

  /**
   * Starts a new segment now unless the current one holds no frame yet
   * (Maintenance.Defragment: the entries written so far then lie in older
   * segments, which the next snapshot at or past `durable.lastIndex`
   * removes). Returns whether it cut. The caller must have no write in
   * flight, as for writeFrame.
   */
  cutNow(durable: LogPosition): boolean {
    this.checkUsable();
    if (this.file.size() <= this.headerBytes) return false;
    this.cut(durable);
    return true;
  }

  /**
   * Starts a new segment. The current one is made fully synced first: a
   * frame written without an fsync (one that only moved the commit index)
   * must not sit in a non-final segment that recovery trusts to be whole.
   */
  private cut(durable: LogPosition): void {
    if (this.framesUnsynced) this.sync();
    const created = SegmentWriter.createSegment(this.fs, this.layout, this.identity, this.nextSeq, durable);
    this.file.close();
    this.file = created.file;
    this.headerBytes = created.file.size();
    this.segments.push(created.ref);
    this.nextSeq++;
    this.logger.info({ file: created.ref.file }, `wal: new segment ${created.ref.file}`);
    try {
      this.releaseThrough(durable.snapIndex);
    } catch (err) {
      this.logger.warn({ err }, `wal: could not remove segments behind snapshot ${durable.snapIndex}: ${(err as Error).message}`);
    }
  }

  /**
   * Removes, oldest first, every segment whose entries all lie at or below
   * the durable snapshot index (the next segment starts at or below it). The
   * current segment is never removed. One directory fsync per removal keeps
   * the removals in order, so a crash never leaves a hole in the sequence.
   */
  releaseThrough(snapshotIndex: number): number {
    let removed = 0;
    while (this.segments.length > 1 && this.segments[1]!.prevIndex <= snapshotIndex) {
      const seg = this.segments[0]!;
      assert(seg.file !== this.file.path, 'never remove the current segment');
      this.fs.unlink(seg.file);
      this.fs.fsyncDir(this.layout.segmentDir);
      this.segments.shift();
      removed++;
    }
    if (removed > 0) this.logger.info({ removed, snapshotIndex }, `wal: removed ${removed} segment(s) covered by snapshot ${snapshotIndex}`);
    return removed;
  }

  close(): void {
    this.file.close();
  }
}

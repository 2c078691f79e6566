/**
 * Recovery: rebuilds the durable state from a data directory, or refuses
 * with one error that names the file and offset.
 *
 * Order: metadata (identity) -> newest snapshot -> segments in sequence
 * order, frame by frame. A damaged final frame of the final segment with
 * nothing intact after it is a torn write (power cut mid-write): it is cut
 * off and logged. Any other damage, a gap in the segment sequence, or a log
 * that starts after the newest snapshot stops the agent.
 */
import { posix as path } from 'node:path';
import { emptySnapshot, type Entry, type HardState, type Snapshot } from '@mgmt/raft';
import { checkIdentity, decodeAt, readSingleFrameFile } from './atomic-file.js';
import { WalCorruptionError, WalMissingSegmentError } from './errors.js';
import type { FileSystem } from './file-system.js';
import { scanFrames, type ScannedFrame } from './frame.js';
import { isTempName, parseSegmentName, segmentName, type WalLayout } from './layout.js';
import type { WalLogger } from './logger.js';
import { decodeBatch, decodeMeta, decodeSegmentHeader, RecordKind, type SegmentHeader, type WalIdentity } from './records.js';
import { ReplayGapError, ReplayLog } from './replay-log.js';
import { loadNewestSnapshot, removeSnapshotTemps } from './snapshot-files.js';

/** A segment file that survived recovery. */
export interface SegmentInfo {
  file: string;
  seq: number;
  prevIndex: number;
}

/** A torn final record that recovery cut off. */
export interface TornTail {
  file: string;
  offset: number;
  bytesDiscarded: number;
  reason: string;
}

/** Everything recovery found. */
export interface RecoveredState {
  hardState: HardState;
  /** The newest snapshot (empty, index 0, if none). */
  snapshot: Snapshot;
  /** Entries after the snapshot, contiguous. */
  entries: Entry[];
  /** Surviving segments in sequence order (empty for a new or never-written directory). */
  segments: SegmentInfo[];
  /** Sequence number the next new segment must take. */
  nextSeq: number;
  tornTail?: TornTail;
  /** True if the log on disk disagrees with the snapshot and a reset record must be written before appending. */
  needsResetRecord: boolean;
  /** Last index and term as the segments on disk replay (before reconciling with the snapshot). */
  replayEnd: { index: number; term: number };
  /** True if the metadata file did not exist (a brand-new data directory). */
  created: boolean;
}

/** Reads the identity of a data directory, or undefined if it has no metadata file. */
export function readMeta(fs: FileSystem, layout: WalLayout): WalIdentity | undefined {
  if (!fs.exists(layout.metaFile)) return undefined;
  const payload = readSingleFrameFile(fs, layout.metaFile);
  return decodeAt(layout.metaFile, 0, () => decodeMeta(payload));
}

interface SegmentFile {
  name: string;
  file: string;
  seq: number;
  firstIndex: number;
}

function listSegments(fs: FileSystem, layout: WalLayout): SegmentFile[] {
  const out: SegmentFile[] = [];
  for (const name of fs.readdir(layout.segmentDir)) {
    const parsed = parseSegmentName(name);
    if (parsed) out.push({ name, file: path.join(layout.segmentDir, name), ...parsed });
  }
  out.sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.seq !== out[i - 1]!.seq + 1) {
      const missing = segmentName(out[i - 1]!.seq + 1, 0).slice(0, 16);
      throw new WalMissingSegmentError(out[i]!.file, 0, `segment with sequence ${missing} is missing between ${out[i - 1]!.file} and ${out[i]!.file}`);
    }
  }
  return out;
}

class Replayer {
  log: ReplayLog | undefined;
  hardState: HardState = { term: 0, vote: 0, commit: 0 };
  /** Where the log's current start was set by a snapshot reset record, for error messages. */
  resetAt: { file: string; offset: number } | undefined;
  firstSegment: { file: string; prevIndex: number } | undefined;

  constructor(private readonly id: WalIdentity) {}

  header(seg: SegmentFile, frame: ScannedFrame): SegmentHeader {
    const h = decodeAt(seg.file, frame.offset, () => decodeSegmentHeader(frame.payload));
    checkIdentity(this.id, h, seg.file, frame.offset);
    if (h.seq !== seg.seq || h.prevIndex + 1 !== seg.firstIndex) {
      throw new WalCorruptionError(seg.file, frame.offset, `segment header says sequence ${h.seq} first index ${h.prevIndex + 1}, its name disagrees`);
    }
    if (!this.log) {
      this.log = new ReplayLog(h.prevIndex, h.prevTerm);
      this.hardState = h.hardState;
      this.firstSegment = { file: seg.file, prevIndex: h.prevIndex };
    } else if (h.prevIndex !== this.log.lastIndex() || h.prevTerm !== this.log.lastTerm()) {
      throw new WalCorruptionError(
        seg.file,
        frame.offset,
        `segment starts after index ${h.prevIndex} term ${h.prevTerm} but the log before it ends at index ${this.log.lastIndex()} term ${this.log.lastTerm()}`,
      );
    }
    return h;
  }

  batch(seg: SegmentFile, frame: ScannedFrame): void {
    const log = this.log!;
    const parts = decodeAt(seg.file, frame.offset, () => decodeBatch(frame.payload));
    try {
      for (const p of parts) {
        if (p.snapshotReset) {
          log.reset(p.snapshotReset.index, p.snapshotReset.term);
          this.resetAt = { file: seg.file, offset: frame.offset };
        }
        log.append(p.entries);
        if (p.hardState) this.hardState = p.hardState;
      }
    } catch (err) {
      if (err instanceof ReplayGapError) throw new WalCorruptionError(seg.file, frame.offset, err.message, { cause: err });
      throw err;
    }
  }
}

/**
 * Reads one segment; for the last one, cuts off a torn tail. Returns false
 * if the segment holds no intact header (only possible for a last segment
 * whose creation was interrupted; it is removed).
 */
function replaySegment(
  fs: FileSystem,
  seg: SegmentFile,
  isLast: boolean,
  replayer: Replayer,
  logger: WalLogger,
  onTorn: (t: TornTail) => void,
): boolean {
  const bytes = fs.readFile(seg.file);
  const scan = scanFrames(bytes);
  if (scan.damage) {
    const d = scan.damage;
    if (!isLast) throw new WalCorruptionError(seg.file, d.offset, `${d.reason} (not the last segment, so not a torn write)`);
    if (d.intactFrameFollows) throw new WalCorruptionError(seg.file, d.offset, `${d.reason}, and intact records follow it (not a torn write)`);
    const torn = { file: seg.file, offset: d.offset, bytesDiscarded: bytes.byteLength - d.offset, reason: d.reason };
    logger.warn(torn, `wal: cut off torn final record in ${seg.file} at offset ${d.offset} (${torn.bytesDiscarded} bytes discarded): ${d.reason}`);
    onTorn(torn);
    if (scan.frames.length === 0) {
      fs.unlink(seg.file);
      fs.fsyncDir(path.dirname(seg.file));
      return false;
    }
    fs.truncate(seg.file, d.offset);
    fs.fsyncFile(seg.file);
  }
  if (scan.frames.length === 0) {
    if (!isLast) throw new WalCorruptionError(seg.file, 0, 'empty segment that is not the last one');
    fs.unlink(seg.file);
    fs.fsyncDir(path.dirname(seg.file));
    return false;
  }
  const [first, ...rest] = scan.frames;
  if (first!.payload[0] !== RecordKind.segmentHeader) throw new WalCorruptionError(seg.file, 0, 'segment does not start with a segment header');
  replayer.header(seg, first!);
  for (const frame of rest) {
    if (frame.payload[0] !== RecordKind.batch) throw new WalCorruptionError(seg.file, frame.offset, `unexpected record kind ${frame.payload[0]}`);
    replayer.batch(seg, frame);
  }
  return true;
}

/** Rebuilds the durable state of a data directory whose metadata already matched `id`. */
export function recoverState(fs: FileSystem, layout: WalLayout, id: WalIdentity, logger: WalLogger): RecoveredState {
  removeSnapshotTemps(fs, layout);
  for (const name of fs.readdir(layout.segmentDir)) if (isTempName(name)) fs.unlink(path.join(layout.segmentDir, name));

  const loaded = loadNewestSnapshot(fs, layout, id);
  const snapshot = loaded?.snapshot ?? emptySnapshot();
  const snapIndex = snapshot.metadata.index;
  const snapTerm = snapshot.metadata.term;

  const files = listSegments(fs, layout);
  const replayer = new Replayer(id);
  const segments: SegmentInfo[] = [];
  let tornTail: TornTail | undefined;
  for (let i = 0; i < files.length; i++) {
    const seg = files[i]!;
    if (!replaySegment(fs, seg, i === files.length - 1, replayer, logger, (t) => (tornTail = t))) continue;
    segments.push({ file: seg.file, seq: seg.seq, prevIndex: seg.firstIndex - 1 });
  }
  const nextSeq = files.length > 0 ? files[files.length - 1]!.seq + (segments.length === files.length ? 1 : 0) : 0;

  const log = replayer.log;
  if (!log) {
    if (snapIndex > 0) {
      throw new WalMissingSegmentError(loaded!.file, 0, `snapshot at index ${snapIndex} exists but there are no log segments in ${layout.segmentDir}`);
    }
    const replayEnd = { index: 0, term: 0 };
    return { hardState: replayer.hardState, snapshot, entries: [], segments, nextSeq, tornTail, needsResetRecord: false, replayEnd, created: false };
  }

  // The log must reach back to the snapshot, or entries in between are lost.
  if (log.offset > snapIndex) {
    if (replayer.resetAt) {
      throw new WalMissingSegmentError(
        replayer.resetAt.file,
        replayer.resetAt.offset,
        `the log was reset to a snapshot at index ${log.offset} but the newest snapshot file is at index ${snapIndex}`,
      );
    }
    const first = replayer.firstSegment!;
    throw new WalMissingSegmentError(
      first.file,
      0,
      `the log starts after index ${first.prevIndex} but the newest snapshot is at index ${snapIndex}: entries ${snapIndex + 1}..${first.prevIndex} are missing`,
    );
  }

  const replayEnd = { index: log.lastIndex(), term: log.lastTerm() ?? 0 };
  // Entries after the snapshot count only if the log agrees with it at its index (Log Matching,
  // Raft §5.3). If not, the snapshot replaced a conflicting log and a crash came before the reset
  // record reached the disk: those entries were never committed and are dropped.
  let needsResetRecord = false;
  let entries: Entry[];
  if (log.termAt(snapIndex) === snapTerm) {
    log.dropThrough(snapIndex);
    entries = [...log.entries];
  } else {
    logger.warn(
      { snapshotIndex: snapIndex, logLastIndex: log.lastIndex() },
      `wal: the log does not contain snapshot index ${snapIndex} term ${snapTerm}; discarding ${log.lastIndex() - log.offset} uncommitted entries after it`,
    );
    entries = [];
    needsResetRecord = true;
  }

  const lastIndex = entries.length > 0 ? entries[entries.length - 1]!.index : snapIndex;
  const hs = { ...replayer.hardState };
  // Everything in a snapshot is committed; a commit index beyond the log is not usable.
  const commit = Math.min(Math.max(hs.commit, snapIndex), lastIndex);
  if (commit !== hs.commit) {
    logger.info({ was: hs.commit, now: commit }, `wal: commit index ${hs.commit} adjusted to ${commit} (snapshot ${snapIndex}, last index ${lastIndex})`);
    hs.commit = commit;
  }
  return { hardState: hs, snapshot, entries, segments, nextSeq, tornTail, needsResetRecord, replayEnd, created: false };
}

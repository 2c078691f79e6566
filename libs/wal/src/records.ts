/**
 * The payloads carried by frames: segment headers, Ready batches, snapshot
 * files and the metadata file. Pure encode/decode; decoders throw
 * RecordFormatError, which the reader turns into a WalCorruptionError that
 * names the file and offset.
 */
import type { ConfState, Entry, EntryType, HardState, Snapshot } from '@mgmt/raft';
import { ByteReader, type ByteWriter } from './bytes.js';
import { frameWriter, sealFrame } from './frame.js';

/** Format version written in every header; readers refuse other versions. */
export const WAL_FORMAT_VERSION = 1;

/** First byte of every frame payload. */
export const RecordKind = {
  segmentHeader: 1,
  batch: 2,
  snapshot: 3,
  meta: 4,
} as const;

/** A payload that does not parse as the record it claims to be. */
export class RecordFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordFormatError';
  }
}

/** Who owns a data directory. Every header repeats it, so a file from another member is refused. */
export interface WalIdentity {
  clusterId: string;
  memberId: number;
}

/** First frame of every segment: enough to replay the log from this segment on. */
export interface SegmentHeader extends WalIdentity {
  seq: number;
  /** Last log index written before this segment (its entries start after it). */
  prevIndex: number;
  prevTerm: number;
  /** Hard state as of the cut, so older segments can be removed without losing it. */
  hardState: HardState;
}

/** One save: what a single Ready asks to persist. */
export interface BatchPart {
  hardState?: HardState;
  /** Set when a snapshot replaced the log: the log restarts empty at (index, term). */
  snapshotReset?: { index: number; term: number };
  entries: readonly Entry[];
}

const PART_HARD_STATE = 1;
const PART_SNAPSHOT_RESET = 2;
const PART_ENTRIES = 4;

function readKind(r: ByteReader, want: number, what: string): void {
  const kind = r.u8();
  if (kind !== want) throw new RecordFormatError(`expected a ${what} record (kind ${want}), found kind ${kind}`);
}

function readVersion(r: ByteReader): void {
  const v = r.u8();
  if (v !== WAL_FORMAT_VERSION) throw new RecordFormatError(`unsupported format version ${v} (this build reads ${WAL_FORMAT_VERSION})`);
}

function writeHardState(w: ByteWriter, hs: HardState): void {
  w.u64(hs.term).u64(hs.vote).u64(hs.commit);
}

function readHardState(r: ByteReader): HardState {
  return { term: r.u64(), vote: r.u64(), commit: r.u64() };
}

/** Wraps reader failures (short payloads) as RecordFormatError. */
function decoding<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RecordFormatError) throw err;
    throw new RecordFormatError(`malformed ${what}: ${(err as Error).message}`, { cause: err });
  }
}

/** A whole frame holding a segment header. */
export function encodeSegmentHeader(h: SegmentHeader): Uint8Array {
  const w = frameWriter(128);
  w.u8(RecordKind.segmentHeader).u8(WAL_FORMAT_VERSION).str(h.clusterId).u64(h.memberId);
  w.u64(h.seq).u64(h.prevIndex).u64(h.prevTerm);
  writeHardState(w, h.hardState);
  return sealFrame(w);
}

export function decodeSegmentHeader(payload: Uint8Array): SegmentHeader {
  return decoding('segment header', () => {
    const r = new ByteReader(payload);
    readKind(r, RecordKind.segmentHeader, 'segment header');
    readVersion(r);
    const clusterId = r.str();
    const memberId = r.u64();
    const seq = r.u64();
    const prevIndex = r.u64();
    const prevTerm = r.u64();
    const hardState = readHardState(r);
    return { clusterId, memberId, seq, prevIndex, prevTerm, hardState };
  });
}

/** Bytes a part will take, to size the write buffer once. */
export function batchPartSizeBytes(p: BatchPart): number {
  let n = 1 + 24 + 16 + 4;
  for (const e of p.entries) n += 8 + 8 + 1 + 4 + e.data.byteLength;
  return n;
}

/** A whole frame holding the parts of one group commit. */
export function encodeBatch(parts: readonly BatchPart[]): Uint8Array {
  let size = 16;
  for (const p of parts) size += batchPartSizeBytes(p);
  const w = frameWriter(size + 12);
  w.u8(RecordKind.batch).u32(parts.length);
  for (const p of parts) {
    const flags = (p.hardState ? PART_HARD_STATE : 0) | (p.snapshotReset ? PART_SNAPSHOT_RESET : 0) | (p.entries.length > 0 ? PART_ENTRIES : 0);
    w.u8(flags);
    if (p.snapshotReset) w.u64(p.snapshotReset.index).u64(p.snapshotReset.term);
    if (p.entries.length > 0) {
      w.u32(p.entries.length);
      for (const e of p.entries) w.u64(e.index).u64(e.term).u8(e.type).bytes(e.data);
    }
    if (p.hardState) writeHardState(w, p.hardState);
  }
  return sealFrame(w);
}

/**
 * Parts of a batch payload. Within a part the order of effects is:
 * snapshot reset, then entries, then hard state (the order of a Ready).
 */
export function decodeBatch(payload: Uint8Array): BatchPart[] {
  return decoding('batch', () => {
    const r = new ByteReader(payload);
    readKind(r, RecordKind.batch, 'batch');
    const count = r.u32();
    const parts: BatchPart[] = [];
    for (let i = 0; i < count; i++) {
      const flags = r.u8();
      const part: BatchPart = { entries: [] };
      if (flags & PART_SNAPSHOT_RESET) part.snapshotReset = { index: r.u64(), term: r.u64() };
      if (flags & PART_ENTRIES) {
        const n = r.u32();
        const entries: Entry[] = [];
        for (let k = 0; k < n; k++) {
          const index = r.u64();
          const term = r.u64();
          const type = r.u8() as EntryType;
          entries.push({ index, term, type, data: r.bytes() });
        }
        part.entries = entries;
      }
      if (flags & PART_HARD_STATE) part.hardState = readHardState(r);
      parts.push(part);
    }
    if (r.remaining !== 0) throw new RecordFormatError(`${r.remaining} unexpected bytes after the last part`);
    return parts;
  });
}

function writeConfState(w: ByteWriter, cs: ConfState): void {
  w.u64List(cs.voters).u64List(cs.learners).u64List(cs.votersOutgoing).u64List(cs.learnersNext).u8(cs.autoLeave ? 1 : 0);
}

function readConfState(r: ByteReader): ConfState {
  return { voters: r.u64List(), learners: r.u64List(), votersOutgoing: r.u64List(), learnersNext: r.u64List(), autoLeave: r.u8() === 1 };
}

/** A whole snapshot file: one frame with identity, metadata and the opaque application data. */
export function encodeSnapshotFile(id: WalIdentity, snap: Snapshot): Uint8Array {
  const w = frameWriter(snap.data.byteLength + 256);
  w.u8(RecordKind.snapshot).u8(WAL_FORMAT_VERSION).str(id.clusterId).u64(id.memberId);
  w.u64(snap.metadata.index).u64(snap.metadata.term);
  writeConfState(w, snap.metadata.confState);
  w.bytes(snap.data);
  return sealFrame(w);
}

export function decodeSnapshotFile(payload: Uint8Array): { identity: WalIdentity; snapshot: Snapshot } {
  return decoding('snapshot', () => {
    const r = new ByteReader(payload);
    readKind(r, RecordKind.snapshot, 'snapshot');
    readVersion(r);
    const identity = { clusterId: r.str(), memberId: r.u64() };
    const index = r.u64();
    const term = r.u64();
    const confState = readConfState(r);
    const data = r.bytes();
    return { identity, snapshot: { data, metadata: { index, term, confState } } };
  });
}

/** The metadata file: which cluster and member this data directory belongs to. */
export function encodeMeta(id: WalIdentity): Uint8Array {
  const w = frameWriter(64);
  w.u8(RecordKind.meta).u8(WAL_FORMAT_VERSION).str(id.clusterId).u64(id.memberId);
  return sealFrame(w);
}

export function decodeMeta(payload: Uint8Array): WalIdentity {
  return decoding('metadata', () => {
    const r = new ByteReader(payload);
    readKind(r, RecordKind.meta, 'metadata');
    readVersion(r);
    return { clusterId: r.str(), memberId: r.u64() };
  });
}

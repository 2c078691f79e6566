/**
 * Where the WAL keeps its files inside the agent's data directory:
 *
 *   <dir>/meta                      cluster id + member id (one frame)
 *   <dir>/wal/<seq>-<first>.wal     segments: 16 hex digits of sequence number and first index
 *   <dir>/snap/<index>-<term>.snap  snapshots: 16 hex digits each
 *   *.tmp                           half-written files, removed at open
 */
import { posix as path } from 'node:path';

/** Paths of one data directory. */
export interface WalLayout {
  dir: string;
  metaFile: string;
  segmentDir: string;
  snapshotDir: string;
}

export function walLayout(dir: string): WalLayout {
  return { dir, metaFile: path.join(dir, 'meta'), segmentDir: path.join(dir, 'wal'), snapshotDir: path.join(dir, 'snap') };
}

function hex16(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/** File name of segment `seq` whose first entry would be `firstIndex`. */
export function segmentName(seq: number, firstIndex: number): string {
  return `${hex16(seq)}-${hex16(firstIndex)}.wal`;
}

const SEGMENT_RE = /^([0-9a-f]{16})-([0-9a-f]{16})\.wal$/;
const SNAPSHOT_RE = /^([0-9a-f]{16})-([0-9a-f]{16})\.snap$/;

/** Sequence number and first index of a segment file name, or undefined if it is not one. */
export function parseSegmentName(name: string): { seq: number; firstIndex: number } | undefined {
  const m = SEGMENT_RE.exec(name);
  return m ? { seq: parseInt(m[1]!, 16), firstIndex: parseInt(m[2]!, 16) } : undefined;
}

/** File name of the snapshot at (index, term). */
export function snapshotName(index: number, term: number): string {
  return `${hex16(index)}-${hex16(term)}.snap`;
}

export function parseSnapshotName(name: string): { index: number; term: number } | undefined {
  const m = SNAPSHOT_RE.exec(name);
  return m ? { index: parseInt(m[1]!, 16), term: parseInt(m[2]!, 16) } : undefined;
}

/** True for the temporary files of an interrupted atomic write. */
export function isTempName(name: string): boolean {
  return name.endsWith('.tmp');
}

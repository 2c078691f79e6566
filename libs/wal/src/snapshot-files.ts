/**
 * Snapshot files: one per snapshot, written atomically, the newest one
 * wins. Their payload is opaque application bytes (the KV store makes it).
 */
import { posix as path } from 'node:path';
import type { Snapshot } from '@mgmt/raft';
import { checkIdentity, decodeAt, readSingleFrameFile, writeFileAtomic } from './atomic-file.js';
import { WalCorruptionError } from './errors.js';
import type { FileSystem } from './file-system.js';
import { isTempName, parseSnapshotName, snapshotName, type WalLayout } from './layout.js';
import { decodeSnapshotFile, encodeSnapshotFile, type WalIdentity } from './records.js';

/** A snapshot read back from disk and the file it came from. */
export interface LoadedSnapshot {
  snapshot: Snapshot;
  file: string;
}

/** Writes a snapshot file durably (temporary file, fsync, rename, directory fsync). */
export function writeSnapshotFile(fs: FileSystem, layout: WalLayout, id: WalIdentity, snap: Snapshot): string {
  const file = path.join(layout.snapshotDir, snapshotName(snap.metadata.index, snap.metadata.term));
  writeFileAtomic(fs, file, encodeSnapshotFile(id, snap));
  return file;
}

/** Snapshot file names, newest (highest index) first. */
function listSnapshots(fs: FileSystem, layout: WalLayout): { name: string; index: number; term: number }[] {
  const out: { name: string; index: number; term: number }[] = [];
  for (const name of fs.readdir(layout.snapshotDir)) {
    const parsed = parseSnapshotName(name);
    if (parsed) out.push({ name, ...parsed });
  }
  return out.sort((a, b) => b.index - a.index);
}

/** Removes leftovers of interrupted atomic writes in the snapshot directory. */
export function removeSnapshotTemps(fs: FileSystem, layout: WalLayout): string[] {
  const removed: string[] = [];
  for (const name of fs.readdir(layout.snapshotDir)) {
    if (isTempName(name)) {
      fs.unlink(path.join(layout.snapshotDir, name));
      removed.push(name);
    }
  }
  if (removed.length > 0) fs.fsyncDir(layout.snapshotDir);
  return removed;
}

/**
 * The newest snapshot, checked: its frame, its identity and its name must
 * agree. A damaged newest snapshot is an error, never a silent fallback to
 * an older one (which the log may no longer reach).
 */
export function loadNewestSnapshot(fs: FileSystem, layout: WalLayout, id: WalIdentity): LoadedSnapshot | undefined {
  const newest = listSnapshots(fs, layout)[0];
  if (!newest) return undefined;
  return readSnapshotFile(fs, layout, id, newest.index, newest.term);
}

/**
 * The snapshot at `index` and `term`, read back and checked (frame, identity,
 * name). The log keeps snapshots on disk only: it reads one when Raft sends
 * it to a follower or the member restores from it.
 */
export function readSnapshotFile(fs: FileSystem, layout: WalLayout, id: WalIdentity, index: number, term: number): LoadedSnapshot {
  const file = path.join(layout.snapshotDir, snapshotName(index, term));
  const payload = readSingleFrameFile(fs, file);
  const { identity, snapshot } = decodeAt(file, 0, () => decodeSnapshotFile(payload));
  checkIdentity(id, identity, file, 0);
  if (snapshot.metadata.index !== index || snapshot.metadata.term !== term) {
    throw new WalCorruptionError(
      file,
      0,
      `snapshot holds index ${snapshot.metadata.index} term ${snapshot.metadata.term} but its name says index ${index} term ${term}`,
    );
  }
  return { snapshot, file };
}

/** Removes every snapshot file older than `keepIndex`; returns how many. */
export function removeSnapshotsBefore(fs: FileSystem, layout: WalLayout, keepIndex: number): number {
  let removed = 0;
  for (const s of listSnapshots(fs, layout)) {
    if (s.index < keepIndex) {
      fs.unlink(path.join(layout.snapshotDir, s.name));
      removed++;
    }
  }
  if (removed > 0) fs.fsyncDir(layout.snapshotDir);
  return removed;
}

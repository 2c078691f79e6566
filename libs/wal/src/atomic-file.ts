/**
 * Whole-file writes that a crash cannot leave half done (temporary file,
 * fsync, rename, directory fsync), and the matching checked read of a file
 * that holds exactly one frame (snapshots and the metadata file).
 */
import { posix as path } from 'node:path';
import { WalCorruptionError, WalDiskFullError, WalFatalError, WalForeignDataError } from './errors.js';
import { errorCode, type FileSystem } from './file-system.js';
import { scanFrames } from './frame.js';
import { RecordFormatError, type WalIdentity } from './records.js';

/** Writes `bytes` to `file` atomically and durably. A full disk throws WalDiskFullError and leaves no trace. */
export function writeFileAtomic(fs: FileSystem, file: string, bytes: Uint8Array): void {
  const tmp = `${file}.tmp`;
  if (fs.exists(tmp)) fs.unlink(tmp);
  const f = fs.openAppend(tmp, { create: true });
  try {
    f.write(bytes);
    f.sync();
  } catch (err) {
    f.close();
    // Best effort: a leftover .tmp is removed at the next open anyway.
    try {
      fs.unlink(tmp);
    } catch {
      /* ignore */
    }
    if (errorCode(err) === 'ENOSPC') throw new WalDiskFullError(tmp, 0, { cause: err });
    throw new WalFatalError(`wal: cannot write ${tmp}: ${(err as Error).message}`, { cause: err });
  }
  f.close();
  fs.rename(tmp, file);
  fs.fsyncDir(path.dirname(file));
}

/** The payload of a file that must hold exactly one intact frame; anything else is corruption. */
export function readSingleFrameFile(fs: FileSystem, file: string): Uint8Array {
  const bytes = fs.readFile(file);
  const scan = scanFrames(bytes);
  if (scan.damage) throw new WalCorruptionError(file, scan.damage.offset, scan.damage.reason);
  if (scan.frames.length !== 1) {
    throw new WalCorruptionError(file, scan.frames[1]?.offset ?? 0, `expected exactly one record, found ${scan.frames.length}`);
  }
  return scan.frames[0]!.payload;
}

/** Runs a decoder, turning a RecordFormatError into a WalCorruptionError at file/offset. */
export function decodeAt<T>(file: string, offset: number, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof RecordFormatError) throw new WalCorruptionError(file, offset, err.message, { cause: err });
    throw err;
  }
}

/** Throws WalForeignDataError unless `found` is the expected cluster and member. */
export function checkIdentity(expected: WalIdentity, found: WalIdentity, file: string, offset: number): void {
  if (found.clusterId !== expected.clusterId || found.memberId !== expected.memberId) {
    throw new WalForeignDataError(
      file,
      offset,
      `data belongs to cluster "${found.clusterId}" member ${found.memberId}, not cluster "${expected.clusterId}" member ${expected.memberId}`,
    );
  }
}

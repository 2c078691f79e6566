/**
 * The seam every byte of the WAL goes through. Two implementations:
 * NodeFileSystem (node:fs, the agent) and SimDisk (memory, the simulator
 * and crash tests), so the same log code runs in both.
 *
 * Everything is synchronous except `AppendFile.syncAsync`: writes land in the
 * page cache in microseconds, while an fsync takes about a millisecond, and
 * that is the call the agent must keep off the event loop so proposals that
 * arrive meanwhile can join the next batch (group commit).
 *
 * Paths are POSIX-style strings; implementations join with node:path.
 */

/** A file opened for appending. Writes go to the end; durability only after sync. */
export interface AppendFile {
  readonly path: string;
  /** Appends all of `data` or throws (possibly after appending a prefix; see truncate). */
  write(data: Uint8Array): void;
  /** Current size in bytes, including unsynced writes. */
  size(): number;
  /** Cuts the file to `size` bytes (used to roll back a failed write). */
  truncate(size: number): void;
  /** Makes every write so far durable (fdatasync), blocking. */
  sync(): void;
  /** Makes every write issued before the call durable, off the event loop. */
  syncAsync(): Promise<void>;
  close(): void;
}

/** File-system operations the WAL needs, and nothing else. */
export interface FileSystem {
  /** Creates the directory and its parents; no error if it exists. */
  mkdirp(dir: string): void;
  /** Names in a directory (not paths), in no particular order. */
  readdir(dir: string): string[];
  exists(path: string): boolean;
  /** The whole file. */
  readFile(path: string): Uint8Array;
  /** Opens for appending; `create: true` requires that the file does not exist yet. */
  openAppend(path: string, options: { create: boolean }): AppendFile;
  /** Atomically replaces `to` with `from` (durable only after fsyncDir). */
  rename(from: string, to: string): void;
  /** Removes a file (durable only after fsyncDir). */
  unlink(path: string): void;
  /** Cuts a closed file to `size` bytes (durable only after the file is synced). */
  truncate(path: string, size: number): void;
  /** Fsyncs a file by path. */
  fsyncFile(path: string): void;
  /** Fsyncs a directory, making creates, renames and unlinks in it durable. */
  fsyncDir(dir: string): void;
}

/** The Node `code` of a system error (ENOSPC, EIO...), if any. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

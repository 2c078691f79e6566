/**
 * The WAL's file system with its fsyncs timed, for etcd's disk metrics:
 * a log file's sync is etcd's WAL fsync; fsyncing a whole file by path
 * (snapshots and metadata, written atomically) stands for etcd's backend
 * commit. Everything else passes straight through.
 */
import type { AppendFile, FileSystem } from '@mgmt/wal';

/** Where the timings go, in seconds. */
export interface FsyncTimings {
  walFsync(seconds: number): void;
  backendCommit(seconds: number): void;
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function timedAppendFile(file: AppendFile, timings: FsyncTimings): AppendFile {
  return {
    get path() {
      return file.path;
    },
    write: (data) => file.write(data),
    size: () => file.size(),
    truncate: (size) => file.truncate(size),
    sync: () => {
      const start = process.hrtime.bigint();
      file.sync();
      timings.walFsync(secondsSince(start));
    },
    syncAsync: async () => {
      const start = process.hrtime.bigint();
      await file.syncAsync();
      timings.walFsync(secondsSince(start));
    },
    close: () => file.close(),
  };
}

/** `fs` with its fsyncs reported to `timings`. */
export function timedFileSystem(fs: FileSystem, timings: FsyncTimings): FileSystem {
  return {
    mkdirp: (dir) => fs.mkdirp(dir),
    readdir: (dir) => fs.readdir(dir),
    exists: (p) => fs.exists(p),
    readFile: (p) => fs.readFile(p),
    openAppend: (p, options) => timedAppendFile(fs.openAppend(p, options), timings),
    rename: (from, to) => fs.rename(from, to),
    unlink: (p) => fs.unlink(p),
    truncate: (p, size) => fs.truncate(p, size),
    fsyncFile: (p) => {
      const start = process.hrtime.bigint();
      fs.fsyncFile(p);
      timings.backendCommit(secondsSince(start));
    },
    fsyncDir: (dir) => fs.fsyncDir(dir),
  };
}

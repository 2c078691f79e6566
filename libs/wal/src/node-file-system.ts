/**
 * NodeFileSystem: the FileSystem seam over node:fs, for the agent.
 * Writes are synchronous (they only reach the page cache); `syncAsync` runs
 * fdatasync on libuv's thread pool so the event loop keeps accepting
 * proposals during the fsync.
 */
import * as fs from 'node:fs';
import type { AppendFile, FileSystem } from './file-system.js';

class NodeAppendFile implements AppendFile {
  private fd: number;
  private written: number;

  constructor(
    readonly path: string,
    create: boolean,
  ) {
    // O_APPEND: every write goes to the end, even after a truncate.
    this.fd = fs.openSync(path, create ? 'ax' : 'a');
    this.written = fs.fstatSync(this.fd).size;
  }

  write(data: Uint8Array): void {
    let off = 0;
    // writeSync may write less than asked (a full disk, a signal): loop until
    // done, or until it throws (ENOSPC), leaving a prefix the caller truncates.
    while (off < data.byteLength) {
      const n = fs.writeSync(this.fd, data, off, data.byteLength - off);
      off += n;
      this.written += n;
    }
  }

  size(): number {
    return this.written;
  }

  truncate(size: number): void {
    fs.ftruncateSync(this.fd, size);
    this.written = size;
  }

  sync(): void {
    fs.fdatasyncSync(this.fd);
  }

  syncAsync(): Promise<void> {
    return new Promise((resolve, reject) => {
      fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
}

/** The real file system. */
export class NodeFileSystem implements FileSystem {
  mkdirp(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
  }

  readdir(dir: string): string[] {
    return fs.readdirSync(dir);
  }

  exists(path: string): boolean {
    return fs.existsSync(path);
  }

  readFile(path: string): Uint8Array {
    return fs.readFileSync(path);
  }

  openAppend(path: string, options: { create: boolean }): AppendFile {
    return new NodeAppendFile(path, options.create);
  }

  rename(from: string, to: string): void {
    fs.renameSync(from, to);
  }

  unlink(path: string): void {
    fs.unlinkSync(path);
  }

  truncate(path: string, size: number): void {
    fs.truncateSync(path, size);
  }

  fsyncFile(path: string): void {
    const fd = fs.openSync(path, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  fsyncDir(dir: string): void {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

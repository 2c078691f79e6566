/**
 * SimDisk: an in-memory FileSystem for the simulator and the crash tests.
 *
 * It keeps, for every file, what a power cut would leave (the bytes as of
 * the last fsync) apart from what the process sees now, and for every
 * directory the names as of the last directory fsync apart from the current
 * ones. `crash()` is the power cut: unsynced file bytes are lost, torn (a
 * random prefix survives, its end maybe zero-filled) or kept, and a random
 * prefix of the unsynced directory operations survives, in order (as a
 * journaling file system would). `crashAfterOps(n)` makes the process die
 * at a chosen step: the next n mutating operations succeed and every
 * operation after that throws SimCrashError. `flipBit` damages data at rest,
 * and `capacityBytes` makes writes fail with ENOSPC.
 *
 * Simplification: mkdirp is immediately durable (the WAL creates its
 * directories once, before it writes any file).
 */
import { posix as path } from 'node:path';
import { mulberry32 } from '@mgmt/raft';
import type { AppendFile, FileSystem } from './file-system.js';

/** What survives a crash of unsynced data: nothing, a torn prefix, all of it, or a random choice per file. */
export type CrashMode = 'lose' | 'tear' | 'keep' | 'random';

/** Thrown by every SimDisk operation once the simulated process has died (see crashAfterOps). */
export class SimCrashError extends Error {
  constructor(op: string) {
    super(`simulated crash: ${op} did not happen`);
    this.name = 'SimCrashError';
  }
}

/** An errno-style error like node:fs throws. */
export class SimFsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'SimFsError';
    this.code = code;
  }
}

class Inode {
  buf = new Uint8Array(64);
  len = 0;
  syncedLen = 0;
  /** The synced content, kept only once an unsynced truncate overwrote part of it. */
  syncedCopy: Uint8Array | null = null;

  content(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  durable(): Uint8Array {
    return this.syncedCopy ?? this.buf.subarray(0, this.syncedLen);
  }

  append(data: Uint8Array): void {
    const need = this.len + data.byteLength;
    if (need > this.buf.byteLength) {
      let cap = this.buf.byteLength * 2;
      while (cap < need) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.content());
      this.buf = next;
    }
    this.buf.set(data, this.len);
    this.len = need;
  }

  truncate(size: number): void {
    if (size < this.syncedLen && this.syncedCopy === null) this.syncedCopy = this.buf.slice(0, this.syncedLen);
    if (size > this.len) this.append(new Uint8Array(size - this.len));
    this.len = size;
  }

  sync(): void {
    this.syncedCopy = null;
    this.syncedLen = this.len;
  }

  /** Replaces the content with `bytes`, all of it durable. */
  reset(bytes: Uint8Array): void {
    this.buf = new Uint8Array(Math.max(64, bytes.byteLength));
    this.buf.set(bytes);
    this.len = bytes.byteLength;
    this.syncedLen = bytes.byteLength;
    this.syncedCopy = null;
  }
}

type DirOp = { kind: 'link'; name: string; inode: Inode } | { kind: 'unlink'; name: string } | { kind: 'rename'; from: string; to: string };

class Dir {
  current = new Map<string, Inode>();
  durable = new Map<string, Inode>();
  pending: DirOp[] = [];
}

function applyDirOp(names: Map<string, Inode>, op: DirOp): void {
  if (op.kind === 'link') names.set(op.name, op.inode);
  else if (op.kind === 'unlink') names.delete(op.name);
  else {
    const inode = names.get(op.from);
    if (inode) {
      names.delete(op.from);
      names.set(op.to, inode);
    }
  }
}

class SimAppendFile implements AppendFile {
  constructor(
    private readonly disk: SimDisk,
    private readonly inode: Inode,
    readonly path: string,
    private readonly epoch: number,
  ) {}

  write(data: Uint8Array): void {
    this.disk.step(`write ${this.path}`, this.epoch);
    this.disk.appendWithCapacity(this.inode, data, this.path);
  }

  size(): number {
    this.disk.check(this.epoch);
    return this.inode.len;
  }

  truncate(size: number): void {
    this.disk.step(`truncate ${this.path}`, this.epoch);
    this.inode.truncate(size);
  }

  sync(): void {
    this.disk.step(`fsync ${this.path}`, this.epoch);
    this.disk.fileSyncs++;
    this.inode.sync();
  }

  /**
   * Resolves in a microtask: a loop that only awaits saves on a SimDisk never
   * yields to timers, so simulations must drive time themselves.
   */
  syncAsync(): Promise<void> {
    try {
      this.sync();
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  close(): void {
    // Nothing to release; a closed handle is simply dropped.
  }
}

/** An in-memory disk with power cuts, torn writes, bit flips and a capacity. */
export class SimDisk implements FileSystem {
  private readonly dirs = new Map<string, Dir>();
  private readonly random: () => number;
  private epoch = 0;
  private opsUntilCrash: number | undefined;
  private dead = false;
  /** Bytes a write may bring the disk to; undefined for unlimited. */
  capacityBytes: number | undefined;
  /** Mutating operations performed so far. */
  ops = 0;
  /** File fsyncs performed so far (AppendFile.sync/syncAsync and fsyncFile). */
  fileSyncs = 0;
  /** Directory fsyncs performed so far. */
  dirSyncs = 0;
  /** Description of the last mutating operations, newest last (for failure messages). */
  readonly recentOps: string[] = [];

  constructor(options: { seed?: number; capacityBytes?: number } = {}) {
    this.random = mulberry32(options.seed ?? 1);
    this.capacityBytes = options.capacityBytes;
    this.dirs.set('/', new Dir());
  }

  /** The next `n` mutating operations succeed; every operation after them throws SimCrashError. */
  crashAfterOps(n: number): void {
    this.opsUntilCrash = n;
  }

  /** True once crashAfterOps has fired (the simulated process is dead). */
  get isDead(): boolean {
    return this.dead;
  }

  /** Power cut: keeps only what was durable (plus, per `mode`, some unsynced data). Open handles die. */
  crash(mode: CrashMode = 'lose'): void {
    const inodes = new Set<Inode>();
    for (const dir of this.dirs.values()) {
      const keep = this.pickLength(mode, dir.pending.length);
      for (const op of dir.pending.slice(0, keep)) applyDirOp(dir.durable, op);
      dir.pending = [];
      dir.current = new Map(dir.durable);
      for (const inode of dir.current.values()) inodes.add(inode);
    }
    for (const inode of inodes) this.crashInode(inode, mode);
    this.epoch++;
    this.dead = false;
    this.opsUntilCrash = undefined;
  }

  private pickLength(mode: CrashMode, n: number): number {
    if (mode === 'lose' || n === 0) return 0;
    if (mode === 'keep') return n;
    return Math.floor(this.random() * (n + 1));
  }

  private crashInode(inode: Inode, mode: CrashMode): void {
    const durable = inode.durable();
    const extra = inode.syncedCopy === null ? inode.content().subarray(inode.syncedLen) : new Uint8Array(0);
    const effective = mode === 'random' ? (['lose', 'tear', 'keep'] as const)[Math.floor(this.random() * 3)]! : mode;
    const kept = extra.slice(0, this.pickLength(effective, extra.byteLength));
    if (effective === 'tear' && kept.byteLength > 0 && this.random() < 0.5) {
      // A torn sector: the file grew but the tail of the data never reached the platter.
      kept.fill(0, Math.floor(this.random() * kept.byteLength));
    }
    const next = new Uint8Array(durable.byteLength + kept.byteLength);
    next.set(durable);
    next.set(kept, durable.byteLength);
    inode.reset(next);
  }

  /** Flips one bit of a file, in the durable and the current content alike (damage at rest). */
  flipBit(file: string, byteOffset: number, bit = 0): void {
    const inode = this.lookup(file);
    if (byteOffset >= inode.len) throw new RangeError(`flipBit: offset ${byteOffset} beyond ${file} (${inode.len} bytes)`);
    inode.buf[byteOffset]! ^= 1 << bit;
    if (inode.syncedCopy && byteOffset < inode.syncedCopy.byteLength) inode.syncedCopy[byteOffset]! ^= 1 << bit;
  }

  /** Bytes used by the files currently visible. */
  usedBytes(): number {
    let n = 0;
    const seen = new Set<Inode>();
    for (const dir of this.dirs.values()) {
      for (const inode of dir.current.values()) {
        if (!seen.has(inode)) n += inode.len;
        seen.add(inode);
      }
    }
    return n;
  }

  /** @internal Counts a mutating operation and enforces crashAfterOps. */
  step(op: string, epoch?: number): void {
    this.check(epoch);
    if (this.opsUntilCrash !== undefined) {
      if (this.opsUntilCrash === 0) {
        this.dead = true;
        throw new SimCrashError(op);
      }
      this.opsUntilCrash--;
    }
    this.ops++;
    this.recentOps.push(op);
    if (this.recentOps.length > 32) this.recentOps.shift();
  }

  /** @internal Fails on a dead process or a handle from before a crash. */
  check(epoch?: number): void {
    if (this.dead) throw new SimCrashError('operation after the crash');
    if (epoch !== undefined && epoch !== this.epoch) throw new SimFsError('EBADF', 'file handle from before a crash');
  }

  /** @internal Appends, honouring capacityBytes (a full disk writes what fits, then fails). */
  appendWithCapacity(inode: Inode, data: Uint8Array, file: string): void {
    if (this.capacityBytes !== undefined) {
      const free = Math.max(0, this.capacityBytes - this.usedBytes());
      if (data.byteLength > free) {
        inode.append(data.subarray(0, free));
        throw new SimFsError('ENOSPC', `no space left on device, write ${file}`);
      }
    }
    inode.append(data);
  }

  private dirOf(p: string): { dir: Dir; name: string } {
    const norm = path.normalize(p);
    const dir = this.dirs.get(path.dirname(norm));
    if (!dir) throw new SimFsError('ENOENT', `no such directory: ${path.dirname(norm)}`);
    return { dir, name: path.basename(norm) };
  }

  private lookup(p: string): Inode {
    const { dir, name } = this.dirOf(p);
    const inode = dir.current.get(name);
    if (!inode) throw new SimFsError('ENOENT', `no such file: ${p}`);
    return inode;
  }

  mkdirp(dir: string): void {
    this.check();
    let cur = '/';
    for (const part of path.normalize(dir).split('/').filter((s) => s.length > 0)) {
      cur = path.join(cur, part);
      if (!this.dirs.has(cur)) this.dirs.set(cur, new Dir());
    }
  }

  readdir(dir: string): string[] {
    this.check();
    const d = this.dirs.get(path.normalize(dir));
    if (!d) throw new SimFsError('ENOENT', `no such directory: ${dir}`);
    const names = [...d.current.keys()];
    for (const sub of this.dirs.keys()) {
      if (sub !== '/' && path.dirname(sub) === path.normalize(dir)) names.push(path.basename(sub));
    }
    return names;
  }

  exists(p: string): boolean {
    this.check();
    const norm = path.normalize(p);
    if (this.dirs.has(norm)) return true;
    const dir = this.dirs.get(path.dirname(norm));
    return dir !== undefined && dir.current.has(path.basename(norm));
  }

  readFile(p: string): Uint8Array {
    this.check();
    return this.lookup(p).content().slice();
  }

  openAppend(p: string, options: { create: boolean }): AppendFile {
    const { dir, name } = this.dirOf(p);
    if (options.create) {
      this.step(`create ${p}`);
      if (dir.current.has(name)) throw new SimFsError('EEXIST', `file exists: ${p}`);
      const inode = new Inode();
      dir.current.set(name, inode);
      dir.pending.push({ kind: 'link', name, inode });
      return new SimAppendFile(this, inode, p, this.epoch);
    }
    this.check();
    return new SimAppendFile(this, this.lookup(p), p, this.epoch);
  }

  rename(from: string, to: string): void {
    this.step(`rename ${from} -> ${to}`);
    const a = this.dirOf(from);
    const b = this.dirOf(to);
    if (a.dir !== b.dir) throw new SimFsError('EXDEV', 'SimDisk renames within one directory only');
    if (!a.dir.current.has(a.name)) throw new SimFsError('ENOENT', `no such file: ${from}`);
    const op: DirOp = { kind: 'rename', from: a.name, to: b.name };
    applyDirOp(a.dir.current, op);
    a.dir.pending.push(op);
  }

  unlink(p: string): void {
    this.step(`unlink ${p}`);
    const { dir, name } = this.dirOf(p);
    if (!dir.current.has(name)) throw new SimFsError('ENOENT', `no such file: ${p}`);
    dir.current.delete(name);
    dir.pending.push({ kind: 'unlink', name });
  }

  truncate(p: string, size: number): void {
    this.step(`truncate ${p}`);
    this.lookup(p).truncate(size);
  }

  fsyncFile(p: string): void {
    this.step(`fsync ${p}`);
    this.fileSyncs++;
    this.lookup(p).sync();
  }

  fsyncDir(dir: string): void {
    this.step(`fsyncdir ${dir}`);
    this.dirSyncs++;
    const d = this.dirs.get(path.normalize(dir));
    if (!d) throw new SimFsError('ENOENT', `no such directory: ${dir}`);
    d.durable = new Map(d.current);
    d.pending = [];
  }
}

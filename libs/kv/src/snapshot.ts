/**
 * The whole replicated state of a store as bytes, for Raft snapshots and the
 * durable log's recovery. The format is protobuf, message
 * mgmtkv.StoreSnapshot (libs/proto proto/etcd/internal.proto), written and
 * read here by hand: a snapshot holds every record of every key, and going
 * through protobufjs objects cost an allocation per field, which on large
 * stores blocked the event loop for seconds. Zero values are omitted, as
 * proto3 encoders do; any protobuf decoder reads these bytes.
 */
import { AssertionError, assert } from './assert.js';
import { SnapshotDecodeError } from './errors.js';
import { KeyHistory, type KeyRecord } from './key-history.js';
import { EMPTY_BYTES, keyToString } from './keys.js';
import type { Lease } from './lease-table.js';
import type { Mvcc } from './mvcc.js';

/** The snapshot encoding this code writes and reads. */
export const SNAPSHOT_VERSION = 1;

/** A decoded snapshot, ready to load. */
export interface SnapshotState {
  readonly revision: number;
  readonly compactRevision: number;
  readonly histories: KeyHistory[];
  readonly leases: { id: number; ttlSeconds: number }[];
  /** The auth state (an encoded mgmtkv.AuthSnapshot), absent when the store never had any. */
  readonly auth?: Uint8Array;
}

// Field tags: (field number << 3) | wire type (0 varint, 2 length-delimited).
const TAG = {
  version: (1 << 3) | 0,
  revision: (2 << 3) | 0,
  compactRevision: (3 << 3) | 0,
  key: (4 << 3) | 2,
  lease: (5 << 3) | 2,
  auth: (6 << 3) | 2,
  historyKey: (1 << 3) | 2,
  historyRecord: (2 << 3) | 2,
  recordMod: (1 << 3) | 0,
  recordSub: (2 << 3) | 0,
  recordCreate: (3 << 3) | 0,
  recordVersion: (4 << 3) | 0,
  recordValue: (5 << 3) | 2,
  recordLease: (6 << 3) | 0,
  recordTombstone: (7 << 3) | 0,
  leaseId: (1 << 3) | 0,
  leaseTtl: (2 << 3) | 0,
} as const;

function varintSize(n: number): number {
  // Comparisons, not a division loop: this runs for every field of every record.
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 5;
  n = Math.floor(n / 0x800000000);
  while (n > 0) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Size of an optional varint field (omitted when 0). */
function fieldSize(n: number): number {
  // Checked without building the message first: this runs for every field of every record.
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new AssertionError(`snapshot numbers are non-negative integers (${n})`);
  return n === 0 ? 0 : 1 + varintSize(n);
}

function recordSize(r: KeyRecord): number {
  return (
    fieldSize(r.modRevision) +
    fieldSize(r.sub) +
    fieldSize(r.createRevision) +
    fieldSize(r.version) +
    (r.value.length > 0 ? 1 + varintSize(r.value.length) + r.value.length : 0) +
    fieldSize(r.lease) +
    (r.tombstone ? 2 : 0)
  );
}

class Out {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  varint(n: number): void {
    const buf = this.buf;
    if (n < 0x80000000) {
      // 31 bits or fewer (nearly every number here): shifts.
      while (n >= 128) {
        buf[this.pos++] = (n & 127) | 128;
        n >>>= 7;
      }
      buf[this.pos++] = n;
      return;
    }
    while (n >= 128) {
      buf[this.pos++] = (n % 128) | 128;
      n = Math.floor(n / 128);
    }
    buf[this.pos++] = n;
  }
  field(tag: number, n: number): void {
    if (n === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(n);
  }
  bytes(tag: number, b: Uint8Array): void {
    this.buf[this.pos++] = tag;
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  header(tag: number, length: number): void {
    this.buf[this.pos++] = tag;
    this.varint(length);
  }
}

/** Encodes the keyspace, the leases and the auth state (already encoded; omitted when absent). */
export function encodeSnapshot(mvcc: Mvcc, leases: readonly Lease[], auth?: Uint8Array): Uint8Array {
  const histories: KeyHistory[] = [];
  mvcc.forEachHistory({ start: '', end: null, single: false }, (h) => {
    histories.push(h);
  });
  // Sizes first (one pass), then one buffer written once.
  const historySizes = new Array<number>(histories.length);
  // Each record's size, in the order they are written (measured once: the sizing pass was half the encoding's time).
  const recordSizes: number[] = [];
  let total = fieldSize(SNAPSHOT_VERSION) + fieldSize(mvcc.revision) + fieldSize(mvcc.compactRevision);
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i]!;
    let size = 1 + varintSize(h.keyBytes.length) + h.keyBytes.length;
    for (const r of h.records) {
      const rs = recordSize(r);
      recordSizes.push(rs);
      size += 1 + varintSize(rs) + rs;
    }
    historySizes[i] = size;
    total += 1 + varintSize(size) + size;
  }
  const leaseSizes = leases.map((l) => fieldSize(l.id) + fieldSize(l.ttlSeconds));
  for (const s of leaseSizes) total += 1 + varintSize(s) + s;
  if (auth !== undefined) total += 1 + varintSize(auth.length) + auth.length;

  const out = new Out(Buffer.allocUnsafe(total));
  out.field(TAG.version, SNAPSHOT_VERSION);
  out.field(TAG.revision, mvcc.revision);
  out.field(TAG.compactRevision, mvcc.compactRevision);
  let nextRecord = 0;
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i]!;
    out.header(TAG.key, historySizes[i]!);
    out.bytes(TAG.historyKey, h.keyBytes);
    for (const r of h.records) {
      out.header(TAG.historyRecord, recordSizes[nextRecord++]!);
      out.field(TAG.recordMod, r.modRevision);
      out.field(TAG.recordSub, r.sub);
      out.field(TAG.recordCreate, r.createRevision);
      out.field(TAG.recordVersion, r.version);
      if (r.value.length > 0) out.bytes(TAG.recordValue, r.value);
      out.field(TAG.recordLease, r.lease);
      out.field(TAG.recordTombstone, r.tombstone ? 1 : 0);
    }
  }
  leases.forEach((l, i) => {
    out.header(TAG.lease, leaseSizes[i]!);
    out.field(TAG.leaseId, l.id);
    out.field(TAG.leaseTtl, l.ttlSeconds);
  });
  if (auth !== undefined) out.bytes(TAG.auth, auth);
  assert(out.pos === total, `snapshot size computed ${total}, written ${out.pos}`);
  return out.buf;
}

class In {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new SnapshotDecodeError('truncated varint');
      const b = this.buf[this.pos++]!;
      n += (b & 127) * scale;
      if (b < 128) return n;
      scale *= 128;
    }
    throw new SnapshotDecodeError('varint too long');
  }
  /** A length-delimited field's end position. */
  end(): number {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.buf.length) throw new SnapshotDecodeError('field runs past the end');
    return end;
  }
  slice(): Buffer {
    const end = this.end();
    const b = this.buf.subarray(this.pos, end);
    this.pos = end;
    return b;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.pos = this.end();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new SnapshotDecodeError(`unknown wire type ${wireType}`);
  }
}

/** Decodes snapshot bytes (copied once; the result shares nothing with the caller's buffer). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotState {
  const input = new In(Buffer.from(bytes));
  let version = 0;
  let revision = 0;
  let compactRevision = 0;
  const histories: KeyHistory[] = [];
  const leases: { id: number; ttlSeconds: number }[] = [];
  let auth: Uint8Array | undefined;
  let previous: string | undefined;
  while (input.pos < input.buf.length) {
    const tag = input.varint();
    switch (tag) {
      case TAG.version:
        version = input.varint();
        break;
      case TAG.revision:
        revision = input.varint();
        break;
      case TAG.compactRevision:
        compactRevision = input.varint();
        break;
      case TAG.key: {
        const h = readHistory(input, input.end());
        if (previous !== undefined && previous >= h.key) throw new SnapshotDecodeError('keys out of order');
        previous = h.key;
        histories.push(h);
        break;
      }
      case TAG.lease: {
        const end = input.end();
        let id = 0;
        let ttlSeconds = 0;
        while (input.pos < end) {
          const t = input.varint();
          if (t === TAG.leaseId) id = input.varint();
          else if (t === TAG.leaseTtl) ttlSeconds = input.varint();
          else input.skip(t & 7);
        }
        leases.push({ id, ttlSeconds });
        break;
      }
      case TAG.auth:
        auth = input.slice();
        break;
      default:
        input.skip(tag & 7);
    }
  }
  if (version !== SNAPSHOT_VERSION) throw new SnapshotDecodeError(`unknown version ${version}`);
  return { revision, compactRevision, histories, leases, ...(auth === undefined ? {} : { auth }) };
}

function readHistory(input: In, end: number): KeyHistory {
  let keyBytes: Uint8Array = EMPTY_BYTES;
  let records: KeyRecord[] = [];
  let keyAfterRecords = false;
  while (input.pos < end) {
    const tag = input.varint();
    if (tag === TAG.historyKey) {
      keyBytes = input.slice();
      keyAfterRecords = records.length > 0;
    } else if (tag === TAG.historyRecord) records.push(readRecord(input, input.end(), keyBytes));
    else input.skip(tag & 7);
  }
  // We write the key first; another encoder may not.
  if (keyAfterRecords) records = records.map((r) => ({ ...r, key: keyBytes }));
  const h = new KeyHistory(keyToString(keyBytes), keyBytes);
  h.records.push(...records);
  return h;
}

function readRecord(input: In, end: number, key: Uint8Array): KeyRecord {
  let modRevision = 0;
  let sub = 0;
  let createRevision = 0;
  let version = 0;
  let value: Uint8Array = EMPTY_BYTES;
  let lease = 0;
  let tombstone = false;
  while (input.pos < end) {
    const tag = input.varint();
    switch (tag) {
      case TAG.recordMod:
        modRevision = input.varint();
        break;
      case TAG.recordSub:
        sub = input.varint();
        break;
      case TAG.recordCreate:
        createRevision = input.varint();
        break;
      case TAG.recordVersion:
        version = input.varint();
        break;
      case TAG.recordValue:
        value = input.slice();
        break;
      case TAG.recordLease:
        lease = input.varint();
        break;
      case TAG.recordTombstone:
        tombstone = input.varint() !== 0;
        break;
      default:
        input.skip(tag & 7);
    }
  }
  return { key, createRevision, modRevision, version, value, lease, sub, tombstone };
}

/**
 * Little-endian byte writer and reader for the WAL's record payloads.
 * uint64 values are JS numbers below 2^53 (as in libs/proto), stored as two
 * uint32 halves. Pure: no I/O.
 */
import { assert } from './errors.js';

const TWO_POW_32 = 0x1_0000_0000;

/** A growable buffer with typed little-endian writes. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private len = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.byteLength) return;
    let cap = this.buf.byteLength * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.reserve(1);
    this.view.setUint8(this.len, v);
    this.len += 1;
    return this;
  }

  u32(v: number): this {
    assert(Number.isInteger(v) && v >= 0 && v < TWO_POW_32, () => `u32 out of range: ${v}`);
    this.reserve(4);
    this.view.setUint32(this.len, v, true);
    this.len += 4;
    return this;
  }

  u64(v: number): this {
    assert(Number.isSafeInteger(v) && v >= 0, () => `u64 must be a safe non-negative integer: ${v}`);
    this.reserve(8);
    this.view.setUint32(this.len, v % TWO_POW_32, true);
    this.view.setUint32(this.len + 4, Math.floor(v / TWO_POW_32), true);
    this.len += 8;
    return this;
  }

  /** Length-prefixed (u32) bytes. */
  bytes(b: Uint8Array): this {
    this.u32(b.byteLength);
    this.raw(b);
    return this;
  }

  raw(b: Uint8Array): this {
    this.reserve(b.byteLength);
    this.buf.set(b, this.len);
    this.len += b.byteLength;
    return this;
  }

  /** Length-prefixed UTF-8 string. */
  str(s: string): this {
    return this.bytes(new TextEncoder().encode(s));
  }

  u64List(values: readonly number[]): this {
    this.u32(values.length);
    for (const v of values) this.u64(v);
    return this;
  }

  /** The bytes written so far (a view, not a copy). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** Thrown by ByteReader when a payload is shorter than its fields say; callers turn it into a corruption error. */
export class ShortReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShortReadError';
  }
}

/** Reads what ByteWriter wrote. Throws ShortReadError past the end. */
export class ByteReader {
  private readonly view: DataView;
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.byteLength - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.byteLength) {
      throw new ShortReadError(`record field needs ${n} bytes at ${this.pos}, only ${this.buf.byteLength - this.pos} left`);
    }
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u64(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    const v = hi * TWO_POW_32 + lo;
    if (!Number.isSafeInteger(v)) throw new ShortReadError(`u64 above 2^53 at ${this.pos - 8}`);
    return v;
  }

  /** Length-prefixed bytes, copied out so the record outlives the file buffer. */
  bytes(): Uint8Array {
    const n = this.u32();
    this.need(n);
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  str(): string {
    return new TextDecoder().decode(this.bytes());
  }

  u64List(): number[] {
    const n = this.u32();
    // Each u64 is 8 bytes: refuse a count the payload cannot hold before allocating.
    this.need(n * 8);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.u64());
    return out;
  }
}

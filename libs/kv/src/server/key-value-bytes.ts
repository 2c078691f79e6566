/**
 * Encoded KeyValues, kept by record. A stored key version never changes
 * (KeyRecord is immutable: a put makes a new record), yet a fleet reads and
 * watches the same versions many times over: every agent reads all of
 * `/_mgmt/` as it starts, and every watcher that fell behind catches up on
 * the same revisions from history, each in its own events. protobufjs
 * encoded each KeyValue again for each of them; in a thousand agents' start
 * that was half of a member's busy time (KeyValue.encode,
 * BufferWriter.bytes), enough to stall its event loop past an election
 * timeout. Here each record is encoded once while it stays in a cache
 * bounded in bytes (oldest out first), and the Range and Watch encoders lay
 * the bytes behind their own field tags (range-encoding.ts,
 * watch-encoding.ts). Also the protobuf varint helpers they share.
 */
import { mvccpb } from '@mgmt/proto';
import type { KeyValue } from '../types.js';

/** Default bound of one cache: a large `/_mgmt/` many times over, and small beside a member's store. */
export const DEFAULT_KEY_VALUE_CACHE_BYTES = 16 * 2 ** 20;

/** Bytes of `n` (a non-negative safe integer) as a protobuf varint. */
export function varintLength(n: number): number {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

/** Writes `n` (a non-negative safe integer) as a varint at `at`; returns the offset after it. */
export function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 128) {
    out[at++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

/** Bytes of a length-delimited field holding `length` bytes (tag, length, bytes). */
export function delimitedLength(length: number): number {
  return 1 + varintLength(length) + length;
}

/** Writes a length-delimited field (one-byte `tag`) holding `bytes` at `at`; returns the offset after it. */
export function writeDelimited(out: Uint8Array, at: number, tag: number, bytes: Uint8Array): number {
  out[at++] = tag;
  at = writeVarint(out, at, bytes.length);
  out.set(bytes, at);
  return at + bytes.length;
}

/** The encoding of each KeyValue, cached by the object; see the file comment. */
export class KeyValueBytes {
  private readonly cache = new Map<KeyValue, Uint8Array>();
  private cachedBytes = 0;

  constructor(private readonly maxBytes = DEFAULT_KEY_VALUE_CACHE_BYTES) {}

  /** Bytes held now (tests, metrics). */
  get bytes(): number {
    return this.cachedBytes;
  }

  /** `kv` encoded as an mvccpb.KeyValue (from the cache when it is there). */
  of(kv: KeyValue): Uint8Array {
    const cached = this.cache.get(kv);
    if (cached) return cached;
    const encoded = mvccpb.KeyValue.encode(kv).finish();
    if (encoded.length > this.maxBytes / 16) return encoded; // a huge value is not worth the room
    // A copy of its own: protobufjs's small buffers are views of a shared pool, which a kept view would pin.
    const bytes = new Uint8Array(encoded);
    this.cache.set(kv, bytes);
    this.cachedBytes += bytes.length;
    while (this.cachedBytes > this.maxBytes) {
      const [oldest, oldBytes] = this.cache.entries().next().value as [KeyValue, Uint8Array];
      this.cache.delete(oldest);
      this.cachedBytes -= oldBytes.length;
    }
    return bytes;
  }
}

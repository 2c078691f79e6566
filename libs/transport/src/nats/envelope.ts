/**
 * The NATS envelope: a 16-byte header in front of each chunk saying who sent
 * it and where it belongs, so a message larger than the server's
 * `max_payload` (1 MiB by default) travels as several publishes and is put
 * back together. NATS keeps the order of one connection's publishes to one
 * subject, so a sender's chunks arrive in order; the reassembler only has to
 * notice gaps (a reconnect in the middle) and drop the partial message.
 */
import { assert } from '../core/errors.js';

/** Bytes of envelope in front of each chunk. */
export const ENVELOPE_BYTES = 16;

/** Decoded envelope header. */
export interface ChunkHeader {
  readonly from: number;
  /** Message sequence number of this sender (wraps at 2^32). */
  readonly seq: number;
  readonly index: number;
  readonly count: number;
}

/** Splits `bytes` into enveloped chunks whose payload is at most `chunkBytes`. */
export function encodeChunks(from: number, seq: number, bytes: Uint8Array, chunkBytes: number): Uint8Array[] {
  assert(chunkBytes > 0, 'chunk size must be positive');
  const count = Math.max(1, Math.ceil(bytes.byteLength / chunkBytes));
  assert(count <= 0xffff, `message needs ${count} chunks, more than 65535`);
  const chunks: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) {
    const part = bytes.subarray(index * chunkBytes, Math.min(bytes.byteLength, (index + 1) * chunkBytes));
    const chunk = new Uint8Array(ENVELOPE_BYTES + part.byteLength);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, Math.floor(from / 2 ** 32));
    view.setUint32(4, from >>> 0);
    view.setUint32(8, seq >>> 0);
    view.setUint16(12, index);
    view.setUint16(14, count);
    chunk.set(part, ENVELOPE_BYTES);
    chunks.push(chunk);
  }
  return chunks;
}

/** Reads a chunk's header; undefined when the chunk is too short to have one. */
export function decodeChunkHeader(chunk: Uint8Array): ChunkHeader | undefined {
  if (chunk.byteLength < ENVELOPE_BYTES) return undefined;
  const view = new DataView(chunk.buffer, chunk.byteOffset, ENVELOPE_BYTES);
  const count = view.getUint16(14);
  const index = view.getUint16(12);
  if (count === 0 || index >= count) return undefined;
  return { from: view.getUint32(0) * 2 ** 32 + view.getUint32(4), seq: view.getUint32(8), index, count };
}

interface Partial {
  seq: number;
  count: number;
  next: number;
  parts: Uint8Array[];
  bytes: number;
}

/** What `accept` made of one chunk. */
export type ReassemblyResult =
  | { kind: 'message'; from: number; bytes: Uint8Array }
  | { kind: 'pending' }
  | { kind: 'dropped'; reason: 'malformed' | 'gap' | 'too-large' };

/** Puts chunked messages back together; at most one partial message per sender, at most `maxSenders` senders. */
export class Reassembler {
  private readonly partials = new Map<number, Partial>();
  constructor(
    private readonly maxMessageBytes: number,
    private readonly maxSenders = 64,
  ) {}

  /** Feeds one received chunk. */
  accept(chunk: Uint8Array): ReassemblyResult {
    const header = decodeChunkHeader(chunk);
    if (header === undefined) return { kind: 'dropped', reason: 'malformed' };
    const body = chunk.subarray(ENVELOPE_BYTES);
    if (header.count === 1) {
      this.partials.delete(header.from);
      if (body.byteLength > this.maxMessageBytes) return { kind: 'dropped', reason: 'too-large' };
      return { kind: 'message', from: header.from, bytes: body };
    }
    let partial = this.partials.get(header.from);
    if (header.index === 0) {
      partial = { seq: header.seq, count: header.count, next: 0, parts: [], bytes: 0 };
      this.partials.delete(header.from); // re-insert at the end: the map's order is age
      if (this.partials.size >= this.maxSenders) {
        const oldest = this.partials.keys().next().value;
        if (oldest !== undefined) this.partials.delete(oldest);
      }
      this.partials.set(header.from, partial);
    }
    if (partial === undefined || partial.seq !== header.seq || partial.count !== header.count || partial.next !== header.index) {
      this.partials.delete(header.from);
      return { kind: 'dropped', reason: 'gap' };
    }
    partial.bytes += body.byteLength;
    if (partial.bytes > this.maxMessageBytes) {
      this.partials.delete(header.from);
      return { kind: 'dropped', reason: 'too-large' };
    }
    // Copy: the chunk's buffer belongs to the NATS client's read path.
    partial.parts.push(body.slice());
    partial.next += 1;
    if (partial.next < partial.count) return { kind: 'pending' };
    this.partials.delete(header.from);
    const whole = new Uint8Array(partial.bytes);
    let offset = 0;
    for (const part of partial.parts) {
      whole.set(part, offset);
      offset += part.byteLength;
    }
    return { kind: 'message', from: header.from, bytes: whole };
  }
}

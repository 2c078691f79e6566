/**
 * Message authentication on the NATS transport: anyone who can reach the
 * NATS server can publish on a cluster's subjects, so with a cluster key
 * every chunk carries an HMAC-SHA256 tag over the subject it was sent to
 * and its bytes. A chunk whose tag does not check (a stranger, or a member
 * of another cluster) is dropped before it is reassembled. Pure functions.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of the tag appended to each chunk. */
export const AUTH_TAG_BYTES = 32;

function tag(key: Uint8Array, subject: string, chunk: Uint8Array): Buffer {
  return createHmac('sha256', key).update(subject).update(new Uint8Array([0])).update(chunk).digest();
}

/** The chunk with its tag appended. */
export function sealChunk(key: Uint8Array, subject: string, chunk: Uint8Array): Uint8Array {
  const out = new Uint8Array(chunk.byteLength + AUTH_TAG_BYTES);
  out.set(chunk, 0);
  out.set(tag(key, subject, chunk), chunk.byteLength);
  return out;
}

/** The chunk without its tag when the tag checks, else undefined. */
export function openChunk(key: Uint8Array, subject: string, data: Uint8Array): Uint8Array | undefined {
  if (data.byteLength < AUTH_TAG_BYTES) return undefined;
  const chunk = data.subarray(0, data.byteLength - AUTH_TAG_BYTES);
  const got = data.subarray(data.byteLength - AUTH_TAG_BYTES);
  const want = tag(key, subject, chunk);
  return timingSafeEqual(want, got) ? chunk : undefined;
}

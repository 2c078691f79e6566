/**
 * Range responses built from KeyValues encoded once (key-value-bytes.ts):
 * the encoded header, each KeyValue's cached bytes behind its field tag
 * and length, then `more` and `count`.
 *
 * The bytes are what protobufjs gives for the whole response: it writes the
 * fields in field-number order (header 1, kvs 2, more 3, count 4), each
 * KeyValue as a length-delimited field 2, and leaves out a false `more` and
 * a zero `count` (proto3 defaults).
 */
import { etcdserverpb } from '@mgmt/proto';
import type { KeyValue } from '../types.js';
import { delimitedLength, KeyValueBytes, varintLength, writeDelimited, writeVarint } from './key-value-bytes.js';

type RangeResponse = etcdserverpb.RangeResponse.$Properties;
type ResponseHeader = etcdserverpb.ResponseHeader.$Properties;

/** A RangeResponse already encoded; the KV service's serializer passes its bytes through. */
export class EncodedRangeResponse {
  constructor(readonly bytes: Uint8Array) {}
}

/** What the Range handler answers: a response to encode, or one encoded already. */
export type RangeResponseOut = RangeResponse | EncodedRangeResponse;

/** The Range method's response encoder: encoded responses as they are, others through protobufjs. */
export function encodeRangeResponseOut(m: RangeResponseOut): Uint8Array {
  return m instanceof EncodedRangeResponse ? m.bytes : etcdserverpb.RangeResponse.encode(m).finish();
}

/** Field tags: kvs (2, length-delimited), more (3, varint), count (4, varint). */
const KVS_TAG = 0x12;
const MORE_TAG = 0x18;
const COUNT_TAG = 0x20;

/** Encodes Range responses with each KeyValue's bytes cached; one per KV service (never module state). */
export class RangeEncoder {
  constructor(private readonly kvBytes = new KeyValueBytes()) {}

  /** The encoded response. `kvs` are the store's own records (other objects are encoded, and cached, alike). */
  encode(header: ResponseHeader, kvs: readonly KeyValue[], more: boolean, count: number): EncodedRangeResponse {
    const head = etcdserverpb.RangeResponse.encode({ header }).finish();
    const parts: Uint8Array[] = new Array<Uint8Array>(kvs.length);
    let size = head.length;
    for (let i = 0; i < kvs.length; i++) {
      const bytes = this.kvBytes.of(kvs[i]!);
      parts[i] = bytes;
      size += delimitedLength(bytes.length);
    }
    if (more) size += 2;
    if (count > 0) size += 1 + varintLength(count);
    const out = Buffer.allocUnsafe(size);
    out.set(head, 0);
    let at = head.length;
    for (const bytes of parts) at = writeDelimited(out, at, KVS_TAG, bytes);
    if (more) {
      out[at++] = MORE_TAG;
      out[at++] = 1;
    }
    if (count > 0) {
      out[at++] = COUNT_TAG;
      at = writeVarint(out, at, count);
    }
    return new EncodedRangeResponse(out);
  }
}

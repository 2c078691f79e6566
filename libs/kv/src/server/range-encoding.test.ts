// A Range response built from cached KeyValue encodings is byte for byte
// what protobufjs encodes for the whole response, and the cache stays
// within its bound.
import { etcdserverpb } from '@mgmt/proto';
import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../types.js';
import { KeyValueBytes } from './key-value-bytes.js';
import { encodeRangeResponseOut, RangeEncoder } from './range-encoding.js';

const enc = new TextEncoder();
const kv = (i: number, valueBytes: number): KeyValue => ({
  key: enc.encode(`/_mgmt/status/h${i}`),
  createRevision: 10 + i,
  modRevision: 2 ** 40 + i,
  version: i + 1,
  value: new Uint8Array(valueBytes).fill(97 + (i % 26)),
  lease: i % 2 === 0 ? 0 : 2 ** 50 + i,
});
const header = { clusterId: 2 ** 60, memberId: 12345, revision: 2 ** 40 + 99, raftTerm: 7 };

describe('RangeEncoder', () => {
  const cases: Array<[string, KeyValue[], boolean, number]> = [
    ['no keys', [], false, 0],
    ['keys, more and a count past one varint byte', Array.from({ length: 50 }, (_, i) => kv(i, i * 7)), true, 300],
    ['a value past two varint bytes', [kv(1, 20_000)], false, 1],
    ['an empty value and a zero lease', [{ ...kv(2, 0), lease: 0 }], false, 2 ** 35],
  ];
  for (const [what, kvs, more, count] of cases) {
    it(`encodes what protobufjs encodes: ${what}`, () => {
      const expected = etcdserverpb.RangeResponse.encode({ header, kvs, more, count }).finish();
      const encoder = new RangeEncoder();
      const first = encodeRangeResponseOut(encoder.encode(header, kvs, more, count));
      const again = encodeRangeResponseOut(encoder.encode(header, kvs, more, count)); // from the cache
      expect(Buffer.from(first).equals(Buffer.from(expected))).toBe(true);
      expect(Buffer.from(again).equals(Buffer.from(expected))).toBe(true);
      expect(etcdserverpb.RangeResponse.decode(first).kvs).toHaveLength(kvs.length);
    });
  }

  it('keeps at most its bound of encoded bytes, the oldest out first', () => {
    const cache = new KeyValueBytes(16 * 1024);
    const encoder = new RangeEncoder(cache);
    const kvs = Array.from({ length: 200 }, (_, i) => kv(i, 500));
    encoder.encode(header, kvs, false, kvs.length);
    expect(cache.bytes).toBeLessThanOrEqual(16 * 1024);
    expect(cache.bytes).toBeGreaterThan(15 * 1024 - 600);
    expect(cache.of(kvs[199]!)).toBe(cache.of(kvs[199]!)); // the newest stayed
  });

  it('passes a plain response through protobufjs', () => {
    const plain = { header, kvs: [kv(3, 10)], count: 1 };
    expect(Buffer.from(encodeRangeResponseOut(plain)).equals(Buffer.from(etcdserverpb.RangeResponse.encode(plain).finish()))).toBe(true);
  });
});

// Proves every record kind round-trips through its codec, and that a
// payload shorter than its fields (or of the wrong kind or version) is
// refused with a RecordFormatError rather than misread.
import { describe, expect, it } from 'vitest';
import { EntryType } from '@mgmt/raft';
import { FRAME_HEADER_BYTES } from '../src/frame.js';
import {
  decodeBatch,
  decodeMeta,
  decodeSegmentHeader,
  decodeSnapshotFile,
  encodeBatch,
  encodeMeta,
  encodeSegmentHeader,
  encodeSnapshotFile,
  RecordFormatError,
} from '../src/records.js';

const payloadOf = (frame: Uint8Array) => frame.subarray(FRAME_HEADER_BYTES);
const id = { clusterId: 'cluster-7f', memberId: 2 ** 40 + 3 };

describe('records', () => {
  it('round-trips a batch with hard state, snapshot reset and entries', () => {
    const parts = [
      { entries: [{ index: 1, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([1, 2, 3]) }], hardState: { term: 1, vote: 1, commit: 0 } },
      { snapshotReset: { index: 2 ** 50, term: 9 }, entries: [] },
      { entries: [{ index: 2 ** 50 + 1, term: 9, type: EntryType.ENTRY_CONF_CHANGE, data: new Uint8Array(0) }] },
    ];
    expect(decodeBatch(payloadOf(encodeBatch(parts)))).toEqual(parts);
  });

  it('round-trips segment headers, snapshots and metadata', () => {
    const h = { ...id, seq: 5, prevIndex: 99, prevTerm: 3, hardState: { term: 4, vote: 2, commit: 98 } };
    expect(decodeSegmentHeader(payloadOf(encodeSegmentHeader(h)))).toEqual(h);
    const snap = {
      data: new Uint8Array([9, 9]),
      metadata: { index: 7, term: 2, confState: { voters: [1, 2, 3], learners: [4], votersOutgoing: [], learnersNext: [], autoLeave: false } },
    };
    expect(decodeSnapshotFile(payloadOf(encodeSnapshotFile(id, snap)))).toEqual({ identity: id, snapshot: snap });
    expect(decodeMeta(payloadOf(encodeMeta(id)))).toEqual(id);
  });

  it('refuses short payloads, wrong kinds and unknown versions', () => {
    const batch = payloadOf(encodeBatch([{ entries: [{ index: 1, term: 1, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(10) }] }]));
    expect(() => decodeBatch(batch.subarray(0, batch.byteLength - 1))).toThrow(RecordFormatError);
    expect(() => decodeMeta(batch)).toThrow(/expected a metadata record/);
    const meta = payloadOf(encodeMeta(id)).slice();
    meta[1] = 99;
    expect(() => decodeMeta(meta)).toThrow(/unsupported format version 99/);
  });
});

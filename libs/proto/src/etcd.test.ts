// Proves the etcd messages carry etcd's field numbers (bytes compared with
// hand-encoded protobuf), that int64 fields come back as plain numbers, and
// that a kv Command round-trips with a nested transaction.
import { describe, expect, it } from 'vitest';
import { etcdserverpb, mgmtkv, mvccpb } from './index.js';

describe('etcd wire messages', () => {
  it('encodes PutRequest with etcd field numbers', () => {
    const bytes = etcdserverpb.PutRequest.encode({ key: Buffer.from('a'), value: Buffer.from('b'), lease: 5, prevKv: true }).finish();
    // key=1 (0x0a), value=2 (0x12), lease=3 (0x18), prev_kv=4 (0x20)
    expect(Array.from(bytes)).toEqual([0x0a, 1, 0x61, 0x12, 1, 0x62, 0x18, 5, 0x20, 1]);
  });

  it('uses field 11 for watch events and 64 for Compare.range_end', () => {
    const w = etcdserverpb.WatchResponse.encode({ watchId: 1, events: [{ type: mvccpb.Event.EventType.DELETE }] }).finish();
    expect(Array.from(w)).toEqual([0x10, 1, 0x5a, 2, 0x08, 1]);
    const c = etcdserverpb.Compare.encode({ rangeEnd: Buffer.from('z') }).finish();
    expect(Array.from(c)).toEqual([0x82, 0x04, 1, 0x7a]);
  });

  it('decodes int64 revisions as numbers', () => {
    const kv = mvccpb.KeyValue.decode(mvccpb.KeyValue.encode({ key: Buffer.from('k'), modRevision: 2 ** 40, createRevision: 3 }).finish());
    expect(kv.modRevision).toBe(2 ** 40);
    expect(typeof kv.createRevision).toBe('number');
  });

  it('round-trips a kv command with a nested txn', () => {
    const cmd = {
      version: 1,
      header: { id: 77 },
      txn: {
        compare: [{ key: Buffer.from('k'), target: etcdserverpb.Compare.CompareTarget.VALUE, value: Buffer.from('v') }],
        success: [{ requestTxn: { success: [{ requestPut: { key: Buffer.from('x'), value: Buffer.from('y') } }] } }],
      },
    };
    const decoded = mgmtkv.Command.decode(mgmtkv.Command.encode(cmd).finish());
    expect(decoded.request).toBe('txn');
    expect(decoded.header?.id).toBe(77);
    const put = decoded.txn?.success?.[0]?.requestTxn?.success?.[0]?.requestPut;
    expect(Buffer.from(put?.value ?? []).toString()).toBe('y');
  });
});

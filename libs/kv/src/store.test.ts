// Proves the store's etcd semantics one claim at a time: revisions and
// versions, range options (prefix, limit, sort, count, keys-only, past
// revision), put flags, delete range, transactions (compares, nested txn,
// duplicate keys), compaction and its errors, leases and their keys, and
// that failed commands change nothing.
import { etcdserverpb, mgmtkv } from '@mgmt/proto';
import { describe, expect, it } from 'vitest';
import { encodeCommand } from './command.js';
import { CommandDecodeError, Errors } from './errors.js';
import { prefixEnd } from './keys.js';
import { KvStore, type ApplyResult } from './store.js';
import { b, kv, s } from './test-helpers.js';
import type { Command, PutResponse, TxnResponse } from './types.js';
import { checkTxn } from './validate.js';

const { CompareResult, CompareTarget } = etcdserverpb.Compare;
const { SortOrder, SortTarget } = etcdserverpb.RangeRequest;

function ok(store: KvStore, command: Command): ApplyResult & { ok: true } {
  const r = store.apply(command);
  if (!r.ok) throw r.error;
  store.invariants();
  return r;
}

function put(store: KvStore, key: string, value: string, lease = 0): ApplyResult & { ok: true } {
  return ok(store, { put: { key: b(key), value: b(value), lease } });
}

function get(store: KvStore, key: string, rev = 0) {
  return store.range({ key: b(key), revision: rev }).kvs.map(kv)[0];
}

function keys(store: KvStore, req: Parameters<KvStore['range']>[0]) {
  return store.range(req).kvs.map((k) => s(k.key));
}

describe('KvStore', () => {
  it('moves the revision once per write and tracks create/mod/version', () => {
    const store = new KvStore();
    // Like etcd, an empty store is at revision 1.
    expect(store.revision).toBe(1);
    expect(put(store, 'a', '1').revision).toBe(2);
    put(store, 'b', '1');
    put(store, 'a', '2');
    expect(get(store, 'a')).toEqual({ key: 'a', value: '2', create: 2, mod: 4, version: 2, lease: 0 });
    expect(get(store, 'a', 2)).toEqual({ key: 'a', value: '1', create: 2, mod: 2, version: 1, lease: 0 });
    ok(store, { deleteRange: { key: b('a') } });
    expect(store.revision).toBe(5);
    expect(get(store, 'a')).toBeUndefined();
    expect(get(store, 'a', 4)?.value).toBe('2');
    put(store, 'a', '3');
    expect(get(store, 'a')).toEqual({ key: 'a', value: '3', create: 6, mod: 6, version: 1, lease: 0 });
    // Deleting nothing does not move the revision.
    ok(store, { deleteRange: { key: b('zzz') } });
    expect(store.revision).toBe(6);
  });

  it('reads ranges with prefix, limit, count, keys-only and sort', () => {
    const store = new KvStore();
    for (const k of ['p/c', 'p/a', 'p/b', 'q', 'o']) put(store, k, `v-${k}`);
    put(store, 'p/a', 'again');
    const prefix = { key: b('p/'), rangeEnd: b(prefixEnd('p/')) };
    expect(keys(store, prefix)).toEqual(['p/a', 'p/b', 'p/c']);
    const limited = store.range({ ...prefix, limit: 2 });
    expect([limited.kvs.length, limited.more, limited.count]).toEqual([2, true, 3]);
    expect(store.range({ ...prefix, countOnly: true })).toMatchObject({ kvs: [], count: 3 });
    expect(store.range({ ...prefix, keysOnly: true }).kvs.every((k) => !k.value || k.value.length === 0)).toBe(true);
    expect(keys(store, { ...prefix, sortOrder: SortOrder.DESCEND })).toEqual(['p/c', 'p/b', 'p/a']);
    expect(keys(store, { ...prefix, sortTarget: SortTarget.MOD, sortOrder: SortOrder.DESCEND, limit: 1 })).toEqual(['p/a']);
    expect(keys(store, { ...prefix, sortTarget: SortTarget.VERSION })).toEqual(['p/b', 'p/c', 'p/a']);
    expect(keys(store, { key: b('\0'), rangeEnd: b('\0') })).toEqual(['o', 'p/a', 'p/b', 'p/c', 'q']);
    expect(keys(store, { key: b('p/b'), rangeEnd: b('\0') })).toEqual(['p/b', 'p/c', 'q']);
    expect(keys(store, { ...prefix, minModRevision: 4 })).toEqual(['p/a', 'p/b']);
    expect(keys(store, { ...prefix, revision: 3 })).toEqual(['p/a', 'p/c']);
  });

  it('refuses bad reads with etcd errors', () => {
    const store = new KvStore();
    put(store, 'a', '1');
    expect(() => store.range({ key: b('a'), revision: 9 })).toThrow(Errors.futureRev().message);
    expect(() => store.range({ key: b('') })).toThrow(Errors.emptyKey().message);
  });

  it('puts with prev_kv, ignore_value and ignore_lease', () => {
    const store = new KvStore();
    ok(store, { leaseGrant: { ID: 7, TTL: 10 } });
    put(store, 'k', 'v1', 7);
    const r = ok(store, { put: { key: b('k'), value: b('v2'), prevKv: true, ignoreLease: true } });
    expect(kv((r.response as PutResponse).prevKv)?.value).toBe('v1');
    expect(get(store, 'k')?.lease).toBe(7);
    ok(store, { put: { key: b('k'), ignoreValue: true } });
    expect(get(store, 'k')).toMatchObject({ value: 'v2', lease: 0, version: 3 });
    const missing = store.apply({ put: { key: b('nope'), ignoreValue: true } });
    expect(missing.ok ? undefined : missing.error.message).toBe(Errors.keyNotFound().message);
    const badLease = store.apply({ put: { key: b('x'), value: b('1'), lease: 99 } });
    expect(badLease.ok ? undefined : badLease.error.message).toBe('etcdserver: requested lease not found');
    expect(store.revision).toBe(4);
  });

  it('deletes ranges and returns prev kvs', () => {
    const store = new KvStore();
    for (const k of ['a/1', 'a/2', 'b']) put(store, k, k);
    const r = ok(store, { deleteRange: { key: b('a/'), rangeEnd: b('a0'), prevKv: true } });
    expect(r.response).toMatchObject({ deleted: 2 });
    expect((r.response as { prevKvs: unknown[] }).prevKvs.map((k) => kv(k as never)?.key)).toEqual(['a/1', 'a/2']);
    expect(r.revision).toBe(5);
    expect(keys(store, { key: b('\0'), rangeEnd: b('\0') })).toEqual(['b']);
  });

  it('runs transactions: compares, both branches, nested txn, reads see writes', () => {
    const store = new KvStore();
    put(store, 'k', 'v');
    const txn = (value: string) =>
      ok(store, {
        txn: {
          compare: [{ key: b('k'), target: CompareTarget.VALUE, result: CompareResult.EQUAL, value: b(value) }],
          success: [
            { requestPut: { key: b('a'), value: b('1') } },
            { requestRange: { key: b('a') } },
            { requestTxn: { compare: [{ key: b('a'), target: CompareTarget.VERSION, version: 0 }], success: [{ requestPut: { key: b('n'), value: b('x') } }] } },
          ],
          failure: [{ requestDeleteRange: { key: b('k') } }],
        },
      }).response as TxnResponse;
    const t = txn('v');
    expect(t.succeeded).toBe(true);
    expect(s(t.responses?.[1]?.responseRange?.kvs?.[0]?.value)).toBe('1');
    // The nested compare saw the state before the txn: 'a' had version 0.
    expect(get(store, 'n')?.value).toBe('x');
    expect(get(store, 'a')?.mod).toBe(3);
    expect(get(store, 'n')?.mod).toBe(3);
    expect(store.revision).toBe(3);
    const f = txn('other');
    expect(f.succeeded).toBe(false);
    expect(get(store, 'k')).toBeUndefined();
    // Compares over a range, on missing keys, and on mod revision.
    const cmp = (c: Parameters<typeof ok>[1]) => (ok(store, c).response as TxnResponse).succeeded;
    expect(cmp({ txn: { compare: [{ key: b('a'), rangeEnd: b('z'), target: CompareTarget.MOD, result: CompareResult.GREATER, modRevision: 2 }] } })).toBe(true);
    expect(cmp({ txn: { compare: [{ key: b('missing'), target: CompareTarget.CREATE, createRevision: 0 }] } })).toBe(true);
    expect(cmp({ txn: { compare: [{ key: b('missing'), target: CompareTarget.VALUE, result: CompareResult.NOT_EQUAL, value: b('x') }] } })).toBe(false);
  });

  it('refuses a txn that writes a key twice; the op limit is checked before proposing', () => {
    const store = new KvStore();
    const dup = store.apply({ txn: { success: [{ requestPut: { key: b('a') } }, { requestPut: { key: b('a') } }] } });
    expect(dup.ok ? undefined : dup.error.message).toBe('etcdserver: duplicate key given in txn request');
    const putDel = store.apply({ txn: { success: [{ requestDeleteRange: { key: b('a'), rangeEnd: b('c') } }, { requestPut: { key: b('b') } }] } });
    expect(putDel.ok).toBe(false);
    const branches = store.apply({
      txn: { success: [{ requestTxn: { success: [{ requestPut: { key: b('a') } }], failure: [{ requestPut: { key: b('a') } }] } }] },
    });
    expect(branches.ok).toBe(true);
    const many = { success: Array.from({ length: 129 }, (_, i) => ({ requestPut: { key: b(`k${i}`) } })) };
    expect(() => checkTxn(many)).toThrow('etcdserver: too many operations in txn request');
    // The limit is the proposer's; apply takes what a server let through.
    expect(store.apply({ txn: many }).ok).toBe(true);
  });

  it('fails a whole txn when one put names a missing lease', () => {
    const store = new KvStore();
    const r = store.apply({ txn: { success: [{ requestPut: { key: b('a'), value: b('1') } }, { requestPut: { key: b('b'), lease: 5 } }] } });
    expect(r.ok).toBe(false);
    expect(store.revision).toBe(1);
    expect(get(store, 'a')).toBeUndefined();
  });

  it('compacts history and refuses compacted and future revisions', () => {
    const store = new KvStore();
    put(store, 'a', '1');
    put(store, 'a', '2');
    put(store, 'b', '1');
    ok(store, { deleteRange: { key: b('b') } });
    ok(store, { compaction: { revision: 4 } });
    expect(store.compactRevision).toBe(4);
    expect(get(store, 'a', 4)?.value).toBe('2');
    expect(() => store.range({ key: b('a'), revision: 3 })).toThrow('etcdserver: mvcc: required revision has been compacted');
    const again = store.apply({ compaction: { revision: 4 } });
    expect(again.ok ? undefined : again.error.message).toBe('etcdserver: mvcc: required revision has been compacted');
    const future = store.apply({ compaction: { revision: 10 } });
    expect(future.ok ? undefined : future.error.message).toBe('etcdserver: mvcc: required revision is a future revision');
    ok(store, { compaction: { revision: 5 } });
    expect(store.keyCount).toBe(1);
  });

  it('grants leases, revokes them with their keys, and expires in one revision', () => {
    const store = new KvStore();
    ok(store, { leaseGrant: { ID: 1, TTL: 5 } });
    ok(store, { leaseGrant: { ID: 2, TTL: 5 } });
    const exists = store.apply({ leaseGrant: { ID: 1, TTL: 5 } });
    expect(exists.ok ? undefined : exists.error.message).toBe('etcdserver: lease already exists');
    put(store, 'x', '1', 1);
    put(store, 'y', '1', 1);
    put(store, 'z', '1', 2);
    put(store, 'y', '2', 2); // moves y to lease 2
    expect([...store.lease(1)!.keys]).toEqual(['x']);
    ok(store, { leaseRevoke: { ID: 1 } });
    expect(get(store, 'x')).toBeUndefined();
    expect(store.lease(1)).toBeUndefined();
    const rev = store.revision;
    ok(store, { leaseExpire: { IDs: [2, 1, 3] } });
    expect(store.revision).toBe(rev + 1);
    expect(keys(store, { key: b('\0'), rangeEnd: b('\0') })).toEqual([]);
    const missing = store.apply({ leaseRevoke: { ID: 2 } });
    expect(missing.ok ? undefined : missing.error.message).toBe('etcdserver: requested lease not found');
  });

  it('restores a snapshot into an equal store', () => {
    const store = new KvStore();
    ok(store, { leaseGrant: { ID: 3, TTL: 60 } });
    put(store, 'a', '1', 3);
    put(store, 'b', '1');
    put(store, 'a', '2', 3);
    ok(store, { deleteRange: { key: b('b') } });
    ok(store, { compaction: { revision: 3 } });
    const copy = new KvStore();
    copy.restore(store.snapshot());
    copy.invariants();
    expect(Buffer.from(copy.snapshot()).equals(Buffer.from(store.snapshot()))).toBe(true);
    expect([copy.revision, copy.compactRevision]).toEqual([5, 3]);
    expect([...copy.lease(3)!.keys]).toEqual(['a']);
    expect(get(copy, 'a', 3)?.value).toBe('1');
  });

  it('applies entries: empty data is a no-op, garbage is a CommandDecodeError', () => {
    const store = new KvStore();
    expect(store.applyEntry(new Uint8Array()).id).toBe(0);
    expect(store.revision).toBe(1);
    const { id, result } = store.applyEntry(encodeCommand({ put: { key: b('k'), value: b('v') } }, 42));
    expect([id, result.ok, result.revision]).toEqual([42, true, 2]);
    expect(() => store.applyEntry(Buffer.from([0xff, 0xff]))).toThrow(CommandDecodeError);
    expect(() => store.applyEntry(mgmtkv.Command.encode({ version: 2, put: { key: b('k') } }).finish())).toThrow('unknown version 2');
  });

  it('writes numbers of every varint length as protobuf does (lease ids at each boundary)', () => {
    const store = new KvStore();
    const ids = [127, 128, 2 ** 14 - 1, 2 ** 14, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 35 - 1, 2 ** 35, 2 ** 42, Number.MAX_SAFE_INTEGER];
    for (const ID of ids) ok(store, { leaseGrant: { ID, TTL: 60 } });
    put(store, 'k', 'v', 2 ** 35);
    const bytes = store.snapshot();
    const decoded = mgmtkv.StoreSnapshot.decode(bytes);
    expect(decoded.leases.map((l) => Number(l.ID)).sort((a, b) => a - b)).toEqual(ids);
    expect(Number(decoded.keys[0]!.records![0]!.lease)).toBe(2 ** 35);
    expect(Buffer.from(mgmtkv.StoreSnapshot.encode(decoded).finish()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes snapshots any protobuf decoder reads as mgmtkv.StoreSnapshot, and reads theirs', () => {
    const store = new KvStore();
    ok(store, { leaseGrant: { ID: 2 ** 40, TTL: 30 } });
    put(store, 'k', 'v', 2 ** 40);
    ok(store, { deleteRange: { key: b('k') } });
    put(store, 'k', '');
    const decoded = mgmtkv.StoreSnapshot.decode(store.snapshot());
    expect([decoded.version, decoded.revision, decoded.compactRevision]).toEqual([1, 4, 0]);
    expect(decoded.keys.map((k) => [s(k.key), k.records?.length])).toEqual([['k', 3]]);
    expect(decoded.keys[0]!.records![1]!.tombstone).toBe(true);
    expect(decoded.leases.map((l) => [l.ID, l.TTL])).toEqual([[2 ** 40, 30]]);
    const reencoded = mgmtkv.StoreSnapshot.encode(decoded).finish();
    const copy = new KvStore();
    copy.restore(reencoded);
    copy.invariants();
    expect(Buffer.from(copy.snapshot()).equals(Buffer.from(store.snapshot()))).toBe(true);
    expect(() => new KvStore().restore(Buffer.from([0x08, 0x09]))).toThrow('unknown version 9');
    expect(() => new KvStore().restore(Buffer.from([0x22, 0x7f]))).toThrow('cannot restore kv snapshot');
  });
});

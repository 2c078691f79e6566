// Proves that events encoded once for all watchers change nothing on the
// wire: the spliced response is byte for byte what encoding the whole
// WatchResponse gives (watch id 0, small and large ids, prev_kv, deletes,
// several events), and the watch hub hands watchers of the same range and
// filters the same events array (and others their own).
import { etcdserverpb } from '@mgmt/proto';
import { describe, expect, it } from 'vitest';
import { KvStore } from '../store.js';
import { b } from '../test-helpers.js';
import type { WatchEvent } from '../types.js';
import type { WatchDelivery, WatchOptions } from '../watch-hub.js';
import { encodeWatchResponseOut, SharedEventEncoder } from './watch-encoding.js';

/** The events of every live delivery each watcher gets, by watcher. */
function watchAll(store: KvStore, options: WatchOptions[]): WatchEvent[][][] {
  return options.map((o) => {
    const got: WatchEvent[][] = [];
    store.watch(o, (d: WatchDelivery) => {
      if (d.kind === 'events') got.push(d.events);
      return true;
    });
    return got;
  });
}

describe('SharedEventEncoder', () => {
  it('gives the bytes of the whole response for any watch id', () => {
    const store = new KvStore();
    store.apply({ put: { key: b('/_mgmt/a'), value: b('1'), lease: 7 } });
    const deliveries = watchAll(store, [{ key: b('/_mgmt/'), rangeEnd: b('/_mgmt0'), prevKv: true }])[0]!;
    store.apply({ txn: { success: [{ requestPut: { key: b('/_mgmt/a'), value: b('2') } }, { requestDeleteRange: { key: b('/_mgmt/b') } }, { requestPut: { key: b('/_mgmt/c'), value: b('3') } }] } });
    store.apply({ deleteRange: { key: b('/_mgmt/a') } });
    expect(deliveries.length).toBe(2);
    const encoder = new SharedEventEncoder();
    for (const events of deliveries) {
      for (const watchId of [0, 1, 127, 128, 70_000, 2 ** 31 - 1, 2 ** 31, -1]) {
        const header = { clusterId: 0x12345678_90, memberId: 99, revision: store.revision, raftTerm: 3 };
        const whole = etcdserverpb.WatchResponse.encode({ header, watchId, events }).finish();
        expect(Buffer.from(encodeWatchResponseOut(encoder.encode(watchId, header, events)))).toEqual(Buffer.from(whole));
      }
    }
  });

  it('encodes a later header of the same events afresh', () => {
    const encoder = new SharedEventEncoder();
    const events: WatchEvent[] = [{ type: 0, kv: { key: b('k'), value: b('v'), modRevision: 2 } }];
    encoder.encode(1, { revision: 2, raftTerm: 1 }, events);
    const later = { revision: 2, raftTerm: 2 };
    expect(Buffer.from(encoder.encode(1, later, events).bytes)).toEqual(Buffer.from(etcdserverpb.WatchResponse.encode({ header: later, watchId: 1, events }).finish()));
  });
});

describe('WatchHub: shared events', () => {
  it('hands watchers of the same range and filters one array, others their own', () => {
    const store = new KvStore();
    const prefix = { key: b('/_mgmt/'), rangeEnd: b('/_mgmt0') };
    const [a, a2, withPrev, noPut, single] = watchAll(store, [prefix, prefix, { ...prefix, prevKv: true }, { ...prefix, noPut: true }, { key: b('/_mgmt/x') }]);
    store.apply({ txn: { success: [{ requestPut: { key: b('/_mgmt/x'), value: b('1') } }, { requestPut: { key: b('/_mgmt/y'), value: b('2') } }] } });
    expect(a![0]).toBe(a2![0]);
    expect(a![0]!.map((e) => String(e.kv?.key))).toEqual(['/_mgmt/x', '/_mgmt/y']);
    expect(withPrev![0]).not.toBe(a![0]);
    expect(noPut).toEqual([]);
    expect(single![0]!.map((e) => String(e.kv?.key))).toEqual(['/_mgmt/x']);
  });
});

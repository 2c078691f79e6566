/**
 * Proves the leader reads "this agent lost its lease" from the store as
 * `ClusterView.leaseLost` does: a member with none of its leased keys
 * (volunteer, status, endpoint) is listed; one that only deleted its
 * volunteer key (a quitting agent keeps its status) is not.
 */
import { KvStore } from '@mgmt/kv';
import { describe, expect, it } from 'vitest';
import { storeKeys } from './mgmt-keys.js';
import { readLeaseLost, silentForMs } from './view.js';

const enc = new TextEncoder();
const put = (kv: KvStore, key: string, value: string) => kv.apply({ put: { key: enc.encode(key), value: enc.encode(value) } });
const member = (name: string, id: string) => ({ id, name, peerUrls: [], isLearner: false, matchIndex: 0, lastHeardTicksAgo: 0 });

describe('readLeaseLost', () => {
  it('lists the members none of whose leased keys exist', () => {
    const kv = new KvStore();
    put(kv, '/_mgmt/volunteers/h1', 'http://10.0.0.1:2380');
    put(kv, '/_mgmt/status/h1', '{}');
    put(kv, '/_mgmt/endpoints/h1', 'http://10.0.0.1:2379');
    put(kv, '/_mgmt/status/h2', '{"hostname":"h2","state":"leaving.graceful.awaitingRemoval"}');
    put(kv, '/_mgmt/nominated/h3', 'http://10.0.0.3:2380');
    expect(readLeaseLost(storeKeys(kv), [member('h1', '1'), member('h2', '2'), member('h3', '3')])).toEqual(['h3']);
  });
});

describe('silentForMs', () => {
  it('is the time since a peer was heard, capped at the time since this process resumed from a stall', () => {
    expect(silentForMs(800, 10_000, 0)).toBe(800);
    expect(silentForMs(3_000, 10_000, 9_900)).toBe(100);
    expect(silentForMs(3_000, 10_000, 10_000)).toBe(0);
  });
});

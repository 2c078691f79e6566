// Proves the chaos runner's store-history checks on small hand-made cases:
// each accepts a consistent history and names the fault when one property
// is broken (lost acknowledged write, phantom or duplicated value, cas from
// the wrong value, real-time order, final read, watcher gap/duplicate/order,
// replicas disagreeing).
import { describe, expect, it } from 'vitest';
import type { Operation } from '@mgmt/testkit/linearizability';
import { checkWatch, checkWrites, compareReplicas } from './checks.js';
import type { WatchEvent } from './watch.js';

const w = (client: number, key: string, value: string, call: number, ret: number | null): Operation => ({ client, op: { kind: 'write', key, value }, call, return: ret, output: {} });
const cas = (client: number, key: string, expected: string, value: string, call: number, ret: number | null, ok?: boolean): Operation => ({ client, op: { kind: 'cas', key, expected, value }, call, return: ret, output: ok === undefined ? {} : { ok } });
const ev = (revision: number, key: string, value: string | null): WatchEvent => ({ revision, key, value });

const history = [w(1, 'k0', 'a', 0, 10), w(2, 'k0', 'b', 20, 30), cas(3, 'k0', 'b', 'c', 40, 50, true), w(1, 'k1', 'x', 5, null)];
const store = [ev(2, 'k0', 'a'), ev(5, 'k0', 'b'), ev(6, 'k0', 'c')];
const finals = new Map([['k0', 'c'], ['k1', null]]);

describe('checkWrites', () => {
  it('accepts a store history made of the acknowledged writes in real-time order', () => {
    expect(checkWrites(store, history, finals)).toEqual([]);
  });
  it('reports a lost acknowledged write', () => {
    expect(checkWrites([ev(2, 'k0', 'a'), ev(6, 'k0', 'c')], history, finals).join()).toMatch(/acknowledged write k0=b .* not in the store/);
  });
  it('reports a value no client wrote and one applied twice', () => {
    expect(checkWrites([...store, ev(7, 'k0', 'zz')], history, new Map()).join()).toMatch(/written by no client/);
    expect(checkWrites([...store, ev(7, 'k0', 'b')], history, new Map()).join()).toMatch(/applied twice/);
  });
  it('reports a cas applied from the wrong value, and one that answered "comparison failed"', () => {
    expect(checkWrites([ev(2, 'k0', 'a'), ev(5, 'k0', 'c'), ev(6, 'k0', 'b')], history, new Map()).join()).toMatch(/cas k0 b->c applied while the key held a/);
    const failed = [w(1, 'k0', 'a', 0, 10), cas(3, 'k0', 'a', 'c', 40, 50, false)];
    expect(checkWrites([ev(2, 'k0', 'a'), ev(3, 'k0', 'c')], failed, new Map()).join()).toMatch(/comparison failed/);
  });
  it('reports revisions against real time, and a final read that is not the last value', () => {
    expect(checkWrites([ev(2, 'k0', 'b'), ev(5, 'k0', 'a'), ev(6, 'k0', 'c')], [w(1, 'k0', 'a', 0, 10), w(2, 'k0', 'b', 20, 30), w(3, 'k0', 'c', 40, 50)], new Map()).join()).toMatch(/called after rev 5/);
    expect(checkWrites(store, history, new Map([['k0', 'b']])).join()).toMatch(/final read of k0 gave b/);
  });
});

describe('checkWatch', () => {
  it('accepts exactly the history from its start revision to the last it saw', () => {
    expect(checkWatch('w', store.slice(1, 2), store, 3)).toEqual([]);
    expect(checkWatch('w', store, store, 1)).toEqual([]);
  });
  it('reports a gap, a duplicate and a wrong value', () => {
    expect(checkWatch('w', [store[0]!, store[2]!], store, 1).join()).toMatch(/gap/);
    expect(checkWatch('w', [store[0]!, store[0]!, store[1]!], store, 1).join()).toMatch(/duplicate/);
    expect(checkWatch('w', [ev(2, 'k0', 'zz')], store, 1).join()).toMatch(/the store has rev 2 k0=a/);
  });
});

describe('compareReplicas', () => {
  it('accepts prefixes of one history and reports a difference', () => {
    expect(compareReplicas(new Map([['h1', store], ['h2', store.slice(0, 2)]]))).toEqual([]);
    expect(compareReplicas(new Map([['h1', store], ['h2', [ev(2, 'k0', 'a'), ev(5, 'k0', 'x')]]])).join()).toMatch(/replicas disagree: event #1/);
  });
});

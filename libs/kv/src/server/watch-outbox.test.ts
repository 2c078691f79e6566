// Proves the Watch stream's outbox: what a watcher is given during one turn
// goes out as one response at its end, with every event once and in order
// per watcher, byte for byte what encoding the whole response gives; a
// response is cut between revisions at its event and byte bounds; a stream
// that holds MAX_HELD_EVENTS asks its watchers to pause (and still takes
// what it was given); a canceled watcher's held events are dropped; a flush
// before a control response keeps the order.
import { etcdserverpb } from '@mgmt/proto';
import { describe, expect, it } from 'vitest';
import { b } from '../test-helpers.js';
import type { WatchEvent } from '../types.js';
import { encodeWatchResponseOut, SharedEventEncoder, type WatchResponseOut } from './watch-encoding.js';
import { MAX_HELD_EVENTS, MAX_RESPONSE_BYTES, MAX_RESPONSE_EVENTS, WatchOutbox } from './watch-outbox.js';

const turn = () => new Promise((r) => setImmediate(r));

function put(key: string, revision: number, value = 'v'): WatchEvent[] {
  return [{ type: 0, kv: { key: b(key), value: b(value), modRevision: revision, createRevision: revision, version: 1 } }];
}

function outbox() {
  const written: etcdserverpb.WatchResponse[] = [];
  const raw: Uint8Array[] = [];
  let flushed = 0;
  const box = new WatchOutbox(new SharedEventEncoder(), {
    headerAt: (revision) => ({ revision, raftTerm: 2, clusterId: 7, memberId: 9 }),
    write: (res: WatchResponseOut) => {
      const bytes = encodeWatchResponseOut(res);
      raw.push(bytes);
      written.push(etcdserverpb.WatchResponse.decode(bytes));
      return true;
    },
    onFlushed: () => flushed++,
  });
  return { box, written, raw, flushed: () => flushed };
}

const keysOf = (res: etcdserverpb.WatchResponse) => res.events.map((e) => Buffer.from(e.kv?.key ?? []).toString());

describe('WatchOutbox', () => {
  it('writes the revisions of one turn as one response per watcher, in order, at the last revision', async () => {
    const { box, written, raw, flushed } = outbox();
    const shared = [put('a', 2), put('b', 3), put('c', 4)];
    for (const [i, events] of shared.entries()) {
      expect(box.add(0, events, 2 + i)).toBe(true);
      expect(box.add(5, events, 2 + i)).toBe(true);
    }
    expect(written).toEqual([]);
    await turn();
    expect(flushed()).toBe(1);
    expect(written.map((r) => [Number(r.watchId), keysOf(r), Number(r.header?.revision)])).toEqual([
      [0, ['a', 'b', 'c'], 4],
      [5, ['a', 'b', 'c'], 4],
    ]);
    const whole = etcdserverpb.WatchResponse.encode({ header: { revision: 4, raftTerm: 2, clusterId: 7, memberId: 9 }, watchId: 5, events: shared.flat() }).finish();
    expect(Buffer.from(raw[1]!)).toEqual(Buffer.from(whole));
    // The next turn starts a new response.
    box.add(0, put('d', 5), 5);
    await turn();
    expect(written.slice(2).map(keysOf)).toEqual([['d']]);
  });

  it('cuts a response between revisions at its event and byte bounds, never inside one', async () => {
    const { box, written } = outbox();
    const big = Array.from({ length: MAX_RESPONSE_EVENTS - 1 }, (_, i) => put(`k${i}`, 2)[0]!);
    box.add(1, big, 2);
    box.add(1, [...put('x', 3), ...put('y', 3)], 3);
    const huge = 'z'.repeat(MAX_RESPONSE_BYTES);
    box.add(1, put('h', 4, huge), 4);
    box.add(1, put('i', 5), 5);
    await turn();
    expect(written.map((r) => r.events.length)).toEqual([MAX_RESPONSE_EVENTS - 1, 2, 1, 1]);
    expect(written.map((r) => Number(r.header?.revision))).toEqual([2, 3, 4, 5]);
  });

  it('asks for a pause once it holds MAX_HELD_EVENTS, and still takes what it is given', async () => {
    const { box, written } = outbox();
    const many = Array.from({ length: MAX_HELD_EVENTS - 1 }, (_, i) => put(`k${i}`, 2)[0]!);
    expect(box.add(1, many, 2)).toBe(true);
    expect(box.add(1, put('last', 3), 3)).toBe(false);
    expect(box.add(2, put('other', 3), 3)).toBe(false);
    await turn();
    expect(written.flatMap(keysOf)).toHaveLength(MAX_HELD_EVENTS + 1);
    expect(box.add(1, put('after', 4), 4)).toBe(true);
  });

  it('drops what a canceled watcher holds, and flushes on demand before a control response', async () => {
    const { box, written } = outbox();
    box.add(1, put('a', 2), 2);
    box.add(2, put('a', 2), 2);
    box.add(1, put('b', 3), 3);
    box.drop(1);
    box.flush();
    expect(box.empty).toBe(true);
    expect(written.map((r) => [Number(r.watchId), keysOf(r)])).toEqual([[2, ['a']]]);
    await turn();
    expect(written).toHaveLength(1);
  });

  it('holds nothing after clear (the stream closed)', async () => {
    const { box, written, flushed } = outbox();
    box.add(1, put('a', 2), 2);
    box.clear();
    await turn();
    expect(written).toEqual([]);
    expect(flushed()).toBe(0);
  });
});

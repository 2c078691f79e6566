// Proves the watch claims: history then live events in revision order,
// NOPUT/NODELETE filters, prev_kv, a start revision in the future, the
// compacted answer for a start before the compaction, a whole transaction
// delivered as one revision, and catch-up after a snapshot restore.
import { describe, expect, it } from 'vitest';
import { KvStore } from './store.js';
import { b, s } from './test-helpers.js';
import type { WatchDelivery } from './watch-hub.js';

function collect() {
  const got: string[] = [];
  const sink = (d: WatchDelivery) => {
    if (d.kind === 'compacted') got.push(`compacted@${d.compactRevision}`);
    else {
      // One line per revision: a delivery may hold several whole revisions.
      const byRev = new Map<number, string[]>();
      for (const e of d.events) {
        const rev = e.kv?.modRevision ?? 0;
        if (!byRev.has(rev)) byRev.set(rev, []);
        byRev.get(rev)!.push(`${e.type === 1 ? 'del' : 'put'} ${s(e.kv?.key)}=${s(e.kv?.value)}${e.prevKv ? ` (was ${s(e.prevKv.value)})` : ''}`);
      }
      for (const [rev, evs] of byRev) got.push(`${rev}:${evs.join(', ')}`);
    }
    return true;
  };
  return { got, sink };
}

describe('watch', () => {
  it('delivers history then live events, with prev_kv', () => {
    const store = new KvStore();
    store.apply({ put: { key: b('a'), value: b('1') } });
    store.apply({ put: { key: b('a'), value: b('2') } });
    const { got, sink } = collect();
    store.watch({ key: b('a'), startRevision: 2, prevKv: true }, sink);
    store.apply({ deleteRange: { key: b('a') } });
    store.apply({ put: { key: b('b'), value: b('x') } });
    expect(got).toEqual(['2:put a=1', '3:put a=2 (was 1)', '4:del a= (was 2)']);
  });

  it('filters puts or deletes and watches prefixes from now', () => {
    const store = new KvStore();
    store.apply({ put: { key: b('p/1'), value: b('old') } });
    const noPut = collect();
    const noDel = collect();
    store.watch({ key: b('p/'), rangeEnd: b('p0'), noPut: true }, noPut.sink);
    store.watch({ key: b('p/'), rangeEnd: b('p0'), noDelete: true }, noDel.sink);
    store.apply({ put: { key: b('p/2'), value: b('n') } });
    store.apply({ deleteRange: { key: b('p/'), rangeEnd: b('p0') } });
    expect(noPut.got).toEqual(['4:del p/1=, del p/2=']);
    expect(noDel.got).toEqual(['3:put p/2=n']);
  });

  it('waits for a future start revision and sends a txn as one revision', () => {
    const store = new KvStore();
    const w = collect();
    store.watch({ key: b('\0'), rangeEnd: b('\0'), startRevision: 3 }, w.sink);
    store.apply({ put: { key: b('x'), value: b('1') } });
    store.apply({ txn: { success: [{ requestPut: { key: b('y'), value: b('2') } }, { requestPut: { key: b('z'), value: b('3') } }] } });
    expect(w.got).toEqual(['3:put y=2, put z=3']);
  });

  it('answers compacted for a start before the compaction, and cancel stops delivery', () => {
    const store = new KvStore();
    for (let i = 0; i < 3; i++) store.apply({ put: { key: b('k'), value: b(`${i}`) } });
    store.apply({ compaction: { revision: 3 } });
    const old = collect();
    const watcher = store.watch({ key: b('k'), startRevision: 2 }, old.sink);
    expect(old.got).toEqual(['compacted@3']);
    expect(store.watcherCount).toBe(0);
    const live = collect();
    const w2 = store.watch({ key: b('k'), startRevision: 3 }, live.sink);
    w2.cancel();
    store.apply({ put: { key: b('k'), value: b('late') } });
    expect(live.got).toEqual(['3:put k=1', '4:put k=2']);
    expect(watcher.nextRevision).toBeGreaterThan(0);
  });

  it('catches up after a restore from where each watcher was', () => {
    const leader = new KvStore();
    const follower = new KvStore();
    const w = collect();
    follower.watch({ key: b('\0'), rangeEnd: b('\0') }, w.sink);
    leader.apply({ put: { key: b('a'), value: b('1') } });
    leader.apply({ put: { key: b('b'), value: b('2') } });
    follower.restore(leader.snapshot());
    leader.apply({ put: { key: b('c'), value: b('3') } });
    follower.restore(leader.snapshot());
    expect(w.got).toEqual(['2:put a=1', '3:put b=2', '4:put c=3']);
  });
});

describe('watch catch-up from the recent events', () => {
  it('hands a watcher that fell behind the arrays the live watchers got, in order', () => {
    const store = new KvStore();
    const live: unknown[] = [];
    const slow: unknown[] = [];
    const slowRevisions: number[] = [];
    let slowFull = true;
    store.watch({ key: b('p/'), rangeEnd: b('p0') }, (d) => {
      if (d.kind === 'events') live.push(d.events);
      return true;
    });
    const behind = store.watch({ key: b('p/'), rangeEnd: b('p0') }, (d) => {
      if (d.kind === 'events') {
        slow.push(d.events);
        slowRevisions.push(d.revision);
      }
      return !slowFull;
    });
    for (let i = 0; i < 5; i++) store.apply({ put: { key: b(`p/${i}`), value: b(`${i}`) } });
    store.apply({ put: { key: b('q'), value: b('elsewhere') } });
    expect(behind.paused).toBe(true);
    slowFull = false;
    behind.resume();
    expect(behind.paused).toBe(false);
    expect(slowRevisions).toEqual([2, 3, 4, 5, 6]);
    expect(slow).toHaveLength(5);
    slow.forEach((events, i) => expect(events).toBe(live[i]));
  });
});

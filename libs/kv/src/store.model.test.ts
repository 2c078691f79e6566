// Proves, on random command sequences, that the store agrees with a naive
// model that copies the whole keyspace at every revision: ranges at every
// retained revision, deletes, txns, leases and compaction. Also proves
// determinism (a second store fed the encoded entries has identical
// snapshot bytes), that restore reproduces the state, and that a watcher
// with random back pressure sees every event exactly once, in order.
// A failure prints the seed; rerun with KV_SEED=<seed>.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@mgmt/testkit';
import { decodeCommand, encodeCommand } from './command.js';
import { KvStore } from './store.js';
import { b, kv, s } from './test-helpers.js';
import type { Command } from './types.js';
import type { WatchDelivery } from './watch-hub.js';

interface ModelKv {
  value: string;
  create: number;
  mod: number;
  version: number;
  lease: number;
}

/** mulberry32 (from @mgmt/testkit), so a seed replays a run. */
const rng = mulberry32;

class Model {
  revision = 1;
  compacted = 0;
  states: Map<string, ModelKv>[] = [new Map(), new Map()];
  leases = new Set<number>();
  events: { rev: number; type: 'put' | 'delete'; key: string; value: string; prev?: string }[] = [];

  get now(): Map<string, ModelKv> {
    return this.states[this.revision]!;
  }

  write(changes: [string, string | null, number][]): void {
    const next = new Map(this.now);
    const rev = this.revision + 1;
    let changed = false;
    for (const [key, value, lease] of changes) {
      const prev = next.get(key);
      if (value === null) {
        if (!prev) continue;
        next.delete(key);
        this.events.push({ rev, type: 'delete', key, value: '', prev: prev.value });
      } else {
        next.set(key, { value, create: prev ? prev.create : rev, mod: rev, version: prev ? prev.version + 1 : 1, lease });
        this.events.push({ rev, type: 'put', key, value, ...(prev ? { prev: prev.value } : {}) });
      }
      changed = true;
    }
    if (changed) {
      this.states.push(next);
      this.revision = rev;
    }
  }
}

const KEYS = ['a', 'ab', 'b', 'ba', 'c', 'd\xff', 'e'];

function runOnce(seed: number, steps: number): void {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Small slabs: compactions empty them and move the bytes still held (value-arena.ts).
  const store = new KvStore({ slabBytes: 256 });
  const replica = new KvStore({ slabBytes: 1024 });
  const model = new Model();
  const seen: { rev: number; type: 'put' | 'delete'; key: string; value: string; prev?: string }[] = [];
  let full = false;
  const sink = (d: WatchDelivery): boolean => {
    expect(d.kind).toBe('events');
    if (d.kind !== 'events') return true;
    for (const e of d.events) {
      seen.push({ rev: e.kv!.modRevision!, type: e.type === 1 ? 'delete' : 'put', key: s(e.kv!.key), value: s(e.kv!.value), ...(e.prevKv ? { prev: s(e.prevKv.value) } : {}) });
    }
    full = random() < 0.3;
    return !full;
  };
  const watcher = store.watch({ key: b('\0'), rangeEnd: b('\0'), startRevision: 2, prevKv: true }, sink);
  // The replica is restored from the leader's snapshot now and then, with a
  // watcher open: it must still see every event once, in order.
  const replicaSeen: string[] = [];
  const replicaWatcher = replica.watch({ key: b('\0'), rangeEnd: b('\0'), startRevision: 2 }, (d) => {
    expect(d.kind).toBe('events');
    if (d.kind === 'events') for (const e of d.events) replicaSeen.push(`${e.kv!.modRevision}:${e.type}:${s(e.kv!.key)}`);
    return true;
  });
  // Entries the replica has not applied yet: it lags, then catches up by
  // applying them or by restoring the leader's snapshot.
  let lagging: Uint8Array[] = [];
  let nextLease = 1;

  for (let step = 0; step < steps; step++) {
    const roll = random();
    let command: Command;
    const changes: [string, string | null, number][] = [];
    let expectOk = true;
    if (roll < 0.45) {
      const key = pick(KEYS);
      const leased = model.leases.size > 0 && random() < 0.3 ? pick([...model.leases]) : 0;
      const value = `v${step}`;
      command = { put: { key: b(key), value: b(value), lease: leased } };
      changes.push([key, value, leased]);
    } else if (roll < 0.6) {
      const [x, y] = [pick(KEYS), pick(KEYS)].sort() as [string, string];
      command = { deleteRange: { key: b(x), rangeEnd: b(y + '\0') } };
      for (const key of [...model.now.keys()].sort()) if (key >= x && key < y + '\0') changes.push([key, null, 0]);
    } else if (roll < 0.75) {
      const key = pick(KEYS);
      const cur = model.now.get(key);
      const want = random() < 0.5 && cur ? cur.version : 1;
      const succeeded = (cur?.version ?? 0) === want;
      const then = pick(KEYS);
      const otherwise = pick(KEYS);
      command = {
        txn: {
          compare: [{ key: b(key), target: 0, version: want }],
          success: [{ requestPut: { key: b(then), value: b(`t${step}`) } }],
          failure: [{ requestDeleteRange: { key: b(otherwise) } }],
        },
      };
      if (succeeded) changes.push([then, `t${step}`, 0]);
      else if (model.now.has(otherwise)) changes.push([otherwise, null, 0]);
    } else if (roll < 0.82) {
      command = { leaseGrant: { ID: nextLease, TTL: 10 } };
      model.leases.add(nextLease++);
    } else if (roll < 0.88 && model.leases.size > 0) {
      const id = pick([...model.leases]);
      command = { leaseRevoke: { ID: id } };
      model.leases.delete(id);
      for (const [key, v] of [...model.now].sort(([x], [y]) => (x < y ? -1 : 1))) if (v.lease === id) changes.push([key, null, 0]);
    } else if (roll < 0.92 && Math.min(model.revision, watcher.nextRevision - 1, replicaWatcher.nextRevision - 1) > model.compacted) {
      // Never up to a watcher's next revision (paused, or on the lagging
      // replica): past it would (rightly) cancel it as compacted, and at it
      // the deletions of that revision are gone with their tombstones, as in etcd.
      const top = Math.min(model.revision, watcher.nextRevision - 1, replicaWatcher.nextRevision - 1);
      const rev = model.compacted + 1 + Math.floor(random() * (top - model.compacted));
      command = { compaction: { revision: rev } };
      model.compacted = rev;
    } else {
      command = { compaction: { revision: model.compacted } };
      expectOk = false;
    }
    const result = store.apply(command);
    expect(result.ok, `step ${step}: ${JSON.stringify(command)}`).toBe(expectOk);
    lagging.push(encodeCommand(command, step + 1));
    const r = random();
    if (r < 0.05) {
      replica.restore(store.snapshot());
      lagging = [];
    } else if (r < 0.5) {
      for (const entry of lagging) replica.applyEntry(entry);
      lagging = [];
    }
    expect(decodeCommand(encodeCommand(command, step + 1)).id).toBe(step + 1);
    model.write(changes);
    expect(store.revision).toBe(model.revision);
    store.invariants();
    replica.invariants();
    if (full && random() < 0.5) {
      full = false;
      watcher.resume();
    }
    // Reads at a random retained revision agree with the model.
    const at = model.compacted + Math.floor(random() * (model.revision - model.compacted + 1));
    if (at > 0) {
      const got = store.range({ key: b('\0'), rangeEnd: b('\0'), revision: at }).kvs.map(kv);
      const want = [...model.states[at]!].sort(([x], [y]) => (x < y ? -1 : 1)).map(([key, v]) => ({ key, value: v.value, create: v.create, mod: v.mod, version: v.version, lease: v.lease }));
      expect(got, `range at ${at} after step ${step}`).toEqual(want);
    }
  }
  for (const entry of lagging) replica.applyEntry(entry);
  expect(Buffer.from(replica.snapshot()).equals(Buffer.from(store.snapshot()))).toBe(true);
  const restored = new KvStore({ slabBytes: 256 });
  restored.restore(store.snapshot());
  restored.invariants();
  expect(Buffer.from(restored.snapshot()).equals(Buffer.from(store.snapshot()))).toBe(true);
  watcher.resume();
  watcher.resume();
  if (full) {
    full = false;
    watcher.resume();
  }
  // Drain: keep resuming until the watcher is live.
  for (let i = 0; i < 1000 && watcher.paused; i++) watcher.resume();
  expect(replicaSeen).toEqual(model.events.map((e) => `${e.rev}:${e.type === 'delete' ? 1 : 0}:${e.key}`));
  // prev_kv may be missing when the previous version was compacted before
  // the (paused) watcher caught up, as in etcd; when present it is right.
  const strip = ({ prev: _prev, ...rest }: (typeof seen)[number]) => rest;
  expect(seen.map(strip)).toEqual(model.events.map(strip));
  seen.forEach((e, i) => {
    if (e.prev !== undefined) expect(e.prev).toBe(model.events[i]!.prev);
    else if (model.compacted === 0) expect(model.events[i]!.prev).toBeUndefined();
  });
}

describe('KvStore against a naive model', () => {
  it('agrees on random command sequences', () => {
    const seeds = process.env.KV_SEED ? [Number(process.env.KV_SEED)] : Array.from({ length: 10 }, () => Math.floor(Math.random() * 2 ** 31));
    for (const seed of seeds) {
      try {
        runOnce(seed, 300);
      } catch (error) {
        console.error(`store model test failed with seed ${seed}: rerun with KV_SEED=${seed} npx vitest run src/store.model.test.ts`);
        throw error;
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { PENDING_WRITE_MS, collectedFromStore, convergedKey, planExports, withPendingWrites, type PendingWrites } from './exports.js';

const kv = (key: string, value: string, lease = 7) => ({ key, value, lease, createRevision: 1 });
const f2a = { kind: 'file' as const, name: 'f2a', spec: { name: 'f2a', path: '/tmp/a/f2a', content: 'x' } };

describe('planExports', () => {
  it('puts what is missing, and the converged flag once known', () => {
    expect(planExports('h1', [f2a], undefined, [], 7)).toEqual({ puts: [{ key: '/_mgmt/exported/h1/file/f2a', value: JSON.stringify(f2a.spec) }], deletes: [] });
    const plan = planExports('h1', [], true, [], 7);
    expect(plan.puts).toEqual([{ key: convergedKey('h1'), value: 'true' }]);
  });

  it('writes nothing when the store already holds the exports on this lease', () => {
    const stored = [kv('/_mgmt/exported/h1/file/f2a', JSON.stringify(f2a.spec)), kv(convergedKey('h1'), 'false')];
    expect(planExports('h1', [f2a], false, stored, 7)).toEqual({ puts: [], deletes: [] });
  });

  it('rewrites a key that differs or is held by another lease, and deletes exports no longer in the graph', () => {
    const stored = [
      kv('/_mgmt/exported/h1/file/f2a', JSON.stringify(f2a.spec), 3),
      kv('/_mgmt/exported/h1/file/old', '{}'),
      kv(convergedKey('h1'), 'false'),
      kv('/_mgmt/exported/h10/file/x', '{}'),
    ];
    const plan = planExports('h1', [f2a], true, stored, 7);
    expect(plan.puts.map((p) => p.key)).toEqual(['/_mgmt/exported/h1/file/f2a', convergedKey('h1')]);
    expect(plan.deletes).toEqual(['/_mgmt/exported/h1/file/old']);
  });
});

describe('collectedFromStore', () => {
  // Changed in issue 19: a host collects its own exports too (mgmt's collect asks every host, its own included).
  it("returns every host's exports, this host's included, and skips malformed keys and values that are not JSON", () => {
    const stored = [
      kv('/_mgmt/exported/h2/file/f2b', '{"name":"f2b"}'),
      kv('/_mgmt/exported/h1/file/f2a', '{"name":"f2a"}'),
      kv('/_mgmt/exported/h3/file/bad', 'not json'),
      kv('/_mgmt/exported/h3/file/', '{}'),
      kv('/_mgmt/exported/h3', '{}'),
      kv('/_mgmt/exported//file/x', '{}'),
      kv('/_mgmt/volunteers/h2', 'x'),
    ];
    expect(collectedFromStore(stored)).toEqual([
      { host: 'h1', kind: 'file', name: 'f2a', spec: { name: 'f2a' } },
      { host: 'h2', kind: 'file', name: 'f2b', spec: { name: 'f2b' } },
    ]);
  });
});

describe('withPendingWrites', () => {
  it('overlays own writes the watch has not reported yet, and forgets them once it has (or after a while)', () => {
    const pending: PendingWrites = { puts: new Map([['/_mgmt/converged/h1', { value: 'true', lease: 7, atMs: 1_000, revision: 0 }]]), deletes: new Map([['/_mgmt/exported/h1/file/old', { atMs: 1_000, revision: 0 }]]) };
    const stale = [kv(convergedKey('h1'), 'false'), kv('/_mgmt/exported/h1/file/old', '{}')];
    const seen = withPendingWrites(stale, pending, 1_500);
    expect(seen).toEqual([kv(convergedKey('h1'), 'true')]);
    expect(planExports('h1', [], true, seen, 7)).toEqual({ puts: [], deletes: [] });
    // The watch reports the put: the entry goes; a later deletion by a client is then seen (and repaired).
    withPendingWrites([kv(convergedKey('h1'), 'true')], pending, 1_600);
    expect(pending.puts.size).toBe(0);
    expect(withPendingWrites([], pending, 1_700)).toEqual([]);
    // A write never reported back stops counting after PENDING_WRITE_MS.
    pending.puts.set('/_mgmt/converged/h1', { value: 'true', lease: 7, atMs: 0, revision: 0 });
    expect(withPendingWrites(stale, pending, PENDING_WRITE_MS + 1)).toEqual(stale);
  });

  it('counts a write of known revision as in flight until the mirror reaches that revision, however long it takes', () => {
    const pending: PendingWrites = { puts: new Map([['/_mgmt/converged/h1', { value: 'true', lease: 7, atMs: 0, revision: 40 }]]), deletes: new Map([['/_mgmt/exported/h1/file/old', { atMs: 0, revision: 40 }]]) };
    const stale = [kv(convergedKey('h1'), 'false'), kv('/_mgmt/exported/h1/file/old', '{}')];
    // A watch lagging by a minute: still in flight.
    expect(withPendingWrites(stale, pending, 60_000, 39)).toEqual([kv(convergedKey('h1'), 'true')]);
    // The mirror passed the write and the keys are not as written: the plan sees the store as it is (and repairs it).
    expect(withPendingWrites(stale, pending, 60_000, 40)).toEqual(stale);
    expect(pending.puts.size + pending.deletes.size).toBe(0);
  });
});

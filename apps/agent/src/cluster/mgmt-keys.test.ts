/**
 * Proves the leader's decoded `/_mgmt/` keys (mgmt-keys.ts) say what a
 * range read of the store says, at every step of random writes, deletes,
 * compactions and snapshot restores, under every prefix the view reads;
 * and that a list is reused until its group changes.
 */
import { MGMT_PREFIX } from '@mgmt/cluster-fsm';
import { KvStore } from '@mgmt/kv';
import { mulberry32 } from '@mgmt/testkit';
import { describe, expect, it } from 'vitest';
import { MgmtKeys, storeKeys } from './mgmt-keys.js';

const enc = new TextEncoder();
const PREFIXES = [MGMT_PREFIX, '/_mgmt/volunteers/', '/_mgmt/status/', '/_mgmt/endpoints/', '/_mgmt/nominated/', '/_mgmt/zones/', '/_mgmt/exported/h1/'];
const KEYS = ['/_mgmt/idealClusterSize', '/_mgmt/clusterId', '/_mgmt/volunteers/h1', '/_mgmt/volunteers/h2', '/_mgmt/status/h1', '/_mgmt/status/h2', '/_mgmt/endpoints/h2', '/_mgmt/exported/h1/file/a', '/_mgmt/exported/h1/file/b', '/_mgmt/zonesX', '/other/key'];

/** A store with AgentState's restore hook, as the nominator runner gets it. */
function hooked(kv: KvStore) {
  const listeners = new Set<() => void>();
  return {
    onRestore: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    restore(from: KvStore) {
      kv.restore(from.snapshot());
      for (const fn of listeners) fn();
    },
  };
}

describe('MgmtKeys', () => {
  it('agrees with a range read of the store after random changes, compactions and restores', async () => {
    const seed = process.env.MGMT_KEYS_SEED ? Number(process.env.MGMT_KEYS_SEED) : Math.floor(Math.random() * 2 ** 31);
    const random = mulberry32(seed);
    const kv = new KvStore();
    const other = new KvStore();
    const hook = hooked(kv);
    const keys = new MgmtKeys(kv, hook.onRestore);
    try {
      for (let step = 0; step < 400; step++) {
        const roll = random();
        const key = KEYS[Math.floor(random() * KEYS.length)]!;
        if (roll < 0.55) kv.apply({ put: { key: enc.encode(key), value: enc.encode(`v${step}`) } });
        else if (roll < 0.75) kv.apply({ deleteRange: { key: enc.encode(key) } });
        else if (roll < 0.82) kv.apply({ deleteRange: { key: enc.encode('/_mgmt/'), rangeEnd: enc.encode('/_mgmt0') } });
        else if (roll < 0.9 && kv.revision > 1) kv.apply({ compaction: { revision: kv.revision } });
        else if (roll < 0.95) other.apply({ put: { key: enc.encode(key), value: enc.encode(`o${step}`) } });
        else hook.restore(other);
        // A compacted watch reloads in a microtask.
        await Promise.resolve();
        for (const prefix of PREFIXES) expect(keys.under(prefix), `seed ${seed} step ${step} prefix ${prefix}`).toEqual(storeKeys(kv).under(prefix));
      }
    } finally {
      keys.stop();
    }
  });

  it('keeps a group list until that group changes', () => {
    const kv = new KvStore();
    const keys = new MgmtKeys(kv, () => () => undefined);
    kv.apply({ put: { key: enc.encode('/_mgmt/volunteers/h1'), value: enc.encode('http://a:2380') } });
    const volunteers = keys.under('/_mgmt/volunteers/');
    const version = keys.version;
    kv.apply({ put: { key: enc.encode('/_mgmt/status/h1'), value: enc.encode('{}') } });
    expect(keys.under('/_mgmt/volunteers/')).toBe(volunteers);
    expect(keys.version).toBeGreaterThan(version);
    kv.apply({ put: { key: enc.encode('/_mgmt/volunteers/h0'), value: enc.encode('http://b:2380') } });
    expect(keys.under('/_mgmt/volunteers/').map((i) => i.key)).toEqual(['/_mgmt/volunteers/h0', '/_mgmt/volunteers/h1']);
    keys.stop();
  });
});

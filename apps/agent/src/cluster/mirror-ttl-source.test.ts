// The TTL a fleet wants, from the agent's mirror: the first grant waits for
// the mirror's first read (or a bound), and the hosts are counted anew only
// when the mirror changed.
import { describe, expect, it } from 'vitest';
import type { KeyValue } from './cluster-client.js';
import type { MgmtMirror } from '../observe/mgmt-mirror.js';
import { EMPTY_MIRROR } from '../observe/mgmt-mirror.js';
import { MirrorTtlSource } from './mirror-ttl-source.js';

function mirrorOf(hosts: number, revision = 1): MgmtMirror {
  const kvs = new Map<string, KeyValue>();
  for (let i = 0; i < hosts; i++) {
    const key = `/_mgmt/volunteers/h${i}`;
    kvs.set(key, { key, value: 'x', lease: 1, createRevision: 1 });
  }
  return { revision, kvs };
}

describe('MirrorTtlSource', () => {
  it('wants 5 s for an empty mirror and scales with the hosts it shows', () => {
    let mirror = EMPTY_MIRROR;
    const source = new MirrorTtlSource(() => mirror, 5_000, 0);
    expect(source.want()).toBe(5);
    mirror = mirrorOf(1_000);
    expect(source.want()).toBe(30);
    mirror = mirrorOf(500);
    expect(source.want()).toBe(15);
    // A move goes to a fleet's twice as large (it is likely still growing).
    mirror = mirrorOf(400);
    expect([source.want(), source.ahead()]).toEqual([12, 24]);
  });

  it('counts the first read at once, then again at most every recount interval', () => {
    let mirror = EMPTY_MIRROR;
    const source = new MirrorTtlSource(() => mirror, 5_000, 60_000);
    expect(source.hosts()).toBe(0);
    mirror = mirrorOf(1_000);
    expect(source.hosts()).toBe(1_000);
    mirror = mirrorOf(10);
    expect(source.hosts()).toBe(1_000);
  });

  it('is known once the watch delivered its first read', async () => {
    let mirror = EMPTY_MIRROR;
    const source = new MirrorTtlSource(() => mirror, 60_000);
    let known = false;
    void source.known().then((read) => (known = read));
    source.noteBatch(); // revision 0: not a read yet
    await new Promise((r) => setImmediate(r));
    expect(known).toBe(false);
    mirror = mirrorOf(3);
    source.noteBatch();
    await new Promise((r) => setImmediate(r));
    expect(known).toBe(true);
  });

  it('is known after the wait when the mirror is never read', async () => {
    const source = new MirrorTtlSource(() => EMPTY_MIRROR, 10);
    await expect(source.known()).resolves.toBe(false);
  });
});

// The TTL a fleet wants, from the agent's mirror: the first grant waits for
// the mirror's first read (or a bound), and the hosts are counted from the
// keys each watch batch changed.
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

/** A source fed as the agent feeds it: each batch's mirror and changed keys. */
function fed() {
  let mirror: MgmtMirror = EMPTY_MIRROR;
  const source = new MirrorTtlSource(() => mirror, 5_000);
  const show = (next: MgmtMirror) => {
    const changed = new Set([...mirror.kvs.keys(), ...next.kvs.keys()]);
    mirror = next;
    source.noteBatch([...changed]);
  };
  return { source, show };
}

describe('MirrorTtlSource', () => {
  it('wants 5 s for an empty mirror and scales with the hosts it shows', () => {
    const { source, show } = fed();
    expect(source.want()).toBe(5);
    show(mirrorOf(1_000));
    expect(source.want()).toBe(30);
    show(mirrorOf(500));
    expect(source.want()).toBe(15);
    // A move goes to a fleet's twice as large (it is likely still growing).
    show(mirrorOf(400));
    expect([source.want(), source.ahead()]).toEqual([12, 24]);
  });

  it('counts a host once whether it shows a status, a volunteer key or both, until both are gone', () => {
    const { source, show } = fed();
    const both = mirrorOf(3);
    const kvs = new Map(both.kvs);
    for (const h of ['h0', 'h7']) kvs.set(`/_mgmt/status/${h}`, { key: `/_mgmt/status/${h}`, value: '{}', lease: 1, createRevision: 2 });
    kvs.set('/_mgmt/idealClusterSize', { key: '/_mgmt/idealClusterSize', value: '3', lease: 0, createRevision: 2 });
    show({ revision: 2, kvs });
    expect(source.hosts()).toBe(4);
    const less = new Map(kvs);
    less.delete('/_mgmt/volunteers/h0');
    less.delete('/_mgmt/status/h7');
    show({ revision: 3, kvs: less });
    expect(source.hosts()).toBe(3);
    // A batch that names a key it did not change counts nothing twice.
    source.noteBatch(['/_mgmt/status/h0', '/_mgmt/volunteers/h1']);
    expect(source.hosts()).toBe(3);
  });

  it('is known once the watch delivered its first read', async () => {
    let mirror = EMPTY_MIRROR;
    const source = new MirrorTtlSource(() => mirror, 60_000);
    let known = false;
    void source.known().then((read) => (known = read));
    source.noteBatch([]); // revision 0: not a read yet
    await new Promise((r) => setImmediate(r));
    expect(known).toBe(false);
    mirror = mirrorOf(3);
    source.noteBatch([...mirror.kvs.keys()]);
    await new Promise((r) => setImmediate(r));
    expect(known).toBe(true);
  });

  it('is known after the wait when the mirror is never read', async () => {
    const source = new MirrorTtlSource(() => EMPTY_MIRROR, 10);
    await expect(source.known()).resolves.toBe(false);
  });
});

/**
 * Proves the pure repair rules, store contents in and repairs out: an agent
 * puts back its own volunteer/endpoint/status keys when a client deleted or
 * changed them (or revoked their lease), but leaves a volunteer key held by
 * another live lease to the duplicate-hostname rule; the leader re-writes
 * `nominated/<member>` for every member of the configuration, the last
 * valid `idealClusterSize` and the `clusterId`, and warns about a
 * nomination of a host that never volunteered; a repair happens only when
 * two reads in a row ask for it; a member stays nominated without its key;
 * each hostile value is warned about once.
 */
import { isNominated } from '@mgmt/cluster-fsm';
import { describe, expect, it } from 'vitest';
import type { KeyValue } from './cluster-client.js';
import { planLeaderRepairs } from './leader-repairs.js';
import { planOwnKeyRepairs, type OwnedKey } from './own-keys.js';
import { confirmRepairs } from './repair-confirm.js';
import { WarnOnce } from './warn-once.js';

const kv = (key: string, value: string, lease = 7): KeyValue => ({ key, value, lease, createRevision: 1 });

describe('planOwnKeyRepairs', () => {
  const want: OwnedKey[] = [
    { key: '/_mgmt/volunteers/h1', value: 'http://127.0.0.1:2380', onlyIfOurs: true },
    { key: '/_mgmt/endpoints/h1', value: 'http://127.0.0.1:2379' },
    { key: '/_mgmt/status/h1', value: '{"state":"peer.running"}' },
  ];
  const healthy = want.map((w) => kv(w.key, w.value));

  it('asks for nothing while every key is as written', () => {
    expect(planOwnKeyRepairs(want, healthy, 7)).toEqual([]);
  });

  it('puts back every key after `del --prefix /`', () => {
    expect(planOwnKeyRepairs(want, [], 7).map((r) => [r.key, r.why])).toEqual(want.map((w) => [w.key, 'it was deleted']));
  });

  it('puts back a value a client changed, and a key re-written without a lease', () => {
    const stored = [kv(want[0]!.key, 'garbage'), kv(want[1]!.key, want[1]!.value, 0), healthy[2]!];
    expect(planOwnKeyRepairs(want, stored, 7).map((r) => [r.key, r.value, r.why])).toEqual([
      [want[0]!.key, want[0]!.value, 'its value was changed'],
      [want[1]!.key, want[1]!.value, 'it was re-written without a lease'],
    ]);
  });

  it('after a revoked lease (its keys went with it; id 0 until a new one is granted) puts every key back', () => {
    expect(planOwnKeyRepairs(want, [], 0)).toHaveLength(3);
  });

  it('takes an older version of a value it accepts (a status a moment old is no damage)', () => {
    const status: OwnedKey = { key: '/_mgmt/status/h1', value: '{"hostname":"h1","commit":9}', accepts: (v) => v.includes('"hostname":"h1"') };
    expect(planOwnKeyRepairs([status], [kv(status.key, '{"hostname":"h1","commit":8}')], 7)).toEqual([]);
    expect(planOwnKeyRepairs([status], [kv(status.key, 'garbage')], 7)).toHaveLength(1);
  });

  it('leaves a volunteer key held by another live lease alone (a duplicate hostname, or the previous run)', () => {
    const stored = [kv(want[0]!.key, 'http://10.0.0.9:2380', 99), ...healthy.slice(1)];
    expect(planOwnKeyRepairs(want, stored, 7)).toEqual([]);
  });
});

describe('planLeaderRepairs', () => {
  const members = [
    { name: 'h1', peerUrls: ['http://127.0.0.1:1'] },
    { name: 'h2', peerUrls: ['http://127.0.0.1:2'] },
  ];
  const good = [
    kv('/_mgmt/nominated/h1', 'http://127.0.0.1:1', 0),
    kv('/_mgmt/nominated/h2', 'http://127.0.0.1:2', 0),
    kv('/_mgmt/idealClusterSize', '3', 0),
    kv('/_mgmt/clusterId', 'abc', 0),
    kv('/_mgmt/volunteers/h3', 'http://127.0.0.1:3'),
    kv('/_mgmt/nominated/h3', 'http://127.0.0.1:3', 0),
  ];

  it('asks for nothing on a healthy store (a pending nominee is no concern of the repairs)', () => {
    expect(planLeaderRepairs({ stored: good, members, idealClusterSize: 3, clusterId: 'abc' })).toEqual({ puts: [], warnings: [] });
  });

  it('re-writes everything the leader owns after `del --prefix /`', () => {
    const plan = planLeaderRepairs({ stored: [], members, idealClusterSize: 3, clusterId: 'abc' });
    expect(plan.puts.map((p) => [p.key, p.value])).toEqual([
      ['/_mgmt/nominated/h1', 'http://127.0.0.1:1'],
      ['/_mgmt/nominated/h2', 'http://127.0.0.1:2'],
      ['/_mgmt/idealClusterSize', '3'],
      ['/_mgmt/clusterId', 'abc'],
    ]);
  });

  it.each(['0', '-2', '2.5', '100000', 'x'.repeat(1 << 20)])('replaces idealClusterSize %# with the last valid size', (value) => {
    const stored = good.map((k) => (k.key === '/_mgmt/idealClusterSize' ? kv(k.key, value, 0) : k));
    const plan = planLeaderRepairs({ stored, members, idealClusterSize: 3, clusterId: 'abc' });
    expect(plan.puts.map((p) => [p.key, p.value])).toEqual([['/_mgmt/idealClusterSize', '3']]);
    expect(plan.puts[0]!.why.length).toBeLessThan(200);
  });

  it('keeps an idealClusterSize of 1: that is an operator decision', () => {
    const stored = good.map((k) => (k.key === '/_mgmt/idealClusterSize' ? kv(k.key, '1', 0) : k));
    expect(planLeaderRepairs({ stored, members, idealClusterSize: 1, clusterId: 'abc' }).puts).toEqual([]);
  });

  it('repairs a changed nomination record and cluster id', () => {
    const stored = good.map((k) => (k.key === '/_mgmt/nominated/h2' ? kv(k.key, 'garbage', 0) : k.key === '/_mgmt/clusterId' ? kv(k.key, 'fff', 0) : k));
    expect(planLeaderRepairs({ stored, members, idealClusterSize: 3, clusterId: 'abc' }).puts.map((p) => p.key)).toEqual(['/_mgmt/nominated/h2', '/_mgmt/clusterId']);
  });

  it('warns about a nomination of a host that never volunteered and is not a member', () => {
    const plan = planLeaderRepairs({ stored: [...good, kv('/_mgmt/nominated/ghost', 'http://10.9.9.9:1', 0)], members, idealClusterSize: 3, clusterId: 'abc' });
    expect(plan.puts).toEqual([]);
    expect(plan.warnings).toEqual([{ key: '/_mgmt/nominated/ghost', problem: expect.stringContaining('ghost does not volunteer and is not a member') }]);
  });
});

describe('confirmRepairs', () => {
  it('confirms only what two reads in a row found wrong', () => {
    const first = confirmRepairs([{ key: 'a' }, { key: 'b' }], new Set());
    expect(first.confirmed).toEqual([]);
    const second = confirmRepairs([{ key: 'b' }], first.suspects);
    expect(second.confirmed).toEqual([{ key: 'b' }]);
    expect(confirmRepairs([], second.suspects)).toEqual({ confirmed: [], suspects: new Set() });
  });
});

describe('isNominated', () => {
  it('a member is nominated without its key; a non-member only with it; never without owning the hostname', () => {
    expect(isNominated({ ownsHostname: true, keyPresent: false, isMember: true })).toBe(true);
    expect(isNominated({ ownsHostname: true, keyPresent: true, isMember: false })).toBe(true);
    expect(isNominated({ ownsHostname: true, keyPresent: false, isMember: false })).toBe(false);
    expect(isNominated({ ownsHostname: false, keyPresent: true, isMember: false })).toBe(false);
  });
});

describe('WarnOnce', () => {
  it('warns once per key and value, and again after the key was good for a while', () => {
    const lines: string[] = [];
    const w = new WarnOnce((key, problem) => lines.push(`${key}: ${problem}`));
    w.report([{ key: 'k', problem: 'bad 1' }]);
    w.report([{ key: 'k', problem: 'bad 1' }]);
    w.report([{ key: 'k', problem: 'bad 2' }]);
    w.report([]);
    w.report([{ key: 'k', problem: 'bad 2' }]);
    expect(lines).toEqual(['k: bad 1', 'k: bad 2', 'k: bad 2']);
  });
});

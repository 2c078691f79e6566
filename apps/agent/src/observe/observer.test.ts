// Proves the agent's observation without processes: the mirror a watch
// keeps (full read, events, a resume that repeats events, a compaction's
// full re-read) and the lifecycle events an observation of it produces
// (nomination, the cluster observed with voters from the local member or the
// leader's members record, promotion once).
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../cluster/cluster-client.js';
import { EMPTY_MIRROR, applyWatchBatch, type MgmtMirror } from './mgmt-mirror.js';
import { MEMBERS_KEY, encodeMembersRecord, parseMembersRecord } from './members-record.js';
import { isPromptKey, observe, type ObservationInput } from './observer.js';

const kv = (key: string, value: string, modRevision: number, lease = 0): KeyValue => ({ key, value, lease, createRevision: modRevision, modRevision });

describe('the /_mgmt/ mirror', () => {
  // Events update the mirror's map in place: each test starts from a fresh full read.
  let start = fresh();
  function fresh() {
    return applyWatchBatch(EMPTY_MIRROR, { kind: 'snapshot', revision: 10, kvs: [kv('/_mgmt/a', '1', 5), kv('/_mgmt/b', '2', 9)] });
  }
  beforeEach(() => {
    start = fresh();
  });

  it('never changes the empty mirror it starts from', () => {
    applyWatchBatch(EMPTY_MIRROR, { kind: 'events', revision: 3, events: [{ type: 'put', kv: kv('/_mgmt/x', '1', 3) }] });
    expect(EMPTY_MIRROR.kvs.size).toBe(0);
  });

  it('starts from a full read at its revision', () => {
    expect(start.mirror.revision).toBe(10);
    expect([...start.mirror.kvs.keys()]).toEqual(['/_mgmt/a', '/_mgmt/b']);
    expect(start.changed.sort()).toEqual(['/_mgmt/a', '/_mgmt/b']);
  });

  it('applies puts and deletes after its revision and reports what changed', () => {
    const r = applyWatchBatch(start.mirror, { kind: 'events', revision: 12, events: [{ type: 'put', kv: kv('/_mgmt/c', '3', 11) }, { type: 'delete', kv: kv('/_mgmt/a', '', 12) }] });
    expect(r.mirror.revision).toBe(12);
    expect([...r.mirror.kvs.keys()].sort()).toEqual(['/_mgmt/b', '/_mgmt/c']);
    expect(r.changed.sort()).toEqual(['/_mgmt/a', '/_mgmt/c']);
  });

  it('skips events a resumed watch repeats (at or below the revision it holds)', () => {
    const once = applyWatchBatch(start.mirror, { kind: 'events', revision: 11, events: [{ type: 'put', kv: kv('/_mgmt/a', 'new', 11) }] }).mirror;
    const again = applyWatchBatch(once, { kind: 'events', revision: 11, events: [{ type: 'put', kv: kv('/_mgmt/a', 'new', 11) }, { type: 'delete', kv: kv('/_mgmt/b', '', 10) }] });
    expect(again.changed).toEqual([]);
    expect(again.mirror.kvs.get('/_mgmt/b')?.value).toBe('2');
  });

  it('replaces everything on a full read after a compaction, reporting keys gone meanwhile', () => {
    const r = applyWatchBatch(start.mirror, { kind: 'snapshot', revision: 40, kvs: [kv('/_mgmt/b', '2', 9)] });
    expect(r.changed).toEqual(['/_mgmt/a']);
    expect(r.mirror.revision).toBe(40);
  });
});

describe('an observation', () => {
  const mirror = (kvs: KeyValue[]): MgmtMirror => applyWatchBatch(EMPTY_MIRROR, { kind: 'snapshot', revision: 100, kvs }).mirror;
  const base = (over: Partial<ObservationInput>): ObservationInput => ({
    hostname: 'h2',
    kvs: [],
    ownsHostname: true,
    isMember: false,
    nominatedBefore: false,
    localVoters: undefined,
    idealClusterSize: 3,
    promotedUnsent: false,
    ...over,
  });
  const record = encodeMembersRecord([
    { id: 1, name: 'h1', isLearner: false },
    { id: 2, name: 'h3', isLearner: true },
  ]);

  it('turns this host nominated when its nominated key appears, with the voters and learners the members record lists', () => {
    const kvs = mirror([kv('/_mgmt/nominated/h2', 'http://b:2380', 3), kv(MEMBERS_KEY, record, 4), kv('/_mgmt/endpoints/h1', 'http://a:2379', 5), kv('/_mgmt/volunteers/h4', 'http://d:2380', 6)]).kvs.values();
    const o = observe(base({ kvs }));
    expect(o.nominated).toBe(true);
    expect(o.events).toEqual([
      { type: 'nomination.received' },
      { type: 'cluster.observed', voters: 1, idealClusterSize: 3, endpoints: ['http://a:2379'], otherVolunteers: 1, learners: 1 },
    ]);
    expect(o.endpoints).toEqual(['http://a:2379']);
  });

  it('revokes a nomination whose key vanished from a host that is not a member, but never from a member', () => {
    expect(observe(base({ nominatedBefore: true })).events).toEqual([{ type: 'nomination.revoked' }]);
    expect(observe(base({ nominatedBefore: true, isMember: true, localVoters: 3, localLearners: 1 })).events).toEqual([
      { type: 'cluster.observed', voters: 3, idealClusterSize: 3, endpoints: [], otherVolunteers: 0, learners: 1 },
    ]);
  });

  it('does not observe the cluster while no voter count is known (no local member, no record)', () => {
    expect(observe(base({ kvs: [kv(MEMBERS_KEY, 'not json', 2)] })).voters).toBeUndefined();
  });

  it('reaches the cluster also through the client URLs the members record keeps for members whose endpoint key is gone', () => {
    const withUrls = encodeMembersRecord(
      [
        { id: 1, name: 'h1', isLearner: false },
        { id: 2, name: 'h2', isLearner: false },
      ],
      new Map([
        ['h1', ['http://a:2379']],
        ['h2', ['http://b:2379']],
      ]),
    );
    const kvs = [kv(MEMBERS_KEY, withUrls, 4), kv('/_mgmt/endpoints/h1', 'http://a:2379', 5)];
    expect(observe(base({ kvs })).endpoints).toEqual(['http://a:2379', 'http://b:2379']);
  });

  it('tells of a promotion once asked to', () => {
    expect(observe(base({ isMember: true, localVoters: 2, promotedUnsent: true })).events.map((e) => e.type)).toEqual(['nomination.received', 'cluster.observed', 'member.promoted']);
  });

  it('only acts on a nominated key when this agent holds the host name', () => {
    expect(observe(base({ ownsHostname: false, kvs: [kv('/_mgmt/nominated/h2', 'http://b:2380', 3)] })).nominated).toBe(false);
  });
});

describe('the members record', () => {
  it('round-trips, sorted by id, and refuses what a leader did not write', () => {
    const text = encodeMembersRecord([
      { id: 255, name: 'b', isLearner: false },
      { id: 16, name: 'a', isLearner: true },
    ]);
    expect(parseMembersRecord(text)).toEqual([
      { name: 'a', id: '10', learner: true },
      { name: 'b', id: 'ff', learner: false },
    ]);
    expect(parseMembersRecord(encodeMembersRecord([{ id: 1, name: 'a', isLearner: false }], new Map([['a', ['http://10.0.0.1:2379']]])))).toEqual([
      { name: 'a', id: '1', learner: false, clientUrls: ['http://10.0.0.1:2379'] },
    ]);
    expect(parseMembersRecord('[{"name":"a","id":"1","learner":false,"clientUrls":["not a url"]}]')).toBeUndefined();
    expect(parseMembersRecord('[{"name":"a","id":"1","learner":false,"clientUrls":"http://a:1"}]')).toBeUndefined();
    expect(parseMembersRecord('[]')).toBeUndefined();
    expect(parseMembersRecord('[{"name":"a","id":"xyz","learner":false}]')).toBeUndefined();
    expect(parseMembersRecord('{"name":"a"}')).toBeUndefined();
    expect(parseMembersRecord(undefined)).toBeUndefined();
  });
});

describe('which changes are observed at once', () => {
  it('all control keys for a peer; for a host without a member, only its nomination, the members record, the ideal size and the cluster id', () => {
    expect(isPromptKey('/_mgmt/volunteers/h9', 'h1', true)).toBe(true);
    expect(isPromptKey('/_mgmt/volunteers/h9', 'h1', false)).toBe(false);
    expect(isPromptKey('/_mgmt/endpoints/h9', 'h1', false)).toBe(false);
    for (const key of ['/_mgmt/nominated/h1', MEMBERS_KEY, '/_mgmt/idealClusterSize', '/_mgmt/clusterId']) expect(isPromptKey(key, 'h1', false)).toBe(true);
    expect(isPromptKey('/_mgmt/nominated/h2', 'h1', false)).toBe(false);
  });
});

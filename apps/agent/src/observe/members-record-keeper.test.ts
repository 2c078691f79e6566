/**
 * Proves the leader's members record keeps each member's client URLs: taken
 * from its endpoint key, kept once that leased key is gone (its agent's
 * lease expired), and dropped when the member leaves the configuration.
 */
import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../cluster/cluster-client.js';
import { createLogger } from '../log.js';
import { MembersRecordKeeper } from './members-record-keeper.js';
import { MEMBERS_KEY, parseMembersRecord } from './members-record.js';

const kv = (key: string, value: string): [string, KeyValue] => [key, { key, value, lease: 1, createRevision: 1 }];

describe('MembersRecordKeeper', () => {
  it('records client URLs and keeps them after the endpoint key is gone, until the member leaves', async () => {
    const written: string[] = [];
    const keeper = new MembersRecordKeeper(async (key, value) => {
      expect(key).toBe(MEMBERS_KEY);
      written.push(value);
    }, createLogger('test', 'silent'));
    const two = [
      { id: 1, name: 'h1', isLearner: false },
      { id: 2, name: 'h2', isLearner: false },
    ];
    await keeper.onTick(two, new Map([kv('/_mgmt/endpoints/h1', 'http://a:2379'), kv('/_mgmt/endpoints/h2', 'http://b:2379')]));
    await keeper.onTick(two, new Map([kv('/_mgmt/endpoints/h1', 'http://a:2379')]));
    expect(parseMembersRecord(written.at(-1))?.map((m) => m.clientUrls)).toEqual([['http://a:2379'], ['http://b:2379']]);
    await keeper.onTick([two[0]!], new Map([kv('/_mgmt/endpoints/h1', 'http://a:2379')]));
    expect(parseMembersRecord(written.at(-1))).toEqual([{ name: 'h1', id: '1', learner: false, clientUrls: ['http://a:2379'] }]);
    expect(written).toHaveLength(2);
  });

  it('records a member a client added (no name until it starts) without reading an endpoint key for it', async () => {
    const written: string[] = [];
    const keeper = new MembersRecordKeeper(async (_key, value) => void written.push(value), createLogger('test', 'silent'));
    const members = [
      { id: 1, name: 'h1', isLearner: false },
      { id: 2, name: '', isLearner: false },
    ];
    await keeper.onTick(members, new Map([kv('/_mgmt/endpoints/h1', 'http://a:2379')]));
    expect(parseMembersRecord(written.at(-1))?.map((m) => [m.name, m.clientUrls])).toEqual([
      ['h1', ['http://a:2379']],
      ['', undefined],
    ]);
  });
});

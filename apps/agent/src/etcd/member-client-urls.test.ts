/**
 * Proves a member's client URLs are found after its leased endpoint key is
 * gone: from the leader's members record, else from the last ones seen.
 */
import { KvStore } from '@mgmt/kv';
import { describe, expect, it } from 'vitest';
import { encodeMembersRecord } from '../observe/members-record.js';
import { MemberClientUrls } from './member-client-urls.js';

const enc = new TextEncoder();
const put = (kv: KvStore, key: string, value: string) => kv.apply({ put: { key: enc.encode(key), value: enc.encode(value) } });
const del = (kv: KvStore, key: string) => kv.apply({ deleteRange: { key: enc.encode(key) } });

describe('MemberClientUrls', () => {
  it('reads the endpoint key, then the members record, then the last URLs seen', () => {
    const kv = new KvStore();
    const urls = new MemberClientUrls(kv);
    expect(urls.of('h2')).toEqual([]);
    put(kv, '/_mgmt/endpoints/h2', 'http://10.0.0.2:2379');
    expect(urls.of('h2')).toEqual(['http://10.0.0.2:2379']);
    del(kv, '/_mgmt/endpoints/h2');
    put(kv, '/_mgmt/members', encodeMembersRecord([{ id: 2, name: 'h2', isLearner: false }], new Map([['h2', ['http://10.0.0.9:2379']]])));
    expect(urls.of('h2')).toEqual(['http://10.0.0.9:2379']);
    del(kv, '/_mgmt/members');
    expect(urls.of('h2')).toEqual(['http://10.0.0.9:2379']);
    urls.retain(new Set(['h1']));
    expect(urls.of('h2')).toEqual([]);
  });
});

// The kept answer of a large plain read is given again only while the
// store, its revision and the header are those it was read under; reads
// with a revision, limit, sort, bounds, keys-only or count-only are never
// kept, nor small or huge answers, and at most a few answers are held.
import { describe, expect, it } from 'vitest';
import type { RangeRequest } from '../types.js';
import { MAX_BYTES, MIN_KEYS, plainReadKey, RangeAnswerCache } from './range-answer-cache.js';
import { EncodedRangeResponse } from './range-encoding.js';

const enc = new TextEncoder();
const req = (extra: Partial<RangeRequest> = {}): RangeRequest => ({ key: enc.encode('/_mgmt/'), rangeEnd: enc.encode('/_mgmt0'), ...extra });
const header = { clusterId: 1, memberId: 2, raftTerm: 3, revision: 10 };
const answer = (n = 1) => new EncodedRangeResponse(new Uint8Array(n));

describe('plainReadKey', () => {
  it('keys a plain read by its range, serializable or not', () => {
    expect(plainReadKey(req())).toBe(plainReadKey(req({ serializable: true })));
    expect(plainReadKey(req())).not.toBe(plainReadKey(req({ rangeEnd: enc.encode('/_mgmt1') })));
    expect(plainReadKey({ key: enc.encode('/a') })).toBeDefined();
  });

  it('keeps nothing for a read that asks for anything more', () => {
    for (const extra of [{ revision: 5 }, { limit: 1 }, { sortOrder: 1 }, { sortTarget: 2 }, { keysOnly: true }, { countOnly: true }, { minModRevision: 1 }, { maxModRevision: 1 }, { minCreateRevision: 1 }, { maxCreateRevision: 1 }] as Array<Partial<RangeRequest>>) {
      expect(plainReadKey(req(extra))).toBeUndefined();
    }
  });
});

describe('RangeAnswerCache', () => {
  const store = {};

  it('gives the answer again at the same revision, store and header only', () => {
    const cache = new RangeAnswerCache();
    const a = answer();
    cache.set('k', store, 10, header, MIN_KEYS, a);
    expect(cache.get('k', store, 10, header)).toBe(a);
    expect(cache.get('k', {}, 10, header)).toBeUndefined();
    cache.set('k', store, 10, header, MIN_KEYS, a);
    expect(cache.get('k', store, 10, { ...header, raftTerm: 4 })).toBeUndefined();
    cache.set('k', store, 10, header, MIN_KEYS, a);
    expect(cache.get('k', store, 11, header)).toBeUndefined();
    // A stale entry is dropped, not kept for a later match.
    expect(cache.get('k', store, 10, header)).toBeUndefined();
    expect(cache.hits).toBe(1);
  });

  it('keeps neither small nor huge answers, and at most four', () => {
    const cache = new RangeAnswerCache();
    cache.set('small', store, 10, header, MIN_KEYS - 1, answer());
    cache.set('huge', store, 10, header, MIN_KEYS, answer(MAX_BYTES + 1));
    expect(cache.get('small', store, 10, header)).toBeUndefined();
    expect(cache.get('huge', store, 10, header)).toBeUndefined();
    for (const k of ['a', 'b', 'c', 'd', 'e']) cache.set(k, store, 10, header, MIN_KEYS, answer());
    expect(cache.get('a', store, 10, header)).toBeUndefined();
    for (const k of ['b', 'c', 'd', 'e']) expect(cache.get(k, store, 10, header)).toBeDefined();
  });
});

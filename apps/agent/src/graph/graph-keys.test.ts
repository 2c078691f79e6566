// The graph's keys kept from the watch's changes: for random changes of a
// mirror, what the graph is handed equals the mirror filtered to the
// exports of the collected kinds and the host's own exports and converged
// flag (the seed is printed on a failure).
import { mulberry32 } from '@mgmt/testkit';
import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../cluster/cluster-client.js';
import { GraphKeys } from './graph-keys.js';

const KEYS = [
  '/_mgmt/exported/h1/file/a',
  '/_mgmt/exported/h1/noop/n',
  '/_mgmt/exported/h2/file/b',
  '/_mgmt/exported/h2/file/c/d',
  '/_mgmt/exported/h3/noop/x',
  '/_mgmt/exported/h3/bad',
  '/_mgmt/converged/h1',
  '/_mgmt/converged/h2',
  '/_mgmt/status/h1',
  '/_mgmt/volunteers/h2',
];

const byKey = (a: KeyValue, b: KeyValue) => (a.key < b.key ? -1 : 1);

describe('GraphKeys', () => {
  it('hands the graph what a filter of the whole mirror would', () => {
    const seed = process.env.GRAPH_KEYS_SEED ? Number(process.env.GRAPH_KEYS_SEED) : Math.floor(Math.random() * 2 ** 31);
    const random = mulberry32(seed);
    const kvs = new Map<string, KeyValue>();
    const g = new GraphKeys('h1');
    const kinds = new Set(['file']);
    for (let step = 0; step < 500; step++) {
      const changed: string[] = [];
      for (let n = Math.floor(random() * 3); n >= 0; n--) {
        const key = KEYS[Math.floor(random() * KEYS.length)]!;
        if (random() < 0.6) kvs.set(key, { key, value: `v${step}`, lease: 1, createRevision: step });
        else kvs.delete(key);
        changed.push(key);
      }
      g.update(changed, kvs);
      const want = [...kvs.values()].filter(
        (kv) => kv.key === '/_mgmt/converged/h1' || kv.key.startsWith('/_mgmt/exported/h1/') || /^\/_mgmt\/exported\/[^/]+\/file\/./.test(kv.key),
      );
      expect(g.forGraph(kinds).sort(byKey), `seed ${seed} step ${step}`).toEqual(want.sort(byKey));
    }
  });
});

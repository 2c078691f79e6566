/**
 * Proves the pieces that keep one cluster one cluster, without processes:
 * the cluster record (validated, merged, written atomically, never of two
 * clusters), the `--bootstrap-expect` decision (a seed with a cluster always
 * wins; only the agreed lowest host bootstraps), the Hello bodies (bad input
 * refused), and the server-side guard against another cluster's callers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isForeignCluster } from '@mgmt/kv';
import { afterEach, describe, expect, it } from 'vitest';
import { decideBootstrap, designatedSeed, type SeedAnswer } from '../src/cluster/bootstrap-expect.js';
import { headerClusterId } from '../src/cluster/cluster-client.js';
import {
  CLUSTER_RECORD_FILE,
  ClusterRecordError,
  mergeClusterRecord,
  readClusterRecord,
  sameClusterRecord,
  writeClusterRecord,
} from '../src/cluster/cluster-record.js';
import { HelloDecodeError, decodeHelloAnswer, decodeHelloRequest } from '../src/cluster/hello.js';
import { tempDir } from './helpers.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function dir(): string {
  const d = tempDir('mgmt-record-');
  dirs.push(d);
  return d.dir;
}

describe('cluster record', () => {
  it('is written atomically and read back; absent is undefined', () => {
    const d = dir();
    expect(readClusterRecord(d)).toBeUndefined();
    const r = mergeClusterRecord(undefined, { clusterId: 'abc123', hostname: 'h1', memberId: 7, endpoints: ['http://10.0.0.2:2379'] });
    writeClusterRecord(d, r);
    expect(readClusterRecord(d)).toEqual(r);
    expect(fs.readdirSync(d)).toEqual([CLUSTER_RECORD_FILE]);
    expect(fs.statSync(path.join(d, CLUSTER_RECORD_FILE)).mode & 0o777).toBe(0o600);
  });

  it('keeps every member id of this host and the latest known endpoints', () => {
    let r = mergeClusterRecord(undefined, { clusterId: 'c1', hostname: 'h1', memberId: 1 });
    r = mergeClusterRecord(r, { clusterId: 'c1', hostname: 'h1', endpoints: ['http://a:2379', 'http://b:2379'] });
    r = mergeClusterRecord(r, { clusterId: 'c1', hostname: 'h1', memberId: 2, endpoints: [] });
    expect(r).toEqual({ clusterId: 'c1', hostname: 'h1', memberIds: [1, 2], endpoints: ['http://a:2379', 'http://b:2379'] });
    // The same endpoints in another order are the same record (no write).
    expect(sameClusterRecord(r, mergeClusterRecord(r, { clusterId: 'c1', hostname: 'h1', endpoints: ['http://b:2379', 'http://a:2379'] }))).toBe(true);
  });

  it('never merges two clusters', () => {
    const r = mergeClusterRecord(undefined, { clusterId: 'c1', hostname: 'h1' });
    expect(() => mergeClusterRecord(r, { clusterId: 'c2', hostname: 'h1' })).toThrow(/belongs to cluster c1, not c2/);
  });

  it.each([
    ['not JSON', '{"clusterId": '],
    ['not an object', '[]'],
    ['a bad cluster id', '{"clusterId":"zz","hostname":"h1","memberIds":[],"endpoints":[]}'],
    ['bad member ids', '{"clusterId":"c1","hostname":"h1","memberIds":[-1],"endpoints":[]}'],
    ['endpoints that are not URLs', '{"clusterId":"c1","hostname":"h1","memberIds":[1],"endpoints":["rm -rf /"]}'],
  ])('refuses a file with %s, naming the file', (_what, text) => {
    const d = dir();
    fs.writeFileSync(path.join(d, CLUSTER_RECORD_FILE), text);
    expect(() => readClusterRecord(d)).toThrow(ClusterRecordError);
    expect(() => readClusterRecord(d)).toThrow(CLUSTER_RECORD_FILE);
  });

  it('refuses a file of megabytes without reading it', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, CLUSTER_RECORD_FILE), 'x'.repeat(2 * 1024 * 1024));
    expect(() => readClusterRecord(d)).toThrow(/larger than a cluster record/);
  });
});

const waiting = (seed: string, hostname: string): SeedAnswer => ({ seed, answer: { hostname, member: false, endpoints: [] } });
const SEEDS = ['http://10.0.0.3:2379', 'http://10.0.0.1:2379', 'http://10.0.0.2:2379'];

describe('--bootstrap-expect decision', () => {
  it('waits until N hosts answer', () => {
    const d = decideBootstrap({ hostname: 'a', expect: 3, seeds: SEEDS, answers: [waiting(SEEDS[1]!, 'a'), waiting(SEEDS[2]!, 'b')] });
    expect(d).toEqual({ kind: 'wait', reason: 'waiting for 3 hosts to answer, 2 do (a, b)' });
  });

  it('only the host at the first seed in sorted order bootstraps, whatever the names', () => {
    // 10.0.0.1 sorts first: the host there (named "z") is the only one that may start the cluster.
    const answers = [waiting('http://10.0.0.1:2379', 'z'), waiting('http://10.0.0.2:2379', 'b'), waiting('http://10.0.0.3:2379', 'a')];
    expect(decideBootstrap({ hostname: 'z', expect: 3, seeds: SEEDS, answers })).toEqual({ kind: 'bootstrap', hosts: ['a', 'b', 'z'] });
    for (const other of ['a', 'b']) expect(decideBootstrap({ hostname: other, expect: 3, seeds: SEEDS, answers })).toEqual({ kind: 'wait', reason: 'z (at http://10.0.0.1:2379) starts the cluster' });
  });

  it('nobody bootstraps while the first seed does not answer, even with N others', () => {
    const seeds = [...SEEDS, 'http://10.0.0.4:2379'];
    const answers = [waiting('http://10.0.0.2:2379', 'b'), waiting('http://10.0.0.3:2379', 'c'), waiting('http://10.0.0.4:2379', 'd')];
    for (const h of ['b', 'c', 'd']) expect(decideBootstrap({ hostname: h, expect: 3, seeds, answers }).kind).toBe('wait');
  });

  it('a seed that answers with a cluster id always wins, even at the designated host', () => {
    const answers: SeedAnswer[] = [
      waiting('http://10.0.0.1:2379', 'a'),
      { seed: 'http://10.0.0.3:2379', answer: { hostname: 'c', clusterId: 'c1', member: true, endpoints: ['http://x:2379'] } },
    ];
    expect(decideBootstrap({ hostname: 'a', expect: 2, seeds: SEEDS, answers })).toEqual({ kind: 'join', clusterId: 'c1', endpoints: ['http://10.0.0.3:2379', 'http://x:2379'], via: 'http://10.0.0.3:2379' });
  });

  it('a host of one cluster never joins another, and never bootstraps', () => {
    const answers: SeedAnswer[] = [{ seed: 'http://10.0.0.3:2379', answer: { hostname: 'c', clusterId: 'c2', member: true, endpoints: [] } }, waiting('http://10.0.0.1:2379', 'a'), waiting('http://10.0.0.2:2379', 'b')];
    expect(decideBootstrap({ hostname: 'a', expect: 2, seeds: SEEDS, answers, clusterId: 'c1' }).kind).toBe('wait');
  });

  it('the designated seed is the first in sorted order', () => {
    expect(designatedSeed(SEEDS)).toBe('http://10.0.0.1:2379');
    expect(designatedSeed([])).toBeUndefined();
  });
});

describe('Hello bodies', () => {
  it('decode what the protocol says', () => {
    expect(decodeHelloRequest(Buffer.from('{"hostname":"h1","clusterId":"ab","bootstrapExpect":3}'))).toEqual({ hostname: 'h1', clusterId: 'ab', bootstrapExpect: 3 });
    expect(decodeHelloAnswer(Buffer.from('{"hostname":"h2","member":true,"endpoints":["http://a:1"]}'))).toMatchObject({ hostname: 'h2', member: true });
  });

  it.each(['', 'null', '[]', '{"hostname":"a/b"}', '{"hostname":"h1","clusterId":"xyz"}', '{"hostname":"h1","bootstrapExpect":1e9}'])('refuse %s', (body) => {
    expect(() => decodeHelloRequest(Buffer.from(body))).toThrow(HelloDecodeError);
  });

  it('refuse a body of megabytes', () => {
    expect(() => decodeHelloRequest(Buffer.alloc(1024 * 1024, 32))).toThrow(/too large/);
  });
});

describe('cluster ids on the wire', () => {
  it('a caller of another cluster is foreign; garbage is foreign; the same id is not', () => {
    expect(isForeignCluster('ff', 255)).toBe(false);
    expect(isForeignCluster('fe', 255)).toBe(true);
    expect(isForeignCluster('not-hex', 255)).toBe(true);
  });

  it('response headers give the cluster id in hex, or nothing', () => {
    expect(headerClusterId({ header: { clusterId: 255 } })).toBe('ff');
    expect(headerClusterId({ header: { clusterId: '0' } })).toBe('');
    expect(headerClusterId({})).toBe('');
  });
});

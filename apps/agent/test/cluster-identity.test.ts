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
import { decideBootstrap, lowestSeen, type SeedAnswer } from '../src/cluster/bootstrap-expect.js';
import { headerClusterId } from '../src/cluster/cluster-client.js';
import {
  CLUSTER_RECORD_FILE,
  ClusterRecordError,
  mergeClusterRecord,
  readClusterRecord,
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

const waiting = (seed: string, hostname: string, lowest?: string): SeedAnswer => ({ seed, answer: { hostname, member: false, endpoints: [], lowestSeen: lowest ?? hostname } });

describe('--bootstrap-expect decision', () => {
  it('waits until N hosts answer', () => {
    const d = decideBootstrap({ hostname: 'h1', expect: 3, answers: [waiting('u1', 'h1'), waiting('u2', 'h2', 'h1')] });
    expect(d).toEqual({ kind: 'wait', reason: 'waiting for 3 hosts to answer, 2 do (h1, h2)' });
  });

  it('the lowest host name bootstraps once every other answering host agrees', () => {
    const answers = [waiting('u1', 'h1'), waiting('u2', 'h2', 'h1'), waiting('u3', 'h3', 'h1')];
    expect(decideBootstrap({ hostname: 'h1', expect: 3, answers })).toEqual({ kind: 'bootstrap', hosts: ['h1', 'h2', 'h3'] });
    expect(decideBootstrap({ hostname: 'h2', expect: 3, answers }).kind).toBe('wait');
    expect(decideBootstrap({ hostname: 'h3', expect: 3, answers }).kind).toBe('wait');
  });

  it('does not bootstrap while another host has heard of a lower one', () => {
    const answers = [waiting('u2', 'h2'), waiting('u3', 'h3', 'h0'), waiting('u4', 'h4', 'h2')];
    expect(decideBootstrap({ hostname: 'h2', expect: 3, answers }).kind).toBe('wait');
  });

  it('a seed that answers with a cluster id always wins, even over the lowest host', () => {
    const answers: SeedAnswer[] = [
      waiting('u2', 'h2', 'h1'),
      { seed: 'u3', answer: { hostname: 'h3', clusterId: 'c1', member: true, endpoints: ['http://x:2379'] } },
    ];
    expect(decideBootstrap({ hostname: 'h1', expect: 2, answers })).toEqual({ kind: 'join', clusterId: 'c1', endpoints: ['u3', 'http://x:2379'], via: 'u3' });
  });

  it('a host of one cluster never joins another, and never bootstraps', () => {
    const answers: SeedAnswer[] = [{ seed: 'u3', answer: { hostname: 'h3', clusterId: 'c2', member: true, endpoints: [] } }, waiting('u2', 'h2')];
    expect(decideBootstrap({ hostname: 'h1', expect: 2, answers, clusterId: 'c1' }).kind).toBe('wait');
  });

  it('ignores its own answer', () => {
    expect(decideBootstrap({ hostname: 'h1', expect: 2, answers: [waiting('u1', 'h1'), waiting('u1b', 'h1')] }).kind).toBe('wait');
  });

  it('lowestSeen is the lowest of this host and those heard of', () => {
    expect(lowestSeen('h2', ['h3', 'h1'])).toBe('h1');
    expect(lowestSeen('h2', [])).toBe('h2');
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

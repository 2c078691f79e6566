// Proves the real etcdctl (3.4) and the etcd3 npm client work unchanged
// against a single agent and a 3-member cluster of our agents (Raft, durable
// log, TCP): writes through any member, linearizable and serializable reads,
// get with prefix/limit/rev/json, del with prefix and prev-kv, member list,
// endpoint status and health, leases granted on a follower (keep-alive
// forwarded to the leader), lease list, watch (prefix, rev, prev-kv), txn
// and compaction; `mgmt ctl` reads and writes the same store.
import { Etcd3 } from 'etcd3';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './cluster-harness.js';
import { mgmt } from './process-harness.js';

const run = promisify(execFile);

async function etcdctl(endpoint: string, ...args: string[]): Promise<string> {
  return (await etcdctlBoth(endpoint, ...args)).stdout;
}

/** etcdctl prints some answers (endpoint health) on stderr. */
async function etcdctlBoth(endpoint: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('etcdctl', ['--endpoints', endpoint, '--command-timeout=10s', ...args], { env: { ...process.env, ETCDCTL_API: '3' } });
}

/** Runs etcdctl with stdin and returns its stdout when it exits. */
async function etcdctlStdin(endpoint: string, input: string, ...args: string[]): Promise<string> {
  const child = spawn('etcdctl', ['--endpoints', endpoint, ...args], { env: { ...process.env, ETCDCTL_API: '3' } });
  // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise((r) => child.on('close', r));
  return out;
}

/** Starts `etcdctl watch ...`, runs `act`, and returns what the watch printed once `done` matches. */
async function watchWhile(endpoint: string, args: string[], act: () => Promise<void>, done: (out: string) => boolean): Promise<string> {
  const child = spawn('etcdctl', ['--endpoints', endpoint, 'watch', ...args], { env: { ...process.env, ETCDCTL_API: '3' } });
  let out = '';
  child.stdout.on('data', (buf: Buffer) => (out += buf.toString()));
  try {
    await new Promise((r) => setTimeout(r, 500));
    await act();
    const deadline = Date.now() + 10_000;
    while (!done(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return out;
  } finally {
    child.kill();
  }
}

describe.each([1, 3])('etcdctl against a %i-member cluster', (size) => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster(size);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('puts through a follower and gets from every member', async () => {
    const follower = cluster.nodes.find((n) => !n.member.raft.isLeader) ?? cluster.nodes[0]!;
    expect(await etcdctl(follower.endpoint, 'put', '/demo/a', 'hello')).toBe('OK\n');
    for (const n of cluster.nodes) {
      expect(await etcdctl(n.endpoint, 'get', '/demo/a')).toBe('/demo/a\nhello\n');
      expect(await etcdctl(n.endpoint, 'get', '/demo/a', '--consistency=s', '--print-value-only')).toMatch(/hello|^$/);
    }
  });

  it('lists the members', async () => {
    const out = await etcdctl(cluster.nodes[0]!.endpoint, 'member', 'list');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(size);
    for (const n of cluster.nodes) expect(out).toContain(`, ${n.name}, `);
    expect(out).toContain(cluster.nodes[size - 1]!.clientUrl);
  });

  it('gets by prefix, with limit, at a past revision and as json', async () => {
    const e = cluster.nodes[size - 1]!.endpoint;
    for (const k of ['a', 'b', 'c']) await etcdctl(e, 'put', `/range/${k}`, `v-${k}`);
    const rev = (JSON.parse(await etcdctl(e, 'get', '/range/a', '-w', 'json')) as { header: { revision: number } }).header.revision;
    await etcdctl(e, 'put', '/range/a', 'changed');
    expect(await etcdctl(e, 'get', '--prefix', '/range/')).toBe('/range/a\nchanged\n/range/b\nv-b\n/range/c\nv-c\n');
    expect(await etcdctl(e, 'get', '--prefix', '/range/', '--limit', '2', '--keys-only')).toBe('/range/a\n\n/range/b\n\n');
    expect(await etcdctl(e, 'get', '/range/a', `--rev=${rev}`, '--print-value-only')).toBe('v-a\n');
    const json = JSON.parse(await etcdctl(e, 'get', '--prefix', '/range/', '-w', 'json')) as { count: number; kvs: Array<{ key: string; value: string; version: number }> };
    expect(json.count).toBe(3);
    expect(Buffer.from(json.kvs[0]!.value, 'base64').toString()).toBe('changed');
    expect(json.kvs[0]!.version).toBe(2);
  });

  it('deletes by prefix with prev-kv', async () => {
    const e = cluster.nodes[0]!.endpoint;
    await etcdctl(e, 'put', '/del/x', '1');
    await etcdctl(e, 'put', '/del/y', '2');
    expect(await etcdctl(e, 'del', '--prefix', '/del/', '--prev-kv')).toBe('2\n/del/x\n1\n/del/y\n2\n');
    expect(await etcdctl(e, 'get', '--prefix', '/del/')).toBe('');
  });

  it('watches from a past revision with prev-kv', async () => {
    const e = cluster.nodes[0]!.endpoint;
    await etcdctl(e, 'put', '/w/k', 'one');
    const rev = (JSON.parse(await etcdctl(e, 'get', '/w/k', '-w', 'json')) as { header: { revision: number } }).header.revision;
    const out = await watchWhile(e, ['--prefix', '/w/', `--rev=${rev}`, '--prev-kv'], () => etcdctl(cluster.nodes[size - 1]!.endpoint, 'put', '/w/k', 'two').then(() => {}), (o) => o.includes('two'));
    expect(out).toBe('PUT\n/w/k\none\nPUT\n/w/k\none\n/w/k\ntwo\n');
  });

  it('answers mgmt ctl the way it answers etcdctl', async () => {
    const urls = cluster.nodes.map((n) => n.clientUrl).join(',');
    expect(await mgmt('ctl', '--endpoints', urls, 'put', '/ctl/k', 'v')).toBe('OK\n');
    expect(await etcdctl(cluster.nodes[0]!.endpoint, 'get', '/ctl/k')).toBe('/ctl/k\nv\n');
    expect(await mgmt('ctl', '--endpoints', urls, 'get', '--prefix', '/ctl/')).toBe('/ctl/k\nv\n');
    expect((await mgmt('ctl', '--endpoints', urls, 'member', 'list')).trim().split('\n')).toHaveLength(size);
    expect(await mgmt('ctl', '--endpoints', urls, 'del', '/ctl/k')).toBe('1\n');
  });

  it('works with the etcd3 npm client', async () => {
    const client = new Etcd3({ hosts: cluster.nodes.map((n) => n.clientUrl) });
    try {
      await client.put('/etcd3/k').value('v');
      expect(await client.get('/etcd3/k').string()).toBe('v');
      const lease = client.lease(30);
      await lease.put('/etcd3/leased').value('x');
      expect(await client.get('/etcd3/leased').string()).toBe('x');
      await lease.revoke();
      expect(await client.get('/etcd3/leased').string()).toBeNull();
      const ok = await client.if('/etcd3/k', 'Value', '==', 'v').then(client.put('/etcd3/k').value('w')).commit();
      expect(ok.succeeded).toBe(true);
      expect((await client.cluster.memberList({})).members).toHaveLength(size);
    } finally {
      client.close();
    }
  });

  it('reports endpoint status and health for every member', async () => {
    const all = cluster.nodes.map((n) => n.endpoint).join(',');
    const status = JSON.parse(await etcdctl(all, 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { leader: number; raft_term: number } }>;
    const leaders = new Set(status.map((s) => s.Status.leader));
    expect(leaders.size).toBe(1);
    expect(status).toHaveLength(size);
    const health = await etcdctlBoth(all, 'endpoint', 'health');
    expect(`${health.stdout}${health.stderr}`.match(/is healthy/g)).toHaveLength(size);
  });

  it('grants a lease on a follower, keeps it alive through the leader, and attaches keys', async () => {
    const follower = cluster.nodes.find((n) => !n.member.raft.isLeader) ?? cluster.nodes[0]!;
    const grant = await etcdctl(follower.endpoint, 'lease', 'grant', '60');
    const id = /lease ([0-9a-f]+) granted/.exec(grant)?.[1];
    expect(id).toBeDefined();
    expect(await etcdctl(follower.endpoint, 'put', '--lease', id!, '/demo/leased', 'x')).toBe('OK\n');
    expect(await etcdctl(follower.endpoint, 'lease', 'keep-alive', '--once', id!)).toContain(`lease ${id} keepalived with TTL(60)`);
    expect(await etcdctl(follower.endpoint, 'lease', 'timetolive', '--keys', id!)).toContain('/demo/leased');
    expect(await etcdctl(follower.endpoint, 'lease', 'list')).toContain(id!);
    expect(await etcdctl(follower.endpoint, 'lease', 'revoke', id!)).toContain('revoked');
    expect(await etcdctl(follower.endpoint, 'get', '/demo/leased')).toBe('');
  });

  it('runs a txn and compacts', async () => {
    const n = cluster.nodes[size - 1]!;
    await etcdctl(n.endpoint, 'put', '/demo/t', '1');
    const out = await etcdctlStdin(n.endpoint, 'value("/demo/t") = "1"\n\nput /demo/t 2\n\nput /demo/t other\n\n', 'txn');
    expect(out).toBe('SUCCESS\n\nOK\n');
    expect(await etcdctl(n.endpoint, 'get', '/demo/t', '--print-value-only')).toBe('2\n');
    const rev = (JSON.parse(await etcdctl(n.endpoint, 'get', '/demo/t', '-w', 'json')) as { header: { revision: number } }).header.revision;
    expect(await etcdctl(n.endpoint, 'compaction', String(rev))).toContain(`compacted revision ${rev}`);
  });

  it('delivers watch events written through another member', async () => {
    const a = cluster.nodes[0]!;
    const b = cluster.nodes[size - 1]!;
    const out = await watchWhile(a.endpoint, ['--prefix', '/watched/'], async () => {
      await etcdctl(b.endpoint, 'put', '/watched/x', '1');
      await etcdctl(b.endpoint, 'del', '/watched/x');
    }, (o) => o.includes('DELETE'));
    expect(out).toBe('PUT\n/watched/x\n1\nDELETE\n/watched/x\n\n');
  });
});

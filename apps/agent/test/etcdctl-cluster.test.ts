// Proves the real etcdctl (3.4) works unchanged against a 3-member cluster
// of our agents: writes through any member, linearizable and serializable
// reads, member list, endpoint status and health, leases granted on a
// follower (keep-alive forwarded to the leader), watch, txn and compaction.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './cluster-harness.js';

const run = promisify(execFile);
let cluster: TestCluster;

async function etcdctl(endpoint: string, ...args: string[]): Promise<string> {
  return (await etcdctlBoth(endpoint, ...args)).stdout;
}

/** etcdctl prints some answers (endpoint health) on stderr. */
async function etcdctlBoth(endpoint: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('etcdctl', ['--endpoints', endpoint, '--command-timeout=10s', ...args], { env: { ...process.env, ETCDCTL_API: '3' } });
}

beforeAll(async () => {
  cluster = await startCluster(3);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('etcdctl against a 3-member cluster', () => {
  it('puts through a follower and gets from every member', async () => {
    const follower = cluster.nodes.find((n) => !n.member.raft.isLeader)!;
    expect(await etcdctl(follower.endpoint, 'put', '/demo/a', 'hello')).toBe('OK\n');
    for (const n of cluster.nodes) {
      expect(await etcdctl(n.endpoint, 'get', '/demo/a')).toBe('/demo/a\nhello\n');
      expect(await etcdctl(n.endpoint, 'get', '/demo/a', '--consistency=s', '--print-value-only')).toMatch(/hello|^$/);
    }
  });

  it('lists the three members', async () => {
    const out = await etcdctl(cluster.nodes[0]!.endpoint, 'member', 'list');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const n of cluster.nodes) expect(out).toContain(`, ${n.name}, `);
    expect(out).toContain(cluster.nodes[1]!.clientUrl);
  });

  it('reports endpoint status and health for every member', async () => {
    const all = cluster.nodes.map((n) => n.endpoint).join(',');
    const status = JSON.parse(await etcdctl(all, 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { leader: number; raft_term: number } }>;
    expect(status).toHaveLength(3);
    const leaders = new Set(status.map((s) => s.Status.leader));
    expect(leaders.size).toBe(1);
    const health = await etcdctlBoth(all, 'endpoint', 'health');
    expect(`${health.stdout}${health.stderr}`.match(/is healthy/g)).toHaveLength(3);
  });

  it('grants a lease on a follower, keeps it alive through the leader, and attaches keys', async () => {
    const follower = cluster.nodes.find((n) => !n.member.raft.isLeader)!;
    const grant = await etcdctl(follower.endpoint, 'lease', 'grant', '60');
    const id = /lease ([0-9a-f]+) granted/.exec(grant)?.[1];
    expect(id).toBeDefined();
    expect(await etcdctl(follower.endpoint, 'put', '--lease', id!, '/demo/leased', 'x')).toBe('OK\n');
    expect(await etcdctl(follower.endpoint, 'lease', 'keep-alive', '--once', id!)).toContain(`lease ${id} keepalived with TTL(60)`);
    expect(await etcdctl(follower.endpoint, 'lease', 'timetolive', '--keys', id!)).toContain('/demo/leased');
    expect(await etcdctl(follower.endpoint, 'lease', 'revoke', id!)).toContain('revoked');
    expect(await etcdctl(follower.endpoint, 'get', '/demo/leased')).toBe('');
  });

  it('runs a txn and compacts', async () => {
    const n = cluster.nodes[2]!;
    await etcdctl(n.endpoint, 'put', '/demo/t', '1');
    const child = spawn('etcdctl', ['--endpoints', n.endpoint, 'txn'], { env: { ...process.env, ETCDCTL_API: '3' } });
    child.stdin.end('value("/demo/t") = "1"\n\nput /demo/t 2\n\nput /demo/t other\n\n');
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise((r) => child.on('close', r));
    expect(out).toBe('SUCCESS\n\nOK\n');
    expect(await etcdctl(n.endpoint, 'get', '/demo/t', '--print-value-only')).toBe('2\n');
    const rev = (JSON.parse(await etcdctl(n.endpoint, 'get', '/demo/t', '-w', 'json')) as { header: { revision: number } }).header.revision;
    expect(await etcdctl(n.endpoint, 'compaction', String(rev))).toContain(`compacted revision ${rev}`);
  });

  it('delivers watch events written through another member', async () => {
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const child = spawn('etcdctl', ['--endpoints', a.endpoint, 'watch', '--prefix', '/watched/'], { env: { ...process.env, ETCDCTL_API: '3' } });
    let out = '';
    child.stdout.on('data', (buf: Buffer) => (out += buf.toString()));
    try {
      await new Promise((r) => setTimeout(r, 500));
      await etcdctl(b.endpoint, 'put', '/watched/x', '1');
      await etcdctl(b.endpoint, 'del', '/watched/x');
      const deadline = Date.now() + 10_000;
      while (!out.includes('DELETE') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(out).toBe('PUT\n/watched/x\n1\nDELETE\n/watched/x\n\n');
    } finally {
      child.kill();
    }
  });
});

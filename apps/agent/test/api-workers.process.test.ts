// Agents that serve the etcd API from a worker thread (`--api-workers 1`,
// kv's workers/api-pool.ts), with real `mgmt run` processes, the real
// etcdctl and a join token (TLS): the joiner is admitted through the Join
// and Hello services the member's thread serves behind the worker; reads,
// writes, watches and leases work on both members; etcdctl without a
// client certificate is refused; /metrics on the client port carries the
// member's gRPC call counts; with auth on, an agent's certificate writes its
// own keys and no other host's (the workers' replicas know the built-in
// agent users); a revoked certificate is refused by both members' workers
// (read from their replicas).
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { dataDirCreds, etcdctlWith, killAll, mgmt, startHttpsAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-api-workers-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

const etcdctl = etcdctlWith;
const credsOf = dataDirCreds;

async function voters(endpoint: string, creds: string[]): Promise<number | undefined> {
  const r = await etcdctl(endpoint, creds, 'member', 'list');
  if (r.code !== 0) return undefined;
  return r.out.trim().split('\n').filter((l) => l.split(', ')[5] === 'false').length;
}

describe('agents with the etcd API in a worker thread', () => {
  let h1: AgentProc;
  let h2: AgentProc;

  it('form a token cluster of two: the joiner is admitted through the worker', async () => {
    h1 = await startHttpsAgent(tmp.dir, 'h1', ['--token', 's3cret', '--ideal-cluster-size', '2', '--api-workers', '1']);
    procs.push(h1);
    await waitFor('h1 serves over TLS', async () => ((await voters(h1.endpoint, credsOf(h1.dataDir)).catch(() => undefined)) === 1 ? true : undefined), 60_000);
    h2 = await startHttpsAgent(tmp.dir, 'h2', ['--token', 's3cret', '--seeds', h1.clientUrl, '--api-workers', '1']);
    procs.push(h2);
    await waitFor('two voters', async () => ((await voters(h1.endpoint, credsOf(h1.dataDir))) === 2 ? true : undefined), 90_000);
  });

  it('serves writes, reads, watches and leases on both members', async () => {
    const c1 = credsOf(h1.dataDir);
    const c2 = credsOf(h2.dataDir);
    const watch = spawn('etcdctl', ['--endpoints', h2.endpoint, ...c2, 'watch', '/app/', '--prefix'], { env: { ...process.env, ETCDCTL_API: '3' } });
    let watched = '';
    watch.stdout.on('data', (chunk: Buffer) => (watched += chunk.toString()));
    try {
      for (let i = 0; ; i++) {
        expect((await etcdctl(h1.endpoint, c1, 'put', `/app/${i}`, `v${i}`)).code).toBe(0);
        if (watched.includes(`/app/${i}`)) break;
        if (i > 30) throw new Error(`the watch on h2 never showed a write; it printed ${JSON.stringify(watched)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const written = await etcdctl(h2.endpoint, c2, 'put', '/app/from-h2', 'yes');
      expect(written.code).toBe(0);
      expect((await etcdctl(h1.endpoint, c1, 'get', '/app/from-h2', '--print-value-only')).out).toBe('yes\n');
      expect((await etcdctl(h2.endpoint, c2, 'get', '/app/from-h2', '--print-value-only', '--consistency=s')).out).toBe('yes\n');
      const granted = (await etcdctl(h2.endpoint, c2, 'lease', 'grant', '60')).out;
      const id = /^lease ([0-9a-f]+) granted/.exec(granted)?.[1];
      expect(id).toBeDefined();
      expect((await etcdctl(h2.endpoint, c2, 'lease', 'keep-alive', '--once', id!)).out).toBe(`lease ${id} keepalived with TTL(60)\n`);
    } finally {
      watch.kill();
    }
  });

  it('refuses etcdctl without a client certificate, and counts gRPC calls in /metrics', async () => {
    const bare = await etcdctl(h1.endpoint, ['--cacert', path.join(h1.dataDir, 'tls', 'ca.crt')], 'get', 'x');
    expect(bare.code).not.toBe(0);
    const metrics = await waitFor('gRPC call counts in /metrics', async () => {
      const r = await new Promise<string>((resolve) =>
        execFile('curl', ['-s', '--cacert', path.join(h1.dataDir, 'tls', 'ca.crt'), '--cert', path.join(h1.dataDir, 'tls', 'client.crt'), '--key', path.join(h1.dataDir, 'tls', 'client.key'), `${h1.clientUrl}/metrics`], (_e, out) => resolve(out)),
      );
      return /grpc_server_handled_total\{[^}]*grpc_method="Put"[^}]*\} [1-9]/.test(r) ? r : undefined;
    }, 15_000);
    expect(metrics).toMatch(/etcd_network_client_grpc_received_bytes_total [1-9]/);
  });

  it("with auth on, lets an agent's certificate write its own keys only (the workers know the built-in agent users)", async () => {
    const admin = ['--cacert', path.join(h1.dataDir, 'tls', 'ca.crt'), '--cert', path.join(h1.dataDir, 'tls', 'admin.crt'), '--key', path.join(h1.dataDir, 'tls', 'admin.key')];
    await waitFor('root exists', async () => ((await etcdctl(h1.endpoint, admin, 'user', 'get', 'root')).out === 'User: root\nRoles: root\n' ? true : undefined), 30_000);
    expect((await etcdctl(h1.endpoint, admin, 'auth', 'enable')).out).toBe('Authentication Enabled\n');
    const c2 = credsOf(h2.dataDir);
    for (const p of [h1, h2]) {
      expect((await etcdctl(p.endpoint, c2, 'put', '/_mgmt/converged/h2', 'yes')).code).toBe(0);
      const denied = await etcdctl(p.endpoint, c2, 'put', '/_mgmt/converged/h1', 'no');
      expect(denied.err).toMatch(/permission denied/);
    }
    expect((await etcdctl(h1.endpoint, admin, 'auth', 'disable')).out).toBe('Authentication Disabled\n');
  });

  it('refuses a revoked certificate on both members', async () => {
    const c2 = credsOf(h2.dataDir);
    const out = await mgmt('cert', 'revoke', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl, '--cert-file', path.join(h2.dataDir, 'tls', 'client.crt'));
    expect(out).toMatch(/^revoked [0-9A-F]+ \(CN=h2\)\n$/);
    for (const p of [h1, h2]) {
      const r = await waitFor('refused', async () => {
        const got = await etcdctl(p.endpoint, c2, 'get', '/app/from-h2');
        return got.code !== 0 ? got : undefined;
      }, 10_000);
      expect(r.err).toMatch(/revoked/);
    }
    expect((await etcdctl(h1.endpoint, credsOf(h1.dataDir), 'get', '/app/from-h2', '--print-value-only')).out).toBe('yes\n');
  });
});

// The differential test of auth: one etcdctl 3.4 session, step by step,
// against a real etcd 3.4 and against ours, every output (stdout, the
// `Error:` lines, the exit code) compared after lease-id normalisation.
//
// - Plaintext, against a 3-member cluster of our members (Raft, durable log,
//   TCP), each step sent to the next member in turn, so every change is
//   replicated and every member enforces it: user/role add, get (--detail),
//   list, delete; grant and revoke (roles, permissions: key, range, prefix,
//   from-key, invalid ranges); auth enable and disable; gets, puts, deletes
//   and txns as users with and without permission (by password), with no
//   user, with a bad password, as a no-password user; watch as a user
//   without permission; lease grant, list and revoke with auth; cluster and
//   maintenance calls of a non-root user; root's protections; bad input
//   (empty names, unknown users and roles, an empty password on stdin, a
//   bad permission type).
// - TLS with --client-cert-auth, against one member: the client
//   certificate's common name is the user (root enables auth by its
//   certificate), a certificate of no user is refused, a password
//   overrides the certificate, a revoked role applies at once.
import { createEtcdServer, LocalBackend, type EtcdServer } from '@mgmt/kv';
import { makeTestCa } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './cluster-harness.js';
import { tempDir } from './helpers.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';

/** One etcdctl run: its arguments, and what goes to its stdin. */
interface Step {
  readonly args: readonly string[];
  readonly stdin?: string;
  /** The client certificate to show (TLS session). */
  readonly cert?: string;
}

interface Target {
  /** The endpoint for the step with this index. */
  endpoint(step: number): string;
  readonly tlsArgs?: (cert: string) => string[];
}

function run(target: Target, index: number, step: Step): Promise<string> {
  const tls = step.cert !== undefined && target.tlsArgs ? target.tlsArgs(step.cert) : [];
  const endpoint = target.endpoint(index);
  return new Promise((resolve) => {
    const child = execFile(
      'etcdctl',
      ['--endpoints', endpoint, '--command-timeout=10s', ...tls, ...step.args],
      { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 'killed') : 0;
        const printed = `${normalise(stdout)}${normalise(stderr)}`.replaceAll(endpoint, '<endpoint>');
        resolve(`$ etcdctl ${step.args.join(' ')}\n${printed}[exit ${code}]`);
      },
    );
    // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
    child.stdin?.on('error', () => {});
    child.stdin?.end(step.stdin ?? '');
  });
}

/** Drops clientv3's JSON retry logs and the terminal noise; names lease ids by order of appearance. */
function normalise(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('{"level"') && !l.startsWith('stty:'))
    .join('\n');
}

function numberLeases(outputs: string[]): string[] {
  const ids = new Map<string, string>();
  const name = (id: string) => {
    if (!ids.has(id)) ids.set(id, `<lease${ids.size + 1}>`);
    return ids.get(id)!;
  };
  return outputs.map((o) =>
    o
      .replace(/\b[0-9a-f]{16}\b/g, (id) => name(id))
      // `lease list` order is a map's order in etcd: sort what it prints.
      .replace(/(found \d+ leases\n)((?:<lease\d+>\n)+)/, (_m, head: string, ids: string) => head + ids.trim().split('\n').sort().join('\n') + '\n'),
  );
}

async function session(target: Target, steps: readonly Step[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) out.push(await run(target, i, steps[i]!));
  return numberLeases(out);
}

const root = ['--user', 'root:rootpw'];
const alice = ['--user', 'alice:apw'];

const plaintextSession: Step[] = [
  { args: ['user', 'add', '', '--interactive=false'] },
  { args: ['auth', 'enable'] },
  { args: ['user', 'add', 'root:rootpw'] },
  { args: ['user', 'get', 'root'] },
  { args: ['role', 'add', 'r1'] },
  { args: ['role', 'add', 'r1'] },
  { args: ['role', 'add', ''] },
  { args: ['role', 'get', 'r1'] },
  { args: ['role', 'grant-permission', 'r1', 'read', 'a'] },
  { args: ['role', 'grant-permission', 'r1', 'readwrite', '--prefix', 'p/'] },
  { args: ['role', 'grant-permission', 'r1', 'write', 'b', 'c'] },
  { args: ['role', 'grant-permission', 'r1', 'read', '--from-key', 'z'] },
  { args: ['role', 'grant-permission', 'r1', 'read', 'c', 'b'] },
  { args: ['role', 'grant-permission', 'r1', 'read', 'c', 'c'] },
  { args: ['role', 'grant-permission', 'r1', 'write', 'a'] },
  { args: ['role', 'grant-permission', 'r1', 'read', 'a'] },
  { args: ['role', 'grant-permission', 'r1', 'foo', 'k'] },
  { args: ['role', 'grant-permission', 'nope', 'read', 'k'] },
  { args: ['role', 'get', 'r1'] },
  { args: ['role', 'get', 'nope'] },
  { args: ['role', 'get', 'root'] },
  { args: ['user', 'add', 'alice:apw'] },
  { args: ['user', 'add', 'alice:apw'] },
  { args: ['user', 'grant-role', 'alice', 'r1'] },
  { args: ['user', 'grant-role', 'alice', 'r1'] },
  { args: ['user', 'grant-role', 'alice', 'nope'] },
  { args: ['user', 'grant-role', 'bob', 'r1'] },
  { args: ['user', 'get', 'alice'] },
  { args: ['user', 'get', 'alice', '--detail'] },
  { args: ['user', 'get', 'nope'] },
  { args: ['user', 'list'] },
  { args: ['role', 'list'] },
  { args: ['user', 'add', 'emp', '--interactive=false'], stdin: '\n' },
  { args: ['user', 'add', 'np', '--no-password'] },
  { args: ['user', 'add', 'carol', '--interactive=false'], stdin: 'cpw\n' },
  { args: ['put', 'a', '0'] },
  { args: ['put', 'secret', 's'] },
  // etcdctl makes the root role and grants it when root lacks it.
  { args: ['auth', 'enable'] },
  { args: ['user', 'get', 'root'] },
  { args: ['auth', 'enable'] },
  { args: ['get', 'a'] },
  { args: ['put', 'a', 'x'] },
  { args: ['user', 'list'] },
  { args: ['--user', 'alice:bad', 'get', 'a'] },
  { args: ['--user', 'nobody:bad', 'get', 'a'] },
  { args: ['--user', 'np:x', 'get', 'a'] },
  { args: ['--user', 'emp:', 'get', 'a'] },
  { args: ['--user', 'carol:cpw', 'get', 'a'] },
  { args: [...alice, 'get', 'a'] },
  { args: [...alice, 'put', 'a', '1'] },
  { args: [...root, 'put', 'a', '1'] },
  { args: [...alice, 'get', 'a'] },
  { args: [...alice, 'put', 'p/x', '1'] },
  { args: [...alice, 'get', '--prefix', 'p/'] },
  { args: [...alice, 'get', '--prefix', 'q'] },
  { args: [...alice, 'get', 'z1'] },
  { args: [...alice, 'get', '--from-key', 'z'] },
  { args: [...alice, 'get', '--from-key', 'y'] },
  { args: [...alice, 'get', 'secret'] },
  { args: [...alice, 'del', 'a'] },
  { args: [...alice, 'del', 'p/x', '--prev-kv'] },
  { args: [...alice, 'put', 'b', '2'] },
  { args: [...alice, 'put', 'b', '2', '--prev-kv'] },
  { args: [...alice, 'txn'], stdin: 'value("a") = "1"\n\nput p/t yes\n\nput p/t no\n\n' },
  { args: [...alice, 'txn'], stdin: 'value("secret") = "s"\n\nput p/t yes\n\n\n' },
  { args: [...alice, 'txn'], stdin: 'value("a") = "1"\n\nput secret yes\n\n\n' },
  { args: [...alice, 'txn'], stdin: 'value("a") = "1"\n\nget secret\n\n\n' },
  { args: [...alice, 'watch', 'secret'] },
  { args: [...alice, 'watch', '--prefix', 's'] },
  { args: [...alice, 'lease', 'grant', '100'] },
  { args: ['lease', 'grant', '100'] },
  { args: [...root, 'put', 'secret', 'leased', '--lease', '<lease1>'] },
  { args: [...alice, 'lease', 'list'] },
  { args: [...alice, 'put', 'p/l', 'x', '--lease', '<lease1>'] },
  { args: [...alice, 'lease', 'revoke', '<lease1>'] },
  { args: ['lease', 'revoke', '<lease1>'] },
  { args: [...alice, 'lease', 'revoke', '<lease2>'] },
  { args: [...alice, 'user', 'list'] },
  { args: [...alice, 'user', 'get', 'alice'] },
  { args: [...alice, 'user', 'get', 'root'] },
  { args: [...alice, 'role', 'get', 'r1'] },
  { args: [...alice, 'role', 'list'] },
  { args: [...alice, 'user', 'add', 'mallory:m'] },
  { args: [...alice, 'role', 'grant-permission', 'r1', 'readwrite', '--from-key', ''] },
  { args: [...alice, 'auth', 'enable'] },
  { args: [...alice, 'auth', 'disable'] },
  { args: [...alice, 'compaction', '1'] },
  { args: [...alice, 'endpoint', 'hashkv'] },
  { args: [...alice, 'defrag'] },
  { args: [...alice, 'member', 'remove', '1234'] },
  { args: [...alice, 'member', 'add', 'x', '--peer-urls', 'http://127.0.0.1:1'] },
  { args: [...root, 'user', 'delete', 'root'] },
  { args: [...root, 'role', 'delete', 'root'] },
  { args: [...root, 'user', 'revoke-role', 'root', 'root'] },
  { args: [...root, 'user', 'revoke-role', 'alice', 'r2'] },
  { args: [...root, 'user', 'revoke-role', 'nope', 'r1'] },
  { args: [...root, 'role', 'revoke-permission', 'r1', 'zz'] },
  { args: [...root, 'role', 'revoke-permission', 'r1', 'a'] },
  { args: [...root, 'role', 'revoke-permission', 'r1', 'b', 'c'] },
  { args: [...root, 'role', 'revoke-permission', 'r1', '--prefix', 'p/'] },
  { args: [...root, 'role', 'revoke-permission', 'nope', 'a'] },
  { args: [...root, 'role', 'get', 'r1'] },
  { args: [...alice, 'get', '--prefix', 'p/'] },
  { args: [...root, 'role', 'grant-permission', 'r1', 'read', '--prefix', 'p/'] },
  { args: [...alice, 'get', '--prefix', 'p/'] },
  { args: [...root, 'user', 'revoke-role', 'alice', 'r1'] },
  { args: [...alice, 'get', '--prefix', 'p/'] },
  { args: [...root, 'user', 'passwd', 'alice', '--interactive=false'], stdin: 'newpw\n' },
  { args: [...root, 'user', 'passwd', 'nope', '--interactive=false'], stdin: 'newpw\n' },
  { args: [...alice, 'get', 'a'] },
  { args: ['--user', 'alice:newpw', 'user', 'get', 'alice'] },
  { args: [...root, 'role', 'delete', 'r1'] },
  { args: [...root, 'user', 'list'] },
  { args: [...root, 'role', 'list'] },
  { args: [...root, 'auth', 'disable'] },
  { args: ['auth', 'disable'] },
  { args: ['get', 'secret'] },
  { args: [...root, 'get', 'secret'] },
  { args: ['--user', 'nobody:x', 'put', 'secret', 'open'] },
  { args: ['user', 'delete', 'alice'] },
  { args: ['user', 'delete', 'alice'] },
  { args: ['role', 'delete', 'r1'] },
  { args: ['user', 'delete', 'root'] },
  { args: ['user', 'list'] },
  { args: ['role', 'list'] },
];

const tlsSession: Step[] = [
  { cert: 'root', args: ['user', 'add', 'root:rootpw'] },
  { cert: 'root', args: ['user', 'grant-role', 'root', 'root'] },
  { cert: 'root', args: ['role', 'add', 'ra'] },
  { cert: 'root', args: ['role', 'grant-permission', 'ra', 'readwrite', '--prefix', 'a/'] },
  { cert: 'root', args: ['user', 'add', 'alice:apw'] },
  { cert: 'root', args: ['user', 'grant-role', 'alice', 'ra'] },
  { cert: 'root', args: ['put', 'b', 'secret'] },
  { cert: 'alice', args: ['auth', 'enable'] },
  { cert: 'root', args: ['auth', 'enable'] },
  { cert: 'alice', args: ['put', 'a/1', 'x'] },
  { cert: 'alice', args: ['get', 'a/1'] },
  { cert: 'alice', args: ['put', 'b', 'x'] },
  { cert: 'alice', args: ['get', 'b'] },
  { cert: 'alice', args: ['user', 'list'] },
  { cert: 'nobody', args: ['get', 'a/1'] },
  { cert: 'nobody', args: ['put', 'a/2', 'y'] },
  { cert: 'nobody', args: [...alice, 'put', 'a/2', 'y'] },
  { cert: 'nobody', args: ['--user', 'alice:bad', 'get', 'a/2'] },
  { cert: 'root', args: ['get', '--prefix', 'a/'] },
  { cert: 'root', args: ['user', 'list'] },
  { cert: 'root', args: ['user', 'revoke-role', 'alice', 'ra'] },
  { cert: 'alice', args: ['get', 'a/1'] },
  { cert: 'alice', args: ['watch', 'a/1'] },
  { cert: 'root', args: ['auth', 'disable'] },
  { cert: 'alice', args: ['get', 'b'] },
];

/** Replaces `<leaseN>` in a step's arguments with the id the target printed for it. */
async function sessionWithLeases(target: Target, steps: readonly Step[]): Promise<string[]> {
  const raw: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const args = step.args.map((a) => a.replace(/^<lease(\d+)>$/, (_m, n: string) => ids[Number(n) - 1] ?? a));
    const out = await run(target, i, { ...step, args });
    for (const m of out.matchAll(/lease ([0-9a-f]{16}) granted/g)) ids.push(m[1]!);
    // Print the step as written (with <leaseN>), so both sides read the same.
    raw.push(out.replace(/^\$ etcdctl .*$/m, `$ etcdctl ${step.args.join(' ')}`));
  }
  return numberLeases(raw);
}

describe('auth: the same etcdctl session against etcd 3.4 and mgmt', () => {
  let etcd: RealEtcd;
  let cluster: TestCluster;

  beforeAll(async () => {
    etcd = await startRealEtcd();
    cluster = await startCluster(3);
  }, 120_000);
  afterAll(async () => {
    await etcd?.stop();
    await cluster?.stop();
  });

  it('matches step for step in plaintext, each step on the next member of a 3-member cluster', async () => {
    const want = await sessionWithLeases({ endpoint: () => etcd.endpoint }, plaintextSession);
    const got = await sessionWithLeases({ endpoint: (i) => cluster.nodes[i % cluster.nodes.length]!.endpoint }, plaintextSession);
    if (process.env['MGMT_TEST_DUMP']) fs.writeFileSync(process.env['MGMT_TEST_DUMP'], got.join('\n'));
    expect(got).toEqual(want);
  }, 600_000);
});

describe('auth over TLS with --client-cert-auth: the certificate CN is the user, as in etcd 3.4', () => {
  const tmp = tempDir('auth-tls-');
  const ca = makeTestCa(path.join(tmp.dir, 'pki'), 'ca');
  const server = ca.issue('server');
  const certs = Object.fromEntries(['root', 'alice', 'nobody'].map((n) => [n, ca.issue(n)]));
  const tlsArgs = (cert: string) => ['--cacert', ca.cert, '--cert', certs[cert]!.cert, '--key', certs[cert]!.key];
  let etcd: RealEtcd;
  let backend: LocalBackend;
  let ours: EtcdServer;
  let endpoint = '';

  beforeAll(async () => {
    etcd = await startRealEtcd({ cert: server.cert, key: server.key, ca: ca.cert });
    backend = new LocalBackend({ name: 'tls' });
    ours = createEtcdServer(backend, {
      logError: () => {},
      tls: { cert: fs.readFileSync(server.cert), key: fs.readFileSync(server.key), ca: fs.readFileSync(ca.cert), clientCert: 'handshake' },
    });
    endpoint = `127.0.0.1:${await ours.listen('127.0.0.1:0')}`;
  }, 60_000);
  afterAll(async () => {
    await etcd?.stop();
    backend?.close();
    await ours?.close();
    tmp.cleanup();
  });

  it('matches step for step', async () => {
    const want = await session({ endpoint: () => etcd.endpoint, tlsArgs }, tlsSession);
    const got = await session({ endpoint: () => endpoint, tlsArgs }, tlsSession);
    expect(got).toEqual(want);
  }, 300_000);
});

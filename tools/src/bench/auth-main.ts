/**
 * The auth rows of the side-by-side benchmark: puts at 64 clients against a
 * 3-member etcd and a 3-member mgmt cluster (plaintext, from the same
 * load-generator child as `tools:bench`), first with auth off, then with
 * auth on as a user whose role may write the benchmark's prefix (each put
 * carries the user's token; etcd's root skips the permission check, so the
 * rows use a plain user), and Authenticate calls per second (the password
 * check: bcrypt cost 10 in etcd, scrypt N=2^14 in mgmt, which also
 * remembers verified credentials). Prints the table and writes
 * tools/out/bench-auth.md.
 *
 * Usage: npx tsx src/bench/auth-main.ts [--put-clients 64] [--auth-clients 16] [--duration-ms N]
 */
import { credentials, makeGenericClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { AuthService } from '@mgmt/kv';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEtcdCluster } from './etcd-cluster.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import { leaderFirst, log, startSession, writeTable } from './side-by-side.js';

const AuthClient = makeGenericClientConstructor(AuthService, 'Auth');
const USER = { name: 'bench', password: 'bench-password' };

function etcdctl(endpoint: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('etcdctl', ['--endpoints', endpoint, '--command-timeout=10s', ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (err, out, errOut) => (err ? reject(new Error(`etcdctl ${args.join(' ')}: ${errOut}`)) : resolve(out))),
  );
}

/** Turns auth on with root and a user that may read and write `bench/`. */
async function enableAuth(endpoint: string): Promise<void> {
  for (const args of [
    ['user', 'add', 'root:root-password'],
    ['user', 'grant-role', 'root', 'root'],
    ['role', 'add', 'bench'],
    ['role', 'grant-permission', 'bench', 'readwrite', '--prefix', 'bench/'],
    ['user', 'add', `${USER.name}:${USER.password}`],
    ['user', 'grant-role', USER.name, 'bench'],
    ['auth', 'enable'],
  ]) {
    await etcdctl(endpoint, ...args);
  }
}

function authenticate(endpoint: string): Promise<string> {
  const client = new AuthClient(endpoint, credentials.createInsecure());
  return new Promise<string>((resolve, reject) =>
    (client as unknown as { Authenticate: (r: object, cb: (e: ServiceError | null, res: { token: string }) => void) => void }).Authenticate({ ...USER }, (err, res) => (err ? reject(err) : resolve(res.token))),
  ).finally(() => client.close());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'put-clients': { type: 'string', default: '64' }, 'auth-clients': { type: 'string', default: '16' }, 'duration-ms': { type: 'string', default: '5000' } },
  });
  const putClients = Number(values['put-clients']);
  const authClients = Number(values['auth-clients']);
  const timing = { warmupMs: 1_000, durationMs: Number(values['duration-ms']) };
  const session = startSession();
  try {
    const dirs = { etcd: path.join(session.workDir, 'etcd-auth'), mgmt: path.join(session.workDir, 'mgmt-auth') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    const clusters = { etcd: await startEtcdCluster(session.registry, 3, dirs.etcd), mgmt: await startMgmtCluster(session.registry, { size: 3, dir: dirs.mgmt }) };
    const endpoints = { etcd: await leaderFirst(clusters.etcd), mgmt: await leaderFirst(clusters.mgmt) };
    log('etcd and mgmt: 3 members each, plaintext');
    const put = { kind: 'put' as const, clients: putClients, valueBytes: 256, keySpace: 10_000, ...timing };
    await session.run(`put, ${putClients} clients, auth off`, (s) => ({ ...put, endpoints: endpoints[s] }));
    for (const s of ['etcd', 'mgmt'] as const) await enableAuth(endpoints[s][0]!);
    const tokens = { etcd: await authenticate(endpoints.etcd[0]!), mgmt: await authenticate(endpoints.mgmt[0]!) };
    log('auth on: root, and a user whose role may read and write bench/');
    await session.run(`put, ${putClients} clients, auth on (token, prefix role)`, (s) => ({ ...put, endpoints: endpoints[s], token: tokens[s] }));
    await session.run(`Authenticate, ${authClients} clients`, (s) => ({ kind: 'authenticate', endpoints: endpoints[s], clients: authClients, ...USER, ...timing }));
  } finally {
    session.close();
  }
  writeTable({ file: 'bench-auth.md', title: 'etcd vs mgmt with auth off and on', header: '| workload (3 members, plaintext) | etcd | mgmt | mgmt/etcd throughput |', rows: session.rows, loadStart: session.loadStart, timing });
}

await main();

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
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findLeader, waitForVoters, type Cluster } from './cluster.js';
import { startEtcdCluster } from './etcd-cluster.js';
import { LoadGen } from './loadgen-client.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import { ProcessRegistry } from './processes.js';
import type { LatencySummary } from './stats.js';
import { makeWorkDir } from './workloads.js';

const OUT_DIR = path.resolve(import.meta.dirname, '../../out');
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const AuthClient = makeGenericClientConstructor(AuthService, 'Auth');
const USER = { name: 'bench', password: 'bench-password' };

async function leaderFirst(cluster: Cluster): Promise<string[]> {
  await waitForVoters(cluster, 3, 120_000);
  const leader = await findLeader(cluster, 30_000);
  return [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint);
}

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
  const registry = new ProcessRegistry();
  process.on('SIGINT', () => {
    registry.killAll();
    process.exit(130);
  });
  process.on('exit', () => registry.killAll());
  const workDir = makeWorkDir();
  const loadStart = os.loadavg();
  const gen = LoadGen.start(registry);
  const rows: Array<{ workload: string; etcd: LatencySummary; mgmt: LatencySummary }> = [];
  try {
    const dirs = { etcd: path.join(workDir, 'etcd-auth'), mgmt: path.join(workDir, 'mgmt-auth') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    const clusters = { etcd: await startEtcdCluster(registry, 3, dirs.etcd), mgmt: await startMgmtCluster(registry, { size: 3, dir: dirs.mgmt }) };
    const endpoints = { etcd: await leaderFirst(clusters.etcd), mgmt: await leaderFirst(clusters.mgmt) };
    log('etcd and mgmt: 3 members each, plaintext');
    const run = async (workload: string, job: (system: 'etcd' | 'mgmt') => Parameters<LoadGen['run']>[0]) => {
      const r = {} as { etcd: LatencySummary; mgmt: LatencySummary };
      for (const system of ['etcd', 'mgmt'] as const) {
        r[system] = await gen.run<LatencySummary>(job(system));
        log(`${system}: ${workload}: ${r[system].throughputPerSec.toFixed(0)}/s p50 ${r[system].p50Ms.toFixed(2)} ms p99 ${r[system].p99Ms.toFixed(2)} ms errors ${r[system].errors}`);
      }
      rows.push({ workload, ...r });
    };
    const put = { kind: 'put' as const, clients: putClients, valueBytes: 256, keySpace: 10_000, ...timing };
    await run(`put, ${putClients} clients, auth off`, (s) => ({ ...put, endpoints: endpoints[s] }));
    for (const s of ['etcd', 'mgmt'] as const) await enableAuth(endpoints[s][0]!);
    const tokens = { etcd: await authenticate(endpoints.etcd[0]!), mgmt: await authenticate(endpoints.mgmt[0]!) };
    log('auth on: root, and a user whose role may read and write bench/');
    await run(`put, ${putClients} clients, auth on (token, prefix role)`, (s) => ({ ...put, endpoints: endpoints[s], token: tokens[s] }));
    await run(`Authenticate, ${authClients} clients`, (s) => ({ kind: 'authenticate', endpoints: endpoints[s], clients: authClients, ...USER, ...timing }));
  } finally {
    gen.close();
    registry.killAll();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const fmt = (s: LatencySummary) => `${s.throughputPerSec.toFixed(0)}/s, p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms${s.errors ? `, ${s.errors} errors` : ''}`;
  const table = [
    '| workload (3 members, plaintext) | etcd | mgmt | mgmt/etcd throughput |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.workload} | ${fmt(r.etcd)} | ${fmt(r.mgmt)} | ${(r.mgmt.throughputPerSec / Math.max(1e-9, r.etcd.throughputPerSec)).toFixed(2)}x |`),
  ].join('\n');
  const context = `${os.cpus().length} cores, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} at start, ${timing.durationMs} ms per run after a ${timing.warmupMs} ms warm-up, 256-byte values, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
  console.log(`\n${context}\n\n${table}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'bench-auth.md'), `# etcd vs mgmt with auth off and on\n\n${context}\n\n${table}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_DIR)}/bench-auth.md`);
}

await main();

/**
 * The TLS rows of the side-by-side benchmark: the put and read workloads of
 * `tools:bench`, from the same load-generator child, against a 3-member etcd
 * with its TLS flags (https client and peer URLs, client and peer
 * certificate auth, certificates made with openssl) and a 3-member mgmt
 * cluster started with a join token (https everywhere, the automatic PKI).
 * Prints the table and writes tools/out/bench-tls.md.
 *
 * Usage: npx tsx src/bench/tls-main.ts [--put-clients 1,64] [--read-clients 64] [--duration-ms N]
 */
import { makeTestCa } from '@mgmt/transport/testing';
import { randomBytes } from 'node:crypto';
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

async function leaderFirst(cluster: Cluster): Promise<string[]> {
  await waitForVoters(cluster, 3, 120_000);
  const leader = await findLeader(cluster, 30_000);
  return [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'put-clients': { type: 'string', default: '1,64' }, 'read-clients': { type: 'string', default: '64' }, 'duration-ms': { type: 'string', default: '5000' } },
  });
  const putClients = values['put-clients'].split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const readClients = Number(values['read-clients']);
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
    const ca = makeTestCa(path.join(workDir, 'pki'), 'bench-ca');
    const etcdDir = path.join(workDir, 'etcd-tls');
    const mgmtDir = path.join(workDir, 'mgmt-tls');
    fs.mkdirSync(etcdDir, { recursive: true });
    fs.mkdirSync(mgmtDir, { recursive: true });
    const clusters = {
      etcd: await startEtcdCluster(registry, 3, etcdDir, { ca }),
      mgmt: await startMgmtCluster(registry, { size: 3, dir: mgmtDir, token: randomBytes(18).toString('base64url') }),
    };
    const endpoints = { etcd: await leaderFirst(clusters.etcd), mgmt: await leaderFirst(clusters.mgmt) };
    log('etcd and mgmt: 3 members each, TLS with client certificates');
    const run = async (workload: string, job: (system: 'etcd' | 'mgmt') => Parameters<LoadGen['run']>[0]) => {
      const r = {} as { etcd: LatencySummary; mgmt: LatencySummary };
      for (const system of ['etcd', 'mgmt'] as const) {
        r[system] = await gen.run<LatencySummary>(job(system));
        log(`${system}: ${workload}: ${r[system].throughputPerSec.toFixed(0)}/s p50 ${r[system].p50Ms.toFixed(2)} ms p99 ${r[system].p99Ms.toFixed(2)} ms errors ${r[system].errors}`);
      }
      rows.push({ workload, ...r });
    };
    for (const clients of putClients) {
      await run(`put, ${clients} client${clients === 1 ? '' : 's'}`, (s) => ({ kind: 'put', endpoints: endpoints[s], tls: clusters[s].tls, clients, valueBytes: 256, keySpace: 10_000, ...timing }));
    }
    for (const serializable of [false, true]) {
      await run(`${serializable ? 'serializable' : 'linearizable'} read, ${readClients} clients`, (s) => ({ kind: 'read', endpoints: endpoints[s], tls: clusters[s].tls, clients: readClients, serializable, ...timing }));
    }
  } finally {
    gen.close();
    registry.killAll();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const fmt = (s: LatencySummary) => `${s.throughputPerSec.toFixed(0)}/s, p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms`;
  const table = [
    '| workload (TLS, client certificates) | etcd | mgmt (--token) | mgmt/etcd throughput |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.workload} | ${fmt(r.etcd)} | ${fmt(r.mgmt)} | ${(r.mgmt.throughputPerSec / Math.max(1e-9, r.etcd.throughputPerSec)).toFixed(2)}x |`),
  ].join('\n');
  const context = `${os.cpus().length} cores, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} at start, ${timing.durationMs} ms per run after a ${timing.warmupMs} ms warm-up, 256-byte values, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
  console.log(`\n${context}\n\n${table}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'bench-tls.md'), `# etcd vs mgmt with TLS on both sides\n\n${context}\n\n${table}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_DIR)}/bench-tls.md`);
}

await main();

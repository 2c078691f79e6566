/**
 * The TLS rows of the benchmark (the `tls` section): the put and read
 * workloads against a 3-member etcd with its TLS flags (https client and
 * peer URLs, `--client-cert-auth`, `--peer-client-cert-auth`, certificates
 * made with openssl, as an operator makes them) and a 3-member mgmt cluster
 * started with a join token (https everywhere, the automatic PKI; clients
 * use h1's data-dir credentials). The systems take turns workload by
 * workload, as in the plaintext rows.
 */
import { makeTestCa } from '@mgmt/transport/testing';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findLeader, waitForVoters, type Cluster } from './cluster.js';
import { startEtcdCluster } from './etcd-cluster.js';
import type { LoadGen } from './loadgen-client.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import type { ProcessRegistry } from './processes.js';
import type { SystemResults } from './results.js';
import type { LatencySummary } from './stats.js';
import type { WorkloadOptions } from './workloads.js';

type System = 'etcd' | 'mgmt';

async function startTlsCluster(system: System, registry: ProcessRegistry, o: WorkloadOptions): Promise<{ cluster: Cluster; endpoints: string[] }> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-tls-`));
  const cluster =
    system === 'etcd'
      ? await startEtcdCluster(registry, 3, dir, { ca: makeTestCa(path.join(dir, 'pki'), 'bench-ca') })
      : await startMgmtCluster(registry, { size: 3, dir, token: randomBytes(18).toString('base64url') });
  await waitForVoters(cluster, 3, 120_000);
  const leader = await findLeader(cluster, 30_000);
  o.log(`${system}: 3 members up with TLS and client certificates, leader ${leader.name}`);
  return { cluster, endpoints: [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint) };
}

/** Runs the TLS puts (`o.tlsPutClients`) and reads (`o.readClients`) on every system; fills `results[system].tls`. */
export async function tlsWorkloads(systems: readonly System[], registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions, results: Map<System, SystemResults>): Promise<void> {
  const timing = { warmupMs: o.warmupMs, durationMs: o.durationMs };
  const running = new Map<System, { cluster: Cluster; endpoints: string[] }>();
  try {
    for (const system of systems) {
      running.set(system, await startTlsCluster(system, registry, o));
      results.get(system)!.tls = { puts: [] };
    }
    for (const clients of o.tlsPutClients) {
      for (const [system, { cluster, endpoints }] of running) {
        const summary = await gen.run<LatencySummary>({ kind: 'put', endpoints, tls: cluster.tls, clients, valueBytes: o.valueBytes, keySpace: o.keySpace, ...timing });
        o.log(`${system}: TLS put ${clients} clients: ${summary.throughputPerSec.toFixed(0)} ops/s p50 ${summary.p50Ms.toFixed(2)} ms p99 ${summary.p99Ms.toFixed(2)} ms errors ${summary.errors}`);
        results.get(system)!.tls!.puts.push({ clients, summary });
      }
    }
    for (const serializable of [false, true]) {
      for (const [system, { cluster, endpoints }] of running) {
        const summary = await gen.run<LatencySummary>({ kind: 'read', endpoints, tls: cluster.tls, clients: o.readClients, serializable, ...timing });
        o.log(`${system}: TLS ${serializable ? 'serializable' : 'linearizable'} reads ${summary.throughputPerSec.toFixed(0)}/s p99 ${summary.p99Ms.toFixed(2)} ms errors ${summary.errors}`);
        const tls = results.get(system)!.tls!;
        tls.reads ??= { clients: o.readClients, linearizable: summary, serializable: summary };
        tls.reads[serializable ? 'serializable' : 'linearizable'] = summary;
      }
    }
  } finally {
    for (const r of running.values()) await r.cluster.stop();
  }
}

/**
 * The benchmark's sequence for one system, the same for both: a 3-member
 * cluster for puts, memory, reads, watch fan-out and failover, then fresh
 * clusters of 3 and 5 for formation. The load generator (a child process)
 * issues every timed request; this driver only starts, finds and kills
 * servers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLeader, liveMembers, waitForVoters, type Cluster } from './cluster.js';
import { startEtcdCluster } from './etcd-cluster.js';
import type { LoadGen } from './loadgen-client.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import { residentBytes, type ProcessRegistry } from './processes.js';
import { epochMs, type InstantResult, type WatchResult } from './protocol.js';
import type { FormationResult, SystemResults } from './results.js';
import type { LatencySummary } from './stats.js';

/** Parts of the benchmark that can be run alone (--only). */
export const SECTIONS = ['puts', 'reads', 'watch', 'failover', 'formation'] as const;
export type Section = (typeof SECTIONS)[number];

/** How to run the workloads. */
export interface WorkloadOptions {
  putClients: number[];
  readClients: number;
  watchers: number;
  watchWriters: number;
  valueBytes: number;
  keySpace: number;
  warmupMs: number;
  durationMs: number;
  formationSizes: number[];
  /** Failover is measured this many times (the report shows the median). */
  failoverRuns: number;
  sections: ReadonlySet<Section>;
  /** Where clusters keep their data and logs. */
  workDir: string;
  /** mgmt only: write CPU profiles of the members here. */
  cpuProfileDir?: string;
  log: (line: string) => void;
}

function startCluster(system: 'etcd' | 'mgmt', registry: ProcessRegistry, size: number, dir: string, o: WorkloadOptions): Promise<Cluster> {
  fs.mkdirSync(dir, { recursive: true });
  return system === 'etcd' ? startEtcdCluster(registry, size, dir) : startMgmtCluster(registry, { size, dir, cpuProfileDir: o.cpuProfileDir });
}

/** Runs every selected section against `system`. */
export async function benchSystem(system: 'etcd' | 'mgmt', registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions): Promise<SystemResults> {
  const results: SystemResults = { system, puts: [], formation: [] };
  const needsSteady = (['puts', 'reads', 'watch', 'failover'] as const).some((s) => o.sections.has(s));
  if (needsSteady) await steadyState(system, registry, gen, o, results);
  if (o.sections.has('failover')) await moreFailovers(system, registry, gen, o, results);
  if (o.sections.has('formation')) {
    for (const size of o.formationSizes) results.formation.push(await formation(system, registry, gen, size, o));
  }
  return results;
}

async function steadyState(system: 'etcd' | 'mgmt', registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions, results: SystemResults): Promise<void> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-3-`));
  const cluster = await startCluster(system, registry, 3, dir, o);
  try {
    await waitForVoters(cluster, 3);
    const leader = await findLeader(cluster);
    o.log(`${system}: 3 members up, leader ${leader.name}`);
    // Leader first: a single client talks to the leader; more clients spread over every member (etcd's benchmark with all endpoints).
    const all = [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint);
    const timing = { warmupMs: o.warmupMs, durationMs: o.durationMs };
    if (o.sections.has('puts')) {
      for (const clients of o.putClients) {
        const summary = await gen.run<LatencySummary>({ kind: 'put', endpoints: all, clients, valueBytes: o.valueBytes, keySpace: o.keySpace, ...timing });
        o.log(`${system}: put ${clients} clients: ${summary.throughputPerSec.toFixed(0)} ops/s p50 ${summary.p50Ms.toFixed(2)} ms p99 ${summary.p99Ms.toFixed(2)} ms errors ${summary.errors}`);
        results.puts.push({ clients, summary });
      }
      results.memoryBytes = cluster.members.map((m) => residentBytes(m.child.pid) ?? Number.NaN);
      o.log(`${system}: resident memory ${results.memoryBytes.map((b) => (b / 2 ** 20).toFixed(0)).join(', ')} MB`);
    }
    if (o.sections.has('reads')) {
      const linearizable = await gen.run<LatencySummary>({ kind: 'read', endpoints: all, clients: o.readClients, serializable: false, ...timing });
      const serializable = await gen.run<LatencySummary>({ kind: 'read', endpoints: all, clients: o.readClients, serializable: true, ...timing });
      o.log(`${system}: reads linearizable ${linearizable.throughputPerSec.toFixed(0)}/s, serializable ${serializable.throughputPerSec.toFixed(0)}/s`);
      results.reads = { clients: o.readClients, linearizable, serializable };
    }
    if (o.sections.has('watch')) {
      const w = await gen.run<WatchResult>({ kind: 'watch', endpoints: all, watchers: o.watchers, writers: o.watchWriters, valueBytes: o.valueBytes, ...timing });
      o.log(`${system}: watch ${w.eventsPerSec.toFixed(0)} events/s (${w.writesPerSec.toFixed(0)} writes/s, delivered ${(w.deliveredFraction * 100).toFixed(1)}%)`);
      results.watch = { ...w, watchers: o.watchers };
    }
    if (o.sections.has('failover')) {
      results.failoverRunsMs = [await failover(cluster, gen, o)];
    }
  } finally {
    await cluster.stop();
  }
}

/** SIGKILLs the leader while the load generator writes through the survivors; ms to the next successful write. */
async function failover(cluster: Cluster, gen: LoadGen, o: WorkloadOptions): Promise<number> {
  const leader = await findLeader(cluster);
  const survivors = liveMembers(cluster).filter((m) => m !== leader).map((m) => m.endpoint);
  const ms = await gen.failover({ kind: 'failover', endpoints: survivors, attemptTimeoutMs: 100, giveUpMs: 30_000 }, async () => {
    const at = epochMs();
    leader.child.kill('SIGKILL');
    return at;
  });
  o.log(`${cluster.system}: failover ${ms.toFixed(0)} ms (killed ${leader.name})`);
  return ms;
}

/** Further failover runs, each on a fresh 3-member cluster (the first ran on the steady-state one). */
async function moreFailovers(system: 'etcd' | 'mgmt', registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions, results: SystemResults): Promise<void> {
  for (let run = 1; run < o.failoverRuns; run++) {
    const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-failover-`));
    const cluster = await startCluster(system, registry, 3, dir, o);
    try {
      await waitForVoters(cluster, 3);
      await findLeader(cluster);
      results.failoverRunsMs = [...(results.failoverRunsMs ?? []), await failover(cluster, gen, o)];
    } finally {
      await cluster.stop();
    }
  }
}

async function formation(system: 'etcd' | 'mgmt', registry: ProcessRegistry, gen: LoadGen, size: number, o: WorkloadOptions): Promise<FormationResult> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-form${size}-`));
  // The clock starts before the ports are chosen (a few ms) and the first process is spawned.
  const t0 = epochMs();
  const cluster = await startCluster(system, registry, size, dir, o);
  try {
    const endpoints = cluster.members.map((m) => m.endpoint);
    const [write, votersMs] = await Promise.all([
      gen.run<InstantResult>({ kind: 'first-write', endpoints, attemptTimeoutMs: 250, giveUpMs: 60_000 }),
      waitForVoters(cluster, size).then(() => epochMs() - t0),
    ]);
    const r = { members: size, firstWriteMs: write.atMs - t0, allVotersMs: votersMs };
    o.log(`${system}: formation of ${size}: first write ${r.firstWriteMs.toFixed(0)} ms, ${size} voters ${r.allVotersMs.toFixed(0)} ms`);
    return r;
  } finally {
    await cluster.stop();
  }
}

/** A scratch dir for one run's clusters. */
export function makeWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-bench-'));
}

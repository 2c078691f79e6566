/**
 * The benchmark's sequence, the same for both systems: a 3-member cluster
 * of each for puts, memory, reads, watch fan-out and a first failover, then
 * fresh 3-member clusters for further failovers and clusters of 3 and 5 for
 * formation. The load generator (a child process)
 * issues every timed request; this driver only starts, finds and kills
 * servers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLeader, liveMembers, waitForVoters, type Cluster } from './cluster.js';
import { startEtcdCluster } from './etcd-cluster.js';
import { FORMATION_T0_FILE, describeFormationPhases, formationPhases } from './formation-phases.js';
import type { LoadGen } from './loadgen-client.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import { megabytes, residentOfMembers, type ProcessRegistry } from './processes.js';
import { epochMs, type InstantResult, type WatchResult } from './protocol.js';
import type { FormationResult, SystemResults } from './results.js';
import type { LatencySummary } from './stats.js';
import { hourWorkload, idleWorkload } from './idle-workloads.js';
import { tlsWorkloads } from './tls-workloads.js';

/** Parts of the benchmark that can be run alone (--only). */
export const SECTIONS = ['puts', 'reads', 'watch', 'hour', 'idle', 'failover', 'formation', 'tls'] as const;
export type Section = (typeof SECTIONS)[number];

/** How to run the workloads. */
export interface WorkloadOptions {
  putClients: number[];
  /** Clients of the TLS put rows (the `tls` section). */
  tlsPutClients: number[];
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
  /** Puts replayed for the hour-like memory row (the `hour` section). */
  hourWrites: number;
  /** Idle time before the hour row's memory and the idle row's CPU window. */
  settleMs: number;
  /** How long the idle leader's CPU is measured. */
  idleWindowMs: number;
  /** mgmt only: write CPU profiles of the members here. */
  cpuProfileDir?: string;
  log: (line: string) => void;
}

function startCluster(system: System, registry: ProcessRegistry, size: number, dir: string, o: WorkloadOptions, logLevel?: string): Promise<Cluster> {
  fs.mkdirSync(dir, { recursive: true });
  return system === 'etcd' ? startEtcdCluster(registry, size, dir) : startMgmtCluster(registry, { size, dir, cpuProfileDir: o.cpuProfileDir, logLevel });
}

type System = 'etcd' | 'mgmt';

/** A steady-state cluster and the order its endpoints are used in. */
interface Running {
  cluster: Cluster;
  /** Leader first: one client talks to the leader; more spread over every member (etcd's benchmark with all endpoints). */
  endpoints: string[];
}

/**
 * Runs every selected section against every system, the systems taking
 * turns workload by workload (etcd's puts, mgmt's puts, etcd's reads...):
 * on a machine whose load drifts, neither system gets all the quiet minutes.
 * Both steady-state clusters run for the whole time; an idle cluster costs
 * a few percent of one core.
 */
export async function benchSystems(systems: readonly System[], registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions): Promise<Map<System, SystemResults>> {
  const results = new Map<System, SystemResults>(systems.map((s) => [s, { system: s, puts: [], formation: [] }]));
  const needsSteady = (['puts', 'reads', 'watch', 'hour', 'idle', 'failover'] as const).some((s) => o.sections.has(s));
  if (needsSteady) {
    const running = new Map<System, Running>();
    try {
      for (const system of systems) running.set(system, await startSteady(system, registry, o));
      await steadyWorkloads(running, gen, o, results);
    } finally {
      for (const r of running.values()) await r.cluster.stop();
    }
  }
  if (o.sections.has('tls')) await tlsWorkloads(systems, registry, gen, o, results);
  if (o.sections.has('failover')) {
    for (let run = 1; run < o.failoverRuns; run++) {
      for (const system of systems) {
        const r = results.get(system)!;
        r.failoverRunsMs = [...(r.failoverRunsMs ?? []), await freshFailover(system, registry, gen, o)];
      }
    }
  }
  if (o.sections.has('formation')) {
    for (const size of o.formationSizes) for (const system of systems) results.get(system)!.formation.push(await formation(system, registry, gen, size, o));
  }
  return results;
}

async function startSteady(system: System, registry: ProcessRegistry, o: WorkloadOptions): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-3-`));
  const cluster = await startCluster(system, registry, 3, dir, o);
  await waitForVoters(cluster, 3);
  const leader = await findLeader(cluster);
  o.log(`${system}: 3 members up, leader ${leader.name}`);
  return { cluster, endpoints: [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint) };
}

async function steadyWorkloads(running: Map<System, Running>, gen: LoadGen, o: WorkloadOptions, results: Map<System, SystemResults>): Promise<void> {
  const timing = { warmupMs: o.warmupMs, durationMs: o.durationMs };
  if (o.sections.has('puts')) {
    for (const [system, { cluster }] of running) {
      const bytes = residentOfMembers(cluster.members);
      results.get(system)!.memoryBeforeBytes = bytes;
      o.log(`${system}: resident memory before the puts ${megabytes(bytes)} MB`);
    }
    for (const clients of o.putClients) {
      for (const [system, { endpoints }] of running) {
        const summary = await gen.run<LatencySummary>({ kind: 'put', endpoints, clients, valueBytes: o.valueBytes, keySpace: o.keySpace, ...timing });
        o.log(`${system}: put ${clients} clients: ${summary.throughputPerSec.toFixed(0)} ops/s p50 ${summary.p50Ms.toFixed(2)} ms p99 ${summary.p99Ms.toFixed(2)} ms errors ${summary.errors}`);
        results.get(system)!.puts.push({ clients, summary });
      }
    }
    for (const [system, { cluster }] of running) {
      const bytes = residentOfMembers(cluster.members);
      results.get(system)!.memoryBytes = bytes;
      o.log(`${system}: resident memory ${megabytes(bytes)} MB`);
    }
    // The target is an idle member's: both systems are idle from here (they took turns), measured after the same wait.
    await new Promise((r) => setTimeout(r, o.settleMs));
    for (const [system, { cluster }] of running) {
      const bytes = residentOfMembers(cluster.members);
      results.get(system)!.memoryIdle = { bytes, settleMs: o.settleMs };
      o.log(`${system}: resident memory after ${o.settleMs} ms idle ${megabytes(bytes)} MB`);
    }
  }
  if (o.sections.has('reads')) {
    for (const serializable of [false, true]) {
      for (const [system, { endpoints }] of running) {
        const summary = await gen.run<LatencySummary>({ kind: 'read', endpoints, clients: o.readClients, serializable, ...timing });
        o.log(`${system}: ${serializable ? 'serializable' : 'linearizable'} reads ${summary.throughputPerSec.toFixed(0)}/s p99 ${summary.p99Ms.toFixed(2)} ms errors ${summary.errors}`);
        const r = results.get(system)!;
        r.reads ??= { clients: o.readClients, linearizable: summary, serializable: summary };
        r.reads[serializable ? 'serializable' : 'linearizable'] = summary;
      }
    }
  }
  if (o.sections.has('watch')) {
    for (const [system, { endpoints }] of running) {
      const w = await gen.run<WatchResult>({ kind: 'watch', endpoints, watchers: o.watchers, writers: o.watchWriters, valueBytes: o.valueBytes, ...timing });
      o.log(`${system}: watch ${w.eventsPerSec.toFixed(0)} events/s (${w.writesPerSec.toFixed(0)} writes/s, delivered ${(w.deliveredFraction * 100).toFixed(1)}%)`);
      results.get(system)!.watch = { ...w, watchers: o.watchers };
    }
  }
  if (o.sections.has('hour')) await hourWorkload(running, gen, o, results);
  if (o.sections.has('idle')) await idleWorkload(running, o, results);
  if (o.sections.has('failover')) {
    for (const [system, { cluster }] of running) results.get(system)!.failoverRunsMs = [await failover(cluster, gen, o)];
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

/** One failover on a fresh 3-member cluster. */
async function freshFailover(system: System, registry: ProcessRegistry, gen: LoadGen, o: WorkloadOptions): Promise<number> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-failover-`));
  const cluster = await startCluster(system, registry, 3, dir, o);
  try {
    await waitForVoters(cluster, 3);
    await findLeader(cluster);
    return await failover(cluster, gen, o);
  } finally {
    await cluster.stop();
  }
}

async function formation(system: System, registry: ProcessRegistry, gen: LoadGen, size: number, o: WorkloadOptions): Promise<FormationResult> {
  const dir = fs.mkdtempSync(path.join(o.workDir, `${system}-form${size}-`));
  // The clock starts before the ports are chosen (a few ms) and the first process is spawned.
  const t0 = epochMs();
  // Kept with the logs (--keep) so that formation-table.ts can print the phases again.
  fs.writeFileSync(path.join(dir, FORMATION_T0_FILE), `${t0}\n`);
  // mgmt members log at info level here: their start-up phases are read back below.
  const cluster = await startCluster(system, registry, size, dir, o, 'info');
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
    if (system === 'mgmt') logFormationPhases(cluster, dir, t0, o);
  }
}

/** The members' start-up phases from their logs (formation-phases.ts), one line each. */
function logFormationPhases(cluster: Cluster, dir: string, t0: number, o: WorkloadOptions): void {
  const logs = new Map<string, string>();
  for (const m of cluster.members) {
    try {
      logs.set(m.name, fs.readFileSync(path.join(dir, `${m.name}.log`), 'utf8'));
    } catch {
      // no log: the member's phases stay unknown
    }
  }
  for (const line of describeFormationPhases(formationPhases(logs, t0))) o.log(line);
}

/** A scratch dir for one run's clusters. */
export function makeWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-bench-'));
}

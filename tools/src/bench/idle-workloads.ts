/**
 * The long-run rows (sections `hour` and `idle`), on the steady 3-member
 * clusters after their other workloads:
 * - hour: an hour-like write volume (`hourWrites` puts of 256-byte values
 *   over the key space: a config-management cluster writing about ten times
 *   a second for an hour) replayed as fast as 64 clients go, then a pause
 *   for the periodic compaction and snapshot work, then each member's
 *   resident set;
 * - idle: the leader's CPU over `idleWindowMs` with no client at all, as a
 *   percent of one core (user + system time from /proc).
 * The load average is recorded beside each figure: on a shared machine the
 * quiet run is the one to read.
 */
import os from 'node:os';
import { findLeader, type Cluster } from './cluster.js';
import type { LoadGen } from './loadgen-client.js';
import { corePercentOver } from './process-cpu.js';
import { megabytes, residentOfMembers } from './processes.js';
import type { SystemResults } from './results.js';
import type { LatencySummary } from './stats.js';
import type { WorkloadOptions } from './workloads.js';

type System = 'etcd' | 'mgmt';

/** What the hour and idle sections need of a running cluster. */
export interface SteadyCluster {
  cluster: Cluster;
  endpoints: string[];
}

/** Puts from 64 clients until `writes` have completed; the count done. */
async function replayWrites(gen: LoadGen, endpoints: string[], writes: number, o: WorkloadOptions): Promise<number> {
  let done = 0;
  // Bounded: each run is 5 s, and a system that does fewer than 50 puts/s is given up on.
  for (let runs = 0; done < writes && runs < Math.ceil(writes / 250) + 1; runs++) {
    const s = await gen.run<LatencySummary>({ kind: 'put', endpoints, clients: 64, valueBytes: o.valueBytes, keySpace: o.keySpace, warmupMs: 0, durationMs: 5_000 });
    done += s.count;
  }
  return done;
}

/** Replays the hour's writes on each system in turn, waits `settleMs`, and records every member's resident set. */
export async function hourWorkload(running: Map<System, SteadyCluster>, gen: LoadGen, o: WorkloadOptions, results: Map<System, SystemResults>): Promise<void> {
  for (const [system, { cluster, endpoints }] of running) {
    const t0 = performance.now();
    const writes = await replayWrites(gen, endpoints, o.hourWrites, o);
    const replayMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, o.settleMs));
    const bytes = residentOfMembers(cluster.members);
    const loadAverage = os.loadavg();
    results.get(system)!.hour = { writes, replayMs, memoryBytes: bytes, loadAverage };
    o.log(`${system}: ${writes} writes in ${(replayMs / 1000).toFixed(1)} s, then ${o.settleMs} ms idle: resident ${megabytes(bytes)} MB (load ${loadAverage.map((x) => x.toFixed(2)).join(' ')})`);
  }
}

/** The leader's CPU with no clients, each system measured alone while the other is idle too. */
export async function idleWorkload(running: Map<System, SteadyCluster>, o: WorkloadOptions, results: Map<System, SystemResults>): Promise<void> {
  for (const [system, { cluster }] of running) {
    const leader = await findLeader(cluster);
    // The leader query itself is a request: let its effects pass before the window opens.
    await new Promise((r) => setTimeout(r, o.settleMs));
    const loadStart = os.loadavg();
    const pcts = await corePercentOver(cluster.members.map((m) => m.child.pid), o.idleWindowMs);
    const leaderPct = pcts[cluster.members.indexOf(leader)]!;
    results.get(system)!.idle = { leaderCorePercent: leaderPct, memberCorePercents: pcts, windowMs: o.idleWindowMs, loadAverage: loadStart };
    o.log(`${system}: idle over ${o.idleWindowMs} ms: leader ${leader.name} ${leaderPct.toFixed(2)}% of a core, members ${pcts.map((p) => p.toFixed(2)).join(', ')}% (load ${loadStart.map((x) => x.toFixed(2)).join(' ')})`);
  }
}

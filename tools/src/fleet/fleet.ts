/**
 * The fleet harness: a real 3-member cluster of `mgmt run` processes, plus
 * N agents running the real agent code, many per process (fleet-worker.ts).
 * It measures what the README quotes: leader and follower CPU and memory at
 * steady state (idle, then with the fleet), the requests per second the
 * leader serves by kind, propagation of a change to every agent, a mass
 * restart, a leader kill, and the cost of one idle `mgmt run --no-server`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterClient } from '@mgmt/agent';
import { startMgmtCluster } from '../bench/mgmt-cluster.js';
import { findLeader, liveMembers, waitForVoters, type Cluster, type ClusterMember } from '../bench/cluster.js';
import { freePort, residentBytes, type ProcessRegistry } from '../bench/processes.js';
import { percentile, type FleetOptions } from './fleet-args.js';
import { FLEET_SOURCE_KEY, type FleetWorkerConfig, type FleetWorkerMessage } from './fleet-protocol.js';
import { cpuSeconds, loadAverage, ratesPerSecond, requestCounts } from './proc-sample.js';

const WORKER = path.resolve(import.meta.dirname, 'fleet-worker.ts');
const MGMT_BIN = path.resolve(import.meta.dirname, '../../../node_modules/.bin/mgmt');

/** One row of the table. */
export interface FleetRow {
  what: string;
  value: string;
}

/** What a run found (the CI test checks `propagation.missing`). */
export interface FleetResult {
  rows: FleetRow[];
  /** Agents that never observed a timed change (should be none). */
  missing: number;
  lastLine: string;
}

/** An agent process and what its agents reported. */
interface WorkerProc {
  child: ChildProcess;
  first: number;
  count: number;
}

/** What every agent reported, by global index. */
class FleetState {
  readonly registeredAtMs: Array<number | undefined>;
  readonly revision: number[];
  constructor(readonly size: number) {
    this.registeredAtMs = new Array<number | undefined>(size).fill(undefined);
    this.revision = new Array<number>(size).fill(0);
  }
  /** When each agent first observed a revision >= `rev`, recorded by `watchFor`. */
  private waits: Array<{ rev: number; seenAtMs: Array<number | undefined> }> = [];

  onMessage(w: WorkerProc, m: FleetWorkerMessage): void {
    const now = performance.now();
    if (m.type === 'registered') for (const i of m.indexes) this.registeredAtMs[w.first + i] ??= now;
    if (m.type === 'observed') {
      for (const [i, rev] of m.revisions) {
        const g = w.first + i;
        this.revision[g] = Math.max(this.revision[g]!, rev);
        for (const wait of this.waits) if (rev >= wait.rev) wait.seenAtMs[g] ??= now;
      }
    }
  }

  watchFor(rev: number): Array<number | undefined> {
    const seenAtMs = this.revision.map((r) => (r >= rev ? performance.now() : undefined));
    this.waits.push({ rev, seenAtMs });
    return seenAtMs;
  }

  stopWatching(seen: Array<number | undefined>): void {
    this.waits = this.waits.filter((w) => w.seenAtMs !== seen);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<boolean> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (check()) return true;
    await sleep(20);
  }
  process.stderr.write(`fleet: ${what}: not within ${timeoutMs} ms\n`);
  return false;
}

/** CPU (% of one core) and resident memory of `pids` over `windowMs`. */
async function sampleCpu(pids: Array<number | undefined>, windowMs: number): Promise<Array<{ cpuPercent: number; rssMb: number }>> {
  const before = pids.map(cpuSeconds);
  const t0 = performance.now();
  await sleep(windowMs);
  const seconds = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => ({ cpuPercent: (100 * ((cpuSeconds(pid) ?? 0) - (before[i] ?? 0))) / seconds, rssMb: (residentBytes(pid) ?? 0) / 2 ** 20 }));
}

async function metricsOf(m: ClusterMember): Promise<Map<string, number>> {
  try {
    const res = await fetch(`http://${m.endpoint}/metrics`, { signal: AbortSignal.timeout(3_000) });
    return requestCounts(await res.text());
  } catch {
    return new Map();
  }
}

const fmt = (n: number | undefined, unit: string) => (n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(n >= 100 ? 0 : 1)} ${unit}`);

/** Runs the fleet and returns its table. */
export async function runFleet(o: FleetOptions, registry: ProcessRegistry, log: (line: string) => void): Promise<FleetResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-fleet-'));
  const rows: FleetRow[] = [];
  const row = (what: string, value: string) => {
    rows.push({ what, value });
    log(`${what}: ${value}`);
  };
  const workers: WorkerProc[] = [];
  const client = new ClusterClient([]);
  try {
    const cluster = await startMgmtCluster(registry, { size: 3, dir });
    await waitForVoters(cluster, 3, 120_000);
    client.setEndpoints(cluster.members.map((m) => `http://${m.endpoint}`));
    let leader = await findLeader(cluster);
    const followers = () => liveMembers(cluster).filter((m) => m !== leader);
    // Idle cluster first.
    await sleep(2_000);
    const idle = await sampleCpu([leader.child.pid, ...followers().map((m) => m.child.pid)], o.windowMs);
    row('idle 3-member cluster: leader CPU / RSS', `${fmt(idle[0]!.cpuPercent, '% core')} / ${fmt(idle[0]!.rssMb, 'MB')} (load ${loadAverage().toFixed(2)})`);

    // The fleet.
    const state = new FleetState(o.agents);
    const seeds = cluster.members.map((m) => `http://${m.endpoint}`);
    const spawnWorkers = () => {
      for (let first = 0; first < o.agents; first += o.perProcess) {
        const count = Math.min(o.perProcess, o.agents - first);
        const config: FleetWorkerConfig = { hostnames: Array.from({ length: count }, (_, i) => `f${String(first + i).padStart(4, '0')}`), seeds, dir: path.join(dir, 'fleet'), idealClusterSize: 3 };
        const logFd = fs.openSync(path.join(dir, `worker-${first}.log`), 'a');
        const child = fork(WORKER, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', logFd, logFd, 'ipc'], env: { ...process.env, MGMT_LOG_LEVEL: process.env.MGMT_LOG_LEVEL ?? 'warn' } });
        fs.closeSync(logFd);
        registry.track(child);
        const w: WorkerProc = { child, first, count };
        child.on('message', (m) => state.onMessage(w, m as FleetWorkerMessage));
        workers.push(w);
      }
    };
    const t0 = performance.now();
    spawnWorkers();
    const allRegistered = () => state.registeredAtMs.every((t) => t !== undefined);
    await until('every agent registered', allRegistered, 300_000);
    row(`${o.agents} agents started: all registered`, fmt((Math.max(...state.registeredAtMs.map((t) => t ?? Number.NaN)) - t0) / 1000, 's'));
    await sleep(3_000);

    // Steady state.
    leader = await findLeader(cluster);
    const before = await metricsOf(leader);
    const tw = performance.now();
    const steady = await sampleCpu([leader.child.pid, ...followers().map((m) => m.child.pid), ...workers.map((w) => w.child.pid)], o.windowMs);
    const rates = ratesPerSecond(before, await metricsOf(leader), (performance.now() - tw) / 1000);
    row(`steady, ${o.agents} agents: leader CPU / RSS`, `${fmt(steady[0]!.cpuPercent, '% core')} / ${fmt(steady[0]!.rssMb, 'MB')} (load ${loadAverage().toFixed(2)})`);
    const fol = steady.slice(1, 3);
    row(`steady, ${o.agents} agents: follower CPU / RSS`, fol.map((f) => `${fmt(f.cpuPercent, '% core')} / ${fmt(f.rssMb, 'MB')}`).join('; '));
    const agentsCpu = steady.slice(3).reduce((a, b) => a + b.cpuPercent, 0);
    const agentsRss = steady.slice(3).reduce((a, b) => a + b.rssMb, 0);
    row(`steady, ${o.agents} agents: agent processes (${workers.length}) CPU / RSS`, `${fmt(agentsCpu, '% core')} / ${fmt(agentsRss, 'MB')}`);
    row('leader requests/s by kind', rates.map(([m, r]) => `${m} ${r.toFixed(1)}`).join(', ') || 'none');

    // Propagation.
    let missing = 0;
    const timeChange = async (what: string, write: (i: number) => Promise<void>, key: string) => {
      const all: number[] = [];
      for (let i = 0; i < o.changes; i++) {
        const tc = performance.now();
        await write(i);
        const rev = (await client.get(key))?.modRevision ?? 0;
        const seen = state.watchFor(rev);
        await until(`${what}: every agent observed revision ${rev}`, () => seen.every((t) => t !== undefined), 30_000);
        state.stopWatching(seen);
        missing += seen.filter((t) => t === undefined).length;
        all.push(...seen.filter((t): t is number => t !== undefined).map((t) => Math.max(0, t - tc)));
        await sleep(500);
      }
      row(`propagation of ${what} to all ${o.agents} agents: p50 / p99 / max`, [50, 99, 100].map((p) => fmt(percentile(all, p), 'ms')).join(' / '));
    };
    await timeChange('an idealClusterSize write', () => client.put('/_mgmt/idealClusterSize', '3'), '/_mgmt/idealClusterSize');
    await timeChange('an exported resource edit', (i) => client.put(FLEET_SOURCE_KEY, JSON.stringify({ name: 'shared', path: '/fleet/shared', content: `edit ${i}\n`, state: 'exists' })), FLEET_SOURCE_KEY);

    if (!o.quick) {
      // Mass restart: every agent process killed and started again.
      for (const w of workers) w.child.kill('SIGKILL');
      workers.length = 0;
      state.registeredAtMs.fill(undefined);
      const tr = performance.now();
      spawnWorkers();
      await until('every agent registered again after the mass restart', allRegistered, 120_000);
      row(`mass restart of all ${o.agents} agents: all registered again`, fmt((Math.max(...state.registeredAtMs.map((t) => t ?? Number.NaN)) - tr) / 1000, 's'));
      await sleep(3_000);

      // Leader kill under the full fleet.
      leader = await findLeader(cluster);
      const tk = performance.now();
      leader.child.kill('SIGKILL');
      let wrote = false;
      while (!wrote && performance.now() - tk < 60_000) {
        try {
          await client.put('/fleet/after-kill', String(Date.now()));
          wrote = true;
        } catch {
          await sleep(20);
        }
      }
      row('leader killed: time to the next write', fmt((performance.now() - tk) / 1000, 's'));
      await client.put('/_mgmt/idealClusterSize', '3');
      const rev = (await client.get('/_mgmt/idealClusterSize'))?.modRevision ?? 0;
      const seen = state.watchFor(rev);
      await until('every agent attached again after the leader kill', () => seen.every((t) => t !== undefined), 60_000);
      missing += seen.filter((t) => t === undefined).length;
      row(`leader killed: all ${o.agents} agents attached again (observed a write made after it)`, fmt((Math.max(...seen.map((t) => t ?? Number.NaN)) - tk) / 1000, 's'));
    }

    // One idle client agent on its own host.
    const soloClient = await freePort();
    const solo = registry.spawnLogged(MGMT_BIN, ['run', '--no-server', '--hostname', 'solo', '--client-urls', `http://127.0.0.1:${soloClient}`, '--data-dir', path.join(dir, 'solo'), '--seeds', seeds.join(',')], path.join(dir, 'solo.log'), { ...process.env, MGMT_LOG_LEVEL: 'warn' });
    await sleep(8_000);
    const [soloCost] = await sampleCpu([solo.pid], o.windowMs);
    row('one idle `mgmt run --no-server`: CPU / RSS', `${fmt(soloCost!.cpuPercent, '% core')} / ${fmt(soloCost!.rssMb, 'MB')}`);
    await registry.stop(solo, 'SIGKILL');

    const lastLine = `fleet: ${o.agents} agents, leader ${fmt(steady[0]!.cpuPercent, '% core')} at steady state, propagation p99 in the rows above, ${missing} agents missed a change (load ${loadAverage().toFixed(2)})`;
    await stopCluster(cluster, workers, registry);
    return { rows, missing, lastLine };
  } finally {
    client.close();
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    // MGMT_FLEET_KEEP=1 keeps the logs and data for a look afterwards.
    if (process.env.MGMT_FLEET_KEEP === '1') process.stderr.write(`fleet: kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function stopCluster(cluster: Cluster, workers: WorkerProc[], registry: ProcessRegistry): Promise<void> {
  await Promise.all(workers.map((w) => registry.stop(w.child, 'SIGKILL')));
  await cluster.stop();
}

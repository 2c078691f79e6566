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
import { FLEET_TARGETS, fmt, judge, reached, runPhase, type FleetRow } from './fleet-phase.js';
import { FLEET_SOURCE_KEY, type FleetProfileRequest, type FleetWorkerConfig, type FleetWorkerMessage } from './fleet-protocol.js';
import { cpuSeconds, loadAverage, ratesPerSecond, requestCounts, sumCounts } from './proc-sample.js';
import { fleetWorkerEntry } from './worker-bundle.js';

const MGMT_BIN = path.resolve(import.meta.dirname, '../../../node_modules/.bin/mgmt');

export type { FleetRow } from './fleet-phase.js';

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
    // The agent's own time of registration, on this process's clock (both read the same wall clock).
    if (m.type === 'registered') for (const [k, i] of m.indexes.entries()) this.registeredAtMs[w.first + i] ??= Math.min(now, (m.atMs[k] ?? Number.POSITIVE_INFINITY) - performance.timeOrigin);
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

/** Which agents did not observe a change, and the last revision each had observed (for the log). */
function describeMissed(seen: Array<number | undefined>, revisions: readonly number[]): string {
  const missed = seen.flatMap((t, i) => (t === undefined ? [i] : []));
  const sample = missed.slice(0, 8).map((i) => `f${String(i).padStart(4, '0')} at ${revisions[i]}`);
  return `${missed.length} agents did not observe it (${sample.join(', ')}${missed.length > sample.length ? ', ...' : ''})`;
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

/**
 * Waits, QUIET_WINDOW_MS at a time and up to `timeoutMs`, for a window with at
 * most `maxWrites` writes in the store; resolves with whether one came, and
 * the writes of the last window.
 */
async function untilQuiet(client: ClusterClient, maxWrites: number, timeoutMs: number): Promise<{ quiet: boolean; writes: number }> {
  const revisionNow = async () => (await client.getPrefixWithRevision('/fleet/quiet-probe', true)).revision;
  const t0 = performance.now();
  let last = await revisionNow();
  for (;;) {
    await sleep(QUIET_WINDOW_MS);
    const now = await revisionNow();
    const writes = now - last;
    last = now;
    if (writes <= maxWrites) return { quiet: true, writes };
    if (performance.now() - t0 > timeoutMs) return { quiet: false, writes };
  }
}

/** Waits up to `timeoutMs` for `count()` to reach `goal`; resolves with how many did and how long it waited. */
async function untilCount(what: string, count: () => number, goal: number, timeoutMs: number): Promise<{ done: number; waitedMs: number; met: boolean }> {
  const t0 = performance.now();
  const met = await until(what, () => count() >= goal, timeoutMs);
  return { done: count(), waitedMs: performance.now() - t0, met };
}

/**
 * The agent processes run at this nice value. On a real fleet the members'
 * hosts are theirs alone, and each agent has its own host; here 1,000
 * agents share the 2 cores with the 3 members, and at equal priority the
 * simulated hosts starved the members until they judged each other failed
 * and replaced them with fleet volunteers. The agents still get every cycle
 * the members leave, so what they measure (propagation, registration) is,
 * if anything, slower than on their own hosts.
 */
const AGENT_NICE = 10;

function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    os.setPriority(child.pid, AGENT_NICE);
  } catch {
    // not permitted here: the agents run at the members' priority
  }
}

/** How long each bounded phase may take. */
const REGISTER_TIMEOUT_MS = 300_000;
const RESTART_TIMEOUT_MS = 120_000;
const PROPAGATION_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 300_000;
/** The writes in QUIET_WINDOW_MS below which the fleet counts as quiet (the members' own status writes are a few). */
const QUIET_WRITES = 10;
const QUIET_WINDOW_MS = 5_000;
const QUIET_TIMEOUT_MS = 180_000;
/** The idle cluster is measured once no write came in QUIET_WINDOW_MS, or after this long. */
const IDLE_QUIET_TIMEOUT_MS = 30_000;
/**
 * ...and not before its members have run this long (not with --quick).
 * V8 compiles a member's code as it runs: measured in 5 s steps, an idle
 * leader cost 2.0-3.0 % of a core in its first minute and 1.2-1.6 % from
 * its second on. A member runs for months; its first minute is start-up,
 * not its idle cost.
 */
const IDLE_WARM_MS = 120_000;
/** The idle cluster's window (at least): one collection or lease move in a 10 s window was 0.5 % of a core. */
const IDLE_WINDOW_MS = 30_000;
const LEADER_KILL_WRITE_TIMEOUT_MS = 60_000;
const LEADER_KILL_ATTACH_TIMEOUT_MS = 60_000;
/** The idle client is measured from this long after its status is in the store (at most SOLO_REGISTER_TIMEOUT_MS after its start). */
const SOLO_SETTLE_MS = 5_000;
const SOLO_REGISTER_TIMEOUT_MS = 30_000;

/**
 * Runs the fleet and returns its table. Every phase is bounded; one that
 * fails or falls short reports what it reached in its row and the run goes
 * on to the next, so the table is always whole.
 */
export async function runFleet(o: FleetOptions, registry: ProcessRegistry, log: (line: string) => void): Promise<FleetResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-fleet-'));
  const rows: FleetRow[] = [];
  const row = (what: string, value: string) => {
    rows.push({ what, value });
    log(`${what}: ${value}`);
  };
  const missed: string[] = [];
  const workers: WorkerProc[] = [];
  const client = new ClusterClient([]);
  let missing = 0;
  let steadyLeaderCpu: number | undefined;
  const lastLine = () =>
    `fleet: ${o.agents} agents, leader ${fmt(steadyLeaderCpu, '% core')} at steady state, propagation p99 in the rows above, ${missing} agents missed a change (load ${loadAverage().toFixed(2)})`;
  // MGMT_FLEET_CPU_PROF_DIR=dir: each member and agent process writes a V8 CPU profile there when the run ends (use with --quick: a killed leader writes none).
  const cpuProfileDir = process.env.MGMT_FLEET_CPU_PROF_DIR;
  let cluster: Cluster | undefined;
  try {
    const clusterStartedAtMs = Date.now();
    cluster = await runPhase('3-member cluster', row, async () => {
      const c = await startMgmtCluster(registry, { size: 3, dir, ...(cpuProfileDir ? { cpuProfileDir: path.resolve(cpuProfileDir) } : {}) });
      await waitForVoters(c, 3, 120_000);
      return c;
    });
    if (cluster === undefined) {
      missing = o.agents;
      return { rows, missing, lastLine: lastLine() };
    }
    const members = cluster;
    client.setEndpoints(members.members.map((m) => `http://${m.endpoint}`));
    let leader: ClusterMember | undefined;
    const followers = () => liveMembers(members).filter((m) => m !== leader);
    // Idle cluster first.
    await runPhase('idle 3-member cluster: leader CPU / RSS', row, async () => {
      leader = await findLeader(members);
      // Idle once formed: the members' own status writes and the nominator's first views are done.
      await untilQuiet(client, 0, IDLE_QUIET_TIMEOUT_MS);
      if (!o.quick) await sleep(Math.max(0, clusterStartedAtMs + IDLE_WARM_MS - Date.now()));
      const upS = Math.round((Date.now() - clusterStartedAtMs) / 1000);
      const idle = await sampleCpu([leader.child.pid, ...followers().map((m) => m.child.pid)], o.quick ? o.windowMs : Math.max(o.windowMs, IDLE_WINDOW_MS));
      row('idle 3-member cluster: leader CPU / RSS', `${fmt(idle[0]!.cpuPercent, '% core')} / ${fmt(idle[0]!.rssMb, 'MB')} (up ${upS} s, load ${loadAverage().toFixed(2)})${judge(idle[0]!.cpuPercent, FLEET_TARGETS.idleLeaderCpu, missed)}`);
    });

    // The fleet.
    const state = new FleetState(o.agents);
    const worker = await fleetWorkerEntry();
    if (worker.why !== undefined) process.stderr.write(`fleet: running the workers through tsx (the bundle did not build: ${worker.why})\n`);
    const seeds = members.members.map((m) => `http://${m.endpoint}`);
    const spawnWorkers = () => {
      for (let first = 0; first < o.agents; first += o.perProcess) {
        const count = Math.min(o.perProcess, o.agents - first);
        const config: FleetWorkerConfig = { hostnames: Array.from({ length: count }, (_, i) => `f${String(first + i).padStart(4, '0')}`), seeds, dir: path.join(dir, 'fleet'), idealClusterSize: 3 };
        const logFd = fs.openSync(path.join(dir, `worker-${first}.log`), 'a');
        const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : [];
        // 250 agents share one heap here, each decoding its own copy of /_mgmt/ at a restart: a young
        // generation sized for one agent's process scavenged all the time (a fifth of a restart in GC).
        const child = fork(worker.file, [JSON.stringify(config)], { execArgv: [...worker.execArgv, '--max-semi-space-size=64', ...profile], stdio: ['ignore', logFd, logFd, 'ipc'], env: { ...process.env, MGMT_LOG_LEVEL: process.env.MGMT_LOG_LEVEL ?? 'warn' } });
        fs.closeSync(logFd);
        registry.track(child);
        lowerPriority(child);
        const w: WorkerProc = { child, first, count };
        child.on('message', (m) => state.onMessage(w, m as FleetWorkerMessage));
        workers.push(w);
      }
    };
    const registeredCount = () => state.registeredAtMs.filter((t) => t !== undefined).length;
    const lastRegisteredS = (since: number) => (Math.max(...state.registeredAtMs.map((t) => t ?? Number.NaN)) - since) / 1000;
    const startedWhat = `${o.agents} agents started: all registered`;
    await runPhase(startedWhat, row, async () => {
      const t0 = performance.now();
      spawnWorkers();
      const r = await untilCount('every agent registered', registeredCount, o.agents, REGISTER_TIMEOUT_MS);
      row(startedWhat, r.met ? fmt(lastRegisteredS(t0), 's') : `not reached: registered ${reached(r.done, o.agents, r.waitedMs)}`);
      await sleep(3_000);
    });

    // Settled: registered is not steady. Agents whose watches fell behind in the start's burst
    // are still reading the history of it; the steady state begins once every agent has seen a
    // write under /_mgmt/ made now (the watch of each agent has caught up).
    // Quiet: a start leaves work behind it once every watch has caught up (agents whose fleet
    // outgrew their lease move it to a longer one, agent-lease.ts). The steady state is measured
    // once the store's revision grows by at most QUIET_WRITES in QUIET_WINDOW_MS.
    // Both after the cold start, and after the mass restart before the leader is killed (a kill
    // in the restart's wake measured the restart's left-over reads, not the kill).
    const settleAndQuiet = async (after: string) => {
      const settledWhat = `${o.agents} agents settled ${after}: every watch caught up (saw a write made after registration)`;
      await runPhase(settledWhat, row, async () => {
        const ts = performance.now();
        await client.put('/_mgmt/idealClusterSize', '3');
        const rev = (await client.get('/_mgmt/idealClusterSize'))?.modRevision ?? 0;
        const seen = state.watchFor(rev);
        const r = await untilCount('every agent caught up with the store', () => seen.filter((t) => t !== undefined).length, o.agents, SETTLE_TIMEOUT_MS);
        state.stopWatching(seen);
        row(settledWhat, r.met ? `${fmt((performance.now() - ts) / 1000, 's')} after registration (revision ${rev})` : `not reached: ${reached(r.done, o.agents, r.waitedMs)} saw the write`);
      });
      await quiet(after, 'after settling');
    };
    const quiet = async (after: string, since: string) => {
      const quietWhat = `${o.agents} agents quiet ${after}: at most ${QUIET_WRITES} writes in ${QUIET_WINDOW_MS / 1000} s`;
      await runPhase(quietWhat, row, async () => {
        const tq = performance.now();
        const { quiet: reachedQuiet, writes } = await untilQuiet(client, QUIET_WRITES, QUIET_TIMEOUT_MS);
        row(quietWhat, reachedQuiet ? `${fmt((performance.now() - tq) / 1000, 's')} ${since}` : `not reached in ${QUIET_TIMEOUT_MS / 1000} s (still ${(writes / (QUIET_WINDOW_MS / 1000)).toFixed(1)} writes/s)`);
      });
    };
    await settleAndQuiet('after the start');

    // Steady state.
    await runPhase(`steady, ${o.agents} agents: leader CPU / RSS`, row, async () => {
      leader = await findLeader(members);
      const before = await metricsOf(leader);
      const tw = performance.now();
      // MGMT_FLEET_STEADY_PROF_DIR=dir: each agent process profiles its CPU over this window and writes it there.
      const steadyProfileDir = process.env.MGMT_FLEET_STEADY_PROF_DIR;
      if (steadyProfileDir) for (const w of workers) w.child.send({ type: 'profile', ms: o.windowMs, dir: path.resolve(steadyProfileDir) } satisfies FleetProfileRequest);
      const steady = await sampleCpu([leader.child.pid, ...followers().map((m) => m.child.pid), ...workers.map((w) => w.child.pid)], o.windowMs);
      const rates = ratesPerSecond(before, await metricsOf(leader), (performance.now() - tw) / 1000);
      steadyLeaderCpu = steady[0]!.cpuPercent;
      const registeredNote = registeredCount() < o.agents ? `, with ${registeredCount()}/${o.agents} registered` : '';
      row(`steady, ${o.agents} agents: leader CPU / RSS`, `${fmt(steady[0]!.cpuPercent, '% core')} / ${fmt(steady[0]!.rssMb, 'MB')} (load ${loadAverage().toFixed(2)}${registeredNote})${judge(steady[0]!.cpuPercent, FLEET_TARGETS.steadyLeaderCpu, missed)}`);
      const fol = steady.slice(1, 3);
      row(`steady, ${o.agents} agents: follower CPU / RSS`, fol.map((f) => `${fmt(f.cpuPercent, '% core')} / ${fmt(f.rssMb, 'MB')}`).join('; '));
      const agentsCpu = steady.slice(3).reduce((a, b) => a + b.cpuPercent, 0);
      const agentsRss = steady.slice(3).reduce((a, b) => a + b.rssMb, 0);
      row(`steady, ${o.agents} agents: agent processes (${workers.length}) CPU / RSS`, `${fmt(agentsCpu, '% core')} / ${fmt(agentsRss, 'MB')}`);
      row('leader requests/s by kind', rates.map(([m, r]) => `${m} ${r.toFixed(1)}`).join(', ') || 'none');
    });

    // Propagation.
    const timeChange = async (what: string, write: (i: number) => Promise<void>, key: string) => {
      const rowWhat = `propagation of ${what} to all ${o.agents} agents: p50 / p99 / max`;
      const all: number[] = [];
      let changes = 0;
      let notSeen = 0;
      const failed = await runPhase(rowWhat, row, async () => {
        for (let i = 0; i < o.changes; i++) {
          const tc = performance.now();
          await write(i);
          const rev = (await client.get(key))?.modRevision ?? 0;
          const seen = state.watchFor(rev);
          const everyone = await until(`${what}: every agent observed revision ${rev}`, () => seen.every((t) => t !== undefined), PROPAGATION_TIMEOUT_MS);
          state.stopWatching(seen);
          if (!everyone) process.stderr.write(`fleet: ${describeMissed(seen, state.revision)}\n`);
          changes++;
          notSeen += seen.filter((t) => t === undefined).length;
          all.push(...seen.filter((t): t is number => t !== undefined).map((t) => Math.max(0, t - tc)));
          await sleep(500);
        }
        return false;
      });
      missing += notSeen + (failed === undefined ? (o.changes - changes) * o.agents : 0);
      if (failed === undefined && changes === 0) return;
      const p99 = notSeen > 0 ? undefined : percentile(all, 99);
      const short = notSeen > 0 ? ` (${notSeen} of ${changes * o.agents} observations not within ${PROPAGATION_TIMEOUT_MS / 1000} s)` : '';
      const cut = failed === undefined ? ` (only ${changes}/${o.changes} changes: a write failed)` : '';
      row(rowWhat, `${[50, 99, 100].map((p) => fmt(percentile(all, p), 'ms')).join(' / ')}${short}${cut}${judge(p99 ?? Number.NaN, FLEET_TARGETS.propagationP99, missed)}`);
    };
    await timeChange('an idealClusterSize write', () => client.put('/_mgmt/idealClusterSize', '3'), '/_mgmt/idealClusterSize');
    await timeChange('an exported resource edit', (i) => client.put(FLEET_SOURCE_KEY, JSON.stringify({ name: 'shared', path: '/fleet/shared', content: `edit ${i}\n`, state: 'exists' })), FLEET_SOURCE_KEY);

    if (!o.quick) {
      // Mass restart: every agent process killed and started again.
      const restartWhat = `mass restart of all ${o.agents} agents: all registered again`;
      const restarted = await runPhase(restartWhat, row, async () => {
        const served = () => Promise.all(liveMembers(members).map(metricsOf)).then(sumCounts);
        const before = await served();
        for (const w of workers) w.child.kill('SIGKILL');
        workers.length = 0;
        state.registeredAtMs.fill(undefined);
        const tr = performance.now();
        spawnWorkers();
        const r = await untilCount('every agent registered again after the mass restart', registeredCount, o.agents, RESTART_TIMEOUT_MS);
        const value = r.met ? lastRegisteredS(tr) : undefined;
        row(restartWhat, `${r.met ? fmt(value, 's') : `not reached: registered ${reached(r.done, o.agents, r.waitedMs)}`}${judge(value, FLEET_TARGETS.restartAllRegistered, missed)}`);
        // What the restart asked of the members, per agent: the calls that make it slow.
        const asked = ratesPerSecond(before, await served(), o.agents);
        row('mass restart: requests to the members per agent, by kind', asked.map(([m, n]) => `${m} ${n.toFixed(1)}`).join(', ') || 'none');
        return true;
      });
      if (restarted === undefined) judge(undefined, FLEET_TARGETS.restartAllRegistered, missed);
      await settleAndQuiet('after the restart');

      // Leader kill under the full fleet.
      const attachedWhat = `leader killed: all ${o.agents} agents attached again (observed a write made after it)`;
      const killed = await runPhase('leader killed: time to the next write', row, async () => {
        const victim = await findLeader(members);
        const tk = performance.now();
        victim.child.kill('SIGKILL');
        let wrote = false;
        while (!wrote && performance.now() - tk < LEADER_KILL_WRITE_TIMEOUT_MS) {
          try {
            await client.put('/fleet/after-kill', String(Date.now()));
            wrote = true;
          } catch {
            await sleep(20);
          }
        }
        row('leader killed: time to the next write', wrote ? fmt((performance.now() - tk) / 1000, 's') : `not reached: no write within ${LEADER_KILL_WRITE_TIMEOUT_MS / 1000} s`);
        if (!wrote) {
          row(attachedWhat, `not measured: no write${judge(undefined, FLEET_TARGETS.leaderKillAttached, missed)}`);
          return true;
        }
        return runPhase(attachedWhat, row, async () => {
          await client.put('/_mgmt/idealClusterSize', '3');
          const rev = (await client.get('/_mgmt/idealClusterSize'))?.modRevision ?? 0;
          const seen = state.watchFor(rev);
          const r = await untilCount('every agent attached again after the leader kill', () => seen.filter((t) => t !== undefined).length, o.agents, LEADER_KILL_ATTACH_TIMEOUT_MS);
          state.stopWatching(seen);
          if (!r.met) process.stderr.write(`fleet: ${describeMissed(seen, state.revision)}\n`);
          missing += o.agents - r.done;
          const value = r.met ? (Math.max(...seen.map((t) => t ?? Number.NaN)) - tk) / 1000 : undefined;
          // How the agents spread: a few late ones (a process's stalled loop) or all of them slow (the members).
          const after = seen.flatMap((t) => (t === undefined ? [] : [(t - tk) / 1000]));
          const spread = after.length > 0 ? ` (p50 ${fmt(percentile(after, 50), 's')}, p90 ${fmt(percentile(after, 90), 's')})` : '';
          row(attachedWhat, `${r.met ? fmt(value, 's') : `not reached: ${reached(r.done, o.agents, r.waitedMs)} after the write`}${spread}${judge(value, FLEET_TARGETS.leaderKillAttached, missed)}`);
          return true;
        });
      });
      if (killed === undefined) judge(undefined, FLEET_TARGETS.leaderKillAttached, missed);
    }

    // One idle client agent on its own host, in a fleet that went quiet again (the kill's replacement joined).
    if (!o.quick) await quiet('after the leader kill', 'after all were attached');
    const soloWhat = 'one idle `mgmt run --no-server`: CPU / RSS';
    await runPhase(soloWhat, row, async () => {
      const soloClient = await freePort();
      const solo = registry.spawnLogged(MGMT_BIN, ['run', '--no-server', '--hostname', 'solo', '--client-urls', `http://127.0.0.1:${soloClient}`, '--data-dir', path.join(dir, 'solo'), '--seeds', seeds.join(',')], path.join(dir, 'solo.log'), { ...process.env, MGMT_LOG_LEVEL: 'warn' });
      try {
        // Idle from its registration on: its status is in the store, and its start (a full read of the fleet's keys) is done.
        const ts = performance.now();
        while ((await client.get('/_mgmt/status/solo').catch(() => undefined)) === undefined && performance.now() - ts < SOLO_REGISTER_TIMEOUT_MS) await sleep(200);
        await sleep(SOLO_SETTLE_MS);
        const [soloCost] = await sampleCpu([solo.pid], o.windowMs);
        row(soloWhat, `${fmt(soloCost!.cpuPercent, '% core')} / ${fmt(soloCost!.rssMb, 'MB')}${judge(soloCost!.cpuPercent, FLEET_TARGETS.soloCpu, missed)}${judge(soloCost!.rssMb, FLEET_TARGETS.soloRss, missed)}`);
      } finally {
        await registry.stop(solo, 'SIGKILL');
      }
    });
    if (steadyLeaderCpu === undefined) judge(undefined, FLEET_TARGETS.steadyLeaderCpu, missed);
    row('targets not met', missed.length === 0 ? 'none' : [...new Set(missed)].join('; '));
    return { rows, missing, lastLine: lastLine() };
  } finally {
    if (cluster) await stopCluster(cluster, workers, registry).catch(() => undefined);
    client.close();
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    // MGMT_FLEET_KEEP=1 keeps the logs and data for a look afterwards.
    if (process.env.MGMT_FLEET_KEEP === '1') process.stderr.write(`fleet: kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function stopCluster(cluster: Cluster, workers: WorkerProc[], registry: ProcessRegistry): Promise<void> {
  // An agent process leaves by itself when its IPC channel closes (and writes its profile, if asked for one).
  await Promise.all(
    workers.map(async (w) => {
      if (w.child.exitCode !== null || !w.child.connected) return;
      const exited = new Promise<void>((resolve) => w.child.once('exit', () => resolve()));
      w.child.disconnect();
      await Promise.race([exited, sleep(10_000)]);
    }),
  );
  await Promise.all(workers.map((w) => registry.stop(w.child, 'SIGKILL')));
  await cluster.stop();
}

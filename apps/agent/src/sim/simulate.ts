/**
 * Runs whole agents in the simulated world (sim-world.ts) from one seed:
 * a named scenario, or one drawn from the seed, then the faults stop and
 * the cluster must converge within a bounded simulated time. Violations of
 * the checkers (sim-checkers.ts) make the run fail; the same seed replays
 * it exactly.
 */
import { IDEAL_CLUSTER_SIZE_KEY } from '@mgmt/cluster-fsm';
import { installCheckers, notConverged } from './sim-checkers.js';
import { SimHost, clientUrlOf, type HostBugs, type SimDisk } from './sim-host.js';
import { LEASE_TTL_MS } from './sim-host.js';
import { SimWorld } from './sim-world.js';

const enc = new TextEncoder();

/** Steps (20 ms each) the cluster gets to converge once the faults stop: 60 simulated seconds. */
const CONVERGE_WITHIN_STEPS = 3_000;

/** The named scenarios; `random` draws one per seed. */
export const SCENARIOS = ['join', 'ideal-size', 'kill-restart', 'restart-wiped', 'all-restart', 'partition', 'leave', 'leader-change'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What one run is told. */
export interface AgentSimOptions {
  seed: number;
  scenario?: ScenarioName | 'random';
  bugs?: HostBugs;
}

/** What one run found. */
export interface AgentSimResult {
  seed: number;
  scenario: ScenarioName;
  violations: string[];
  steps: number;
}

/** A run of whole agents; see the file comment. */
class AgentSim {
  readonly world: SimWorld;
  readonly violations: string[];
  private readonly disks = new Map<string, SimDisk>();

  constructor(
    seed: number,
    private readonly bugs: HostBugs,
  ) {
    this.world = new SimWorld(seed);
    this.violations = installCheckers(this.world);
  }

  /** Starts (or restarts, on the same disk unless `wiped`) the agent of `hostname`. */
  start(hostname: string, seeds: string[], idealClusterSize: number, wiped = false): SimHost {
    if (wiped) this.disks.delete(hostname);
    let disk = this.disks.get(hostname);
    if (!disk) this.disks.set(hostname, (disk = {}));
    const host = new SimHost(this.world, hostname, seeds, disk, idealClusterSize, this.bugs);
    this.world.hosts.set(hostname, host);
    return host;
  }

  async run(steps: number): Promise<void> {
    for (let i = 0; i < steps; i++) await this.world.step(LEASE_TTL_MS);
  }

  /** Sets `/_mgmt/idealClusterSize` through the leader (as `etcdctl put` would). */
  async setIdeal(size: number): Promise<void> {
    const leader = this.world.leader();
    if (!leader) return;
    const write = this.world.write(leader.o.hostname, { put: { key: enc.encode(IDEAL_CLUSTER_SIZE_KEY), value: enc.encode(String(size)) } });
    write.catch(() => {});
    await this.run(5);
  }

  /** Runs until converged or the bound passes (then a violation). */
  async converge(): Promise<void> {
    let why: string | undefined;
    for (let i = 0; i < CONVERGE_WITHIN_STEPS; i += 25) {
      await this.run(25);
      why = notConverged(this.world);
      if (why === undefined) return;
    }
    this.violations.push(`did not converge within ${(CONVERGE_WITHIN_STEPS * 20) / 1000} simulated seconds: ${why}`);
  }

  hostnames(): string[] {
    return [...this.world.hosts.keys()];
  }

  stop(): void {
    for (const h of this.world.hosts.values()) if (h.alive) h.kill();
  }
}

/** Starts `n` hosts: h1 alone, the others with h1 as their seed, some at the same instant. */
async function startHosts(sim: AgentSim, n: number, ideal: number): Promise<void> {
  sim.start('h1', [], ideal);
  await sim.run(20);
  for (let i = 2; i <= n; i++) {
    sim.start(`h${i}`, [clientUrlOf('h1')], ideal);
    if (sim.world.rng.chance(0.5)) await sim.run(1 + sim.world.rng.int(20));
  }
}

/** Runs one seed; see the file comment. */
export async function runAgentSim(o: AgentSimOptions): Promise<AgentSimResult> {
  const sim = new AgentSim(o.seed, o.bugs ?? {});
  const rng = sim.world.rng;
  const scenario: ScenarioName = o.scenario === undefined || o.scenario === 'random' ? rng.pick(SCENARIOS) : o.scenario;
  const n = 3 + rng.int(3);
  const ideal = scenario === 'join' ? 3 : 1 + rng.int(5);
  try {
    await startHosts(sim, n, ideal);
    await sim.converge();
    switch (scenario) {
      case 'join':
        break;
      case 'ideal-size':
        for (const size of [1, 1 + rng.int(n), 1 + rng.int(5)]) {
          await sim.setIdeal(size);
          await sim.converge();
        }
        break;
      case 'kill-restart': {
        const victim = rng.pick(sim.hostnames());
        const host = sim.world.hosts.get(victim);
        host?.kill();
        // Down for up to 10 s (past the lease: its keys expire): a lost quorum waits for the restart.
        await sim.run(50 + rng.int(450));
        sim.start(victim, [clientUrlOf(victim === 'h1' ? 'h2' : 'h1')], ideal);
        break;
      }
      case 'restart-wiped': {
        // Killed, then started on an empty data directory: it must join as a new member, never take over its old one.
        // Only where the other voters keep a quorum: a lost quorum's data is gone for good (--force-new-cluster).
        const voters = sim.world.leader()?.driver.conf.voters ?? [];
        const voterHosts = new Set(voters.map((id) => sim.world.members.get(id)?.o.hostname));
        const canWipe = sim.hostnames().filter((h) => !voterHosts.has(h) || voters.length - 1 >= Math.floor(voters.length / 2) + 1);
        if (canWipe.length === 0) break;
        const victim = rng.pick(canWipe);
        sim.world.hosts.get(victim)?.kill();
        await sim.run(50 + rng.int(450));
        sim.start(victim, [clientUrlOf(victim === 'h1' ? 'h2' : 'h1')], ideal, true);
        break;
      }
      case 'all-restart': {
        // Every host killed at once (a fleet reboot), then all started again with their data.
        const names = sim.hostnames();
        for (const name of names) sim.world.hosts.get(name)?.kill();
        await sim.run(10 + rng.int(200));
        for (const name of names) {
          sim.start(name, name === 'h1' ? [] : [clientUrlOf('h1')], ideal);
          if (rng.chance(0.5)) await sim.run(rng.int(20));
        }
        break;
      }
      case 'leader-change': {
        // The leader changes in the middle of a nomination: a size change starts one, then leadership moves on.
        await sim.setIdeal(ideal >= n ? 1 : n);
        await sim.run(rng.int(30));
        const leader = sim.world.leader();
        const others = leader ? leader.driver.conf.voters.filter((v) => v !== leader.id) : [];
        if (leader && others.length > 0) leader.driver.transferLeadership(rng.pick(others));
        break;
      }
      case 'leave': {
        // Ctrl-C of a host, the leader half the time (with ideal 2 this is the 2 -> 1 shrink with the leader leaving).
        const leader = sim.world.leader()?.o.hostname;
        const leaver = leader !== undefined && rng.chance(0.5) ? leader : rng.pick(sim.hostnames());
        sim.world.hosts.get(leaver)?.shutdown();
        break;
      }
      case 'partition': {
        const names = sim.hostnames();
        const cutOff = rng.pick(names);
        for (const other of names) if (other !== cutOff) sim.world.cut(cutOff, other, rng.chance(0.25));
        await sim.run(100 + rng.int(400));
        sim.world.heal();
        break;
      }
    }
    await sim.converge();
  } catch (err) {
    sim.violations.push(`run failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    sim.stop();
  }
  return { seed: o.seed, scenario, violations: sim.violations, steps: sim.world.steps };
}

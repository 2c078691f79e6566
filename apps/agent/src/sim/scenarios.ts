/**
 * The agent simulator's named scenarios: the failure list of the original
 * mgmt's clustering (from its code comments and issues), each a story
 * told to a converged cluster of 3-9 hosts. A scenario only drives: the
 * checkers watch every step, and the run (simulate.ts) waits for the
 * cluster to converge once it returns.
 */
import type { AgentSim } from './agent-sim.js';
import { clientUrlOf } from './sim-host.js';

/** What a scenario is given besides the run. */
export interface ScenarioContext {
  /** Hosts started (h1..hN). */
  n: number;
  /** The idealClusterSize they were started with. */
  ideal: number;
}

type Scenario = (sim: AgentSim, c: ScenarioContext) => Promise<void>;

/** A seed other than `address` itself, for a host restarted or added. */
function seedFor(address: string): string[] {
  return [clientUrlOf(address === 'h1' ? 'h2' : 'h1')];
}

/** The addresses of the hosts whose members vote, as the leader has them. */
function voterAddresses(sim: AgentSim): Set<string> {
  const voters = sim.world.leader()?.driver.conf.voters ?? [];
  return new Set(voters.map((id) => sim.world.members.get(id)?.o.address).filter((a): a is string => a !== undefined));
}

/** Live hosts that are not voters (volunteers and clients). */
function nonVoters(sim: AgentSim): string[] {
  const voters = voterAddresses(sim);
  return sim.addresses().filter((a) => !voters.has(a) && sim.world.hosts.get(a)?.alive === true);
}

/** A partition that cuts `victim` off from every other host, both ways or one way (either way round). */
function isolate(sim: AgentSim, victim: string, oneWay: boolean): void {
  const inbound = sim.world.rng.chance(0.5);
  for (const other of sim.addresses()) {
    if (other === victim) continue;
    if (!oneWay) sim.world.cut(victim, other);
    else if (inbound) sim.world.cut(other, victim, true);
    else sim.world.cut(victim, other, true);
  }
}

export const SCENARIOS = {
  /** Hosts join with seeds, some at the same instant. */
  join: async () => {},

  /** Every host but the first started in the same step: they register and are nominated one at a time. */
  'simultaneous-join': async () => {},

  /** `idealClusterSize` changed at run time: to 1, to below the current size, and back up. */
  'ideal-size': async (sim, { n }) => {
    const rng = sim.world.rng;
    for (const size of [1, 1 + rng.int(n), 1 + rng.int(7)]) {
      await sim.setIdeal(size);
      await sim.converge();
    }
  },

  /** A host killed (the leader included) and restarted with its data 1-10 s later (past its lease). */
  'kill-restart': async (sim) => {
    const rng = sim.world.rng;
    const victim = rng.chance(0.3) ? (sim.world.leader()?.o.address ?? rng.pick(sim.addresses())) : rng.pick(sim.addresses());
    sim.world.hosts.get(victim)?.kill();
    await sim.run(50 + rng.int(450));
    sim.start(victim, seedFor(victim), sim.ideal);
  },

  /**
   * Killed, then started on an empty data directory: it must join as a new
   * member, never take over its old one. Only where the other voters keep
   * a quorum: a lost quorum's data is gone for good (--force-new-cluster).
   */
  'restart-wiped': async (sim) => {
    const rng = sim.world.rng;
    const voters = voterAddresses(sim);
    const keepsQuorum = voters.size - 1 >= Math.floor(voters.size / 2) + 1;
    const canWipe = sim.addresses().filter((a) => !voters.has(a) || keepsQuorum);
    if (canWipe.length === 0) return;
    const victim = rng.pick(canWipe);
    sim.world.hosts.get(victim)?.kill();
    await sim.run(50 + rng.int(450));
    sim.start(victim, seedFor(victim), sim.ideal, true);
  },

  /** Every host killed at once (a fleet reboot), then all started again with their data, h1 without seeds as first started. */
  'all-restart': async (sim) => {
    const rng = sim.world.rng;
    const addresses = sim.addresses();
    for (const a of addresses) sim.world.hosts.get(a)?.kill();
    await sim.run(10 + rng.int(200));
    for (const a of addresses) {
      sim.start(a, a === 'h1' ? [] : [clientUrlOf('h1')], sim.ideal);
      if (rng.chance(0.5)) await sim.run(rng.int(20));
    }
  },

  /** One host cut off from all the others for 2-10 s, both ways, then healed. */
  partition: async (sim) => {
    const rng = sim.world.rng;
    isolate(sim, rng.pick(sim.addresses()), false);
    await sim.run(100 + rng.int(400));
    sim.world.heal();
  },

  /** One host cut off one way only (it hears and is not heard, or the reverse), the leader a third of the time. */
  'one-way-cut': async (sim) => {
    const rng = sim.world.rng;
    const victim = rng.chance(0.33) ? (sim.world.leader()?.o.address ?? rng.pick(sim.addresses())) : rng.pick(sim.addresses());
    isolate(sim, victim, true);
    await sim.run(100 + rng.int(400));
    sim.world.heal();
  },

  /**
   * A volunteer that is not a member cut off for 6-12 s, past its 5 s lease:
   * its keys expire; once healed it registers again and the cluster counts
   * it again.
   */
  'lease-expiry': async (sim) => {
    const rng = sim.world.rng;
    let candidates = nonVoters(sim);
    if (candidates.length === 0) {
      await sim.setIdeal(Math.max(1, voterAddresses(sim).size - 1));
      await sim.converge();
      candidates = nonVoters(sim);
    }
    if (candidates.length === 0) return;
    isolate(sim, rng.pick(candidates), false);
    await sim.run(300 + rng.int(300));
    sim.world.heal();
  },

  /** Ctrl-C of a host, the leader half the time: it hands over and is un-nominated before it stops. */
  leave: async (sim) => {
    const rng = sim.world.rng;
    const leader = sim.world.leader()?.o.address;
    const leaver = leader !== undefined && rng.chance(0.5) ? leader : rng.pick(sim.addresses());
    sim.world.hosts.get(leaver)?.shutdown();
  },

  /** A cluster of 2 voters shrinks to 1 as its leader leaves: idealClusterSize 1 written and the leader's Ctrl-C in the same step. */
  'shrink-to-one': async (sim) => {
    await sim.setIdeal(2);
    await sim.converge();
    const leader = sim.world.leader();
    if (!leader) return;
    sim.setIdealNow(1);
    sim.world.hosts.get(leader.o.address)?.shutdown();
  },

  /** The leader changes in the middle of a nomination: a size change starts one, then leadership moves on. */
  'leader-change': async (sim, { n, ideal }) => {
    const rng = sim.world.rng;
    await sim.setIdeal(ideal >= n ? 1 : n);
    await sim.run(rng.int(30));
    const leader = sim.world.leader();
    const others = leader ? leader.driver.conf.voters.filter((v) => v !== leader.id) : [];
    if (leader && others.length > 0) leader.driver.transferLeadership(rng.pick(others));
  },

  /**
   * A second agent started with a hostname that a live agent already has
   * (its own address and an empty disk): it must never become a second
   * member of that name; it gives up once the grace period passes.
   */
  'duplicate-hostname': async (sim) => {
    const rng = sim.world.rng;
    const taken = rng.pick(sim.addresses().filter((a) => sim.world.hosts.get(a)?.alive === true));
    const address = `${taken}-dup`;
    sim.start(address, seedFor(taken), sim.ideal, true, sim.world.hosts.get(taken)?.hostname ?? taken);
  },

  /**
   * Nominees that never start: some volunteers die the moment they are
   * told to start their member, then room is made for all of them. The
   * nominator must give up on each (un-nominate it, remove a learner that
   * never answers) and nominate the next.
   */
  'nominee-never-starts': async (sim, { n }) => {
    const rng = sim.world.rng;
    const candidates = nonVoters(sim);
    if (candidates.length === 0) await sim.setIdeal(Math.max(1, voterAddresses(sim).size - 1));
    await sim.converge();
    const waiting = nonVoters(sim);
    const doomed = waiting.filter(() => rng.chance(0.5));
    if (doomed.length === 0 && waiting.length > 0) doomed.push(rng.pick(waiting));
    for (const a of doomed) sim.world.hosts.get(a)?.dieOnMemberStart();
    await sim.setIdeal(n);
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

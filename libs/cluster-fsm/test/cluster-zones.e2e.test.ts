/**
 * Zones and standbys end to end (issue 22): the lifecycle and nominator
 * machines together in the simulated cluster (cluster-sim.ts), with every
 * invariant checked after each tick (a serving majority, one membership
 * change at a time, no member started twice). Six agents in three zones
 * settle with one voter per zone; a crashed voter is replaced from its own
 * zone; with one standby, a crashed voter is replaced by promoting it and a
 * new standby follows.
 */
import { describe, expect, it } from 'vitest';
import { ClusterSim } from './cluster-sim.js';

const HOSTS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'];

function zonesOf(sim: ClusterSim, names: string[]): string[] {
  return names.map((n) => sim.zones.get(n) ?? '').sort();
}

async function zonedCluster(standbys = 0): Promise<ClusterSim> {
  const sim = new ClusterSim(3);
  for (const host of HOSTS) sim.zones.set(host, host[0]!);
  sim.idealStandbySize = standbys;
  sim.startAgent('a1', { seeds: false });
  for (const host of HOSTS.slice(1)) sim.startAgent(host);
  await sim.runUntil(() => {
    const voters = sim.voterNames();
    return voters.length === 3 && new Set(zonesOf(sim, voters)).size === 3 && sim.learnerNames().length === standbys;
  }, 1_500);
  return sim;
}

describe('a simulated cluster with zones', () => {
  it('six agents in three zones with ideal size 3: one voter per zone', async () => {
    const sim = await zonedCluster();
    expect(zonesOf(sim, sim.voterNames())).toEqual(['a', 'b', 'c']);
  });

  it('a crashed zone-b voter is replaced by the other zone-b host', async () => {
    const sim = await zonedCluster();
    const victim = sim.voterNames().find((v) => v.startsWith('b'))!;
    const other = victim === 'b1' ? 'b2' : 'b1';
    expect(sim.canCrash(victim)).toBe(true);
    sim.crash(victim);
    await sim.runUntil(() => sim.voterNames().includes(other) && !sim.voterNames().includes(victim) && sim.voterNames().length === 3, 1_500);
    expect(zonesOf(sim, sim.voterNames())).toEqual(['a', 'b', 'c']);
  });

  it('with one standby: a crashed voter is replaced by promoting the standby, then a new standby follows', async () => {
    const sim = await zonedCluster(1);
    const standby = sim.learnerNames()[0]!;
    const victim = sim.voterNames().find((v) => v !== 'a1' && sim.canCrash(v))!;
    sim.crash(victim);
    await sim.runUntil(() => sim.voterNames().includes(standby) && !sim.voterNames().includes(victim) && sim.voterNames().length === 3, 1_500);
    await sim.runUntil(() => sim.learnerNames().length === 1, 1_500);
    expect(sim.learnerNames()).not.toContain(victim);
  });
});

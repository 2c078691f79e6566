/**
 * The cluster survives its users, in the simulated cluster (issue 16): on 3
 * members with a spare, a client deleting `/_mgmt/`, revoking an agent's
 * lease, or writing garbage into an agent's keys changes no membership, no
 * peer stops, and every key is back within a second; a member's quit (its
 * own revoke) is still acted on after the grace.
 */
import { describe, expect, it } from 'vitest';
import { ClusterSim } from './cluster-sim.js';

async function formed(): Promise<ClusterSim> {
  const sim = new ClusterSim(3);
  sim.startAgent('h1', { seeds: false });
  for (const h of ['h2', 'h3', 'h4']) sim.startAgent(h);
  await sim.runUntil(() => sim.voterNames().length === 3 && whole(sim), 400);
  return sim;
}

/** Three running peers, the spare waiting, and every key as the agents wrote it. */
function whole(sim: ClusterSim): boolean {
  const states = sim.states();
  const voters = sim.voterNames();
  return (
    Object.entries(states).every(([h, s]) => s === (voters.includes(h) ? 'peer.running' : 'volunteer.waiting')) &&
    [...sim.agents.keys()].every((h) => sim.volunteers.get(h)?.urls[0] === `http://${h}:2380`) &&
    voters.every((h) => sim.nominated.get(h)?.[0] === `http://${h}:2380` && sim.endpoints.get(h)?.[0] === `http://${h}:2379`)
  );
}

/** Runs 60 ticks (twice the volunteer grace) checking the membership never changes and no peer leaves, then that all is whole. */
async function expectUntouched(sim: ClusterSim, voters: string[]): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await sim.run(1);
    expect(sim.voterNames()).toEqual(voters);
    for (const h of voters) expect(sim.states()[h]).toMatch(/^peer\./);
  }
  expect(whole(sim)).toBe(true);
  expect(sim.log.filter((l) => l.includes('removeMember') || l.includes('unnominate'))).toEqual([]);
}

describe('a simulated cluster under clients that damage /_mgmt/', () => {
  it.each([
    ['`del --prefix /_mgmt/`', (sim: ClusterSim) => sim.clientDeletesMgmt()],
    ['a revoked lease, of every peer and of the spare,', (sim: ClusterSim) => [...sim.agents.keys()].forEach((h) => sim.clientRevokesLease(h))],
    ['garbage in the keys of every agent', (sim: ClusterSim) => [...sim.agents.keys()].forEach((h) => sim.clientWritesGarbage(h))],
  ])('%s changes no membership', async (_what, damage) => {
    const sim = await formed();
    const voters = sim.voterNames();
    sim.log.length = 0;
    damage(sim);
    await expectUntouched(sim, voters);
  });

  it('a peer that really leaves is still removed, and the spare takes its place', async () => {
    const sim = await formed();
    const leaver = sim.voterNames().find((h) => h !== 'h1')!;
    sim.shutdown(leaver);
    await sim.runUntil(() => !sim.voterNames().includes(leaver) && sim.voterNames().length === 3, 400);
    expect(sim.states()[leaver]).toBe('stopped');
  });
});

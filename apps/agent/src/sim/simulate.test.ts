/**
 * The agent simulator runs whole agents (real lifecycle machine, effects,
 * observer, nominator runner, store and Raft driver on SimDisk)
 * deterministically: every named scenario converges without a violation, a
 * seed replays exactly, and each checker catches a rule broken on purpose
 * (test-only switches).
 */
import { describe, expect, it } from 'vitest';
import { AgentSim } from './agent-sim.js';
import { clientUrlOf } from './sim-host.js';
import { SCENARIO_NAMES, runAgentSim } from './simulate.js';

const SEEDS = [1, 2, 3];

/** Violations of `seeds` runs of `scenario` with `bugs` on. */
async function violationsOf(scenario: (typeof SCENARIO_NAMES)[number], seeds: number[], bugs: Parameters<typeof runAgentSim>[0]['bugs']): Promise<string[]> {
  const found: string[] = [];
  for (const seed of seeds) found.push(...(await runAgentSim({ seed, scenario, bugs })).violations);
  return found;
}

describe('agent simulator', () => {
  for (const scenario of SCENARIO_NAMES) {
    it(`${scenario}: converges with no violation (seeds ${SEEDS.join(', ')})`, async () => {
      for (const seed of SEEDS) {
        const r = await runAgentSim({ seed, scenario });
        expect(r.violations, `replay: npx nx run agent:simulate -- --runs 1 --seed ${seed} --scenario ${scenario}`).toEqual([]);
      }
    });
  }

  it('replays a seed exactly', async () => {
    const a = await runAgentSim({ seed: 7, scenario: 'random' });
    const b = await runAgentSim({ seed: 7, scenario: 'random' });
    expect(b).toEqual(a);
  });

  it('runs 3 to 9 hosts', async () => {
    const sizes = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) sizes.add((await runAgentSim({ seed, scenario: 'join' })).hosts);
    expect(Math.min(...sizes)).toBe(3);
    expect(Math.max(...sizes)).toBe(9);
  });

  it('catches a nominator that adds two members at once', async () => {
    const found = await violationsOf('join', [1, 2, 3, 4], { addsTwoAtOnce: true });
    expect(found.some((v) => v.includes('two membership changes in flight'))).toBe(true);
  });

  it('catches a leaver that skips the hand-over', async () => {
    const found = await violationsOf('leave', [1, 2, 3, 4], { leaverSkipsHandOver: true });
    expect(found.some((v) => /stopped its member while (a voter|leading)/.test(v))).toBe(true);
  });

  it('catches reads that are not linearizable (served from the local member, without ReadIndex)', async () => {
    const found = await violationsOf('partition', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { staleReads: true });
    expect(found.some((v) => v.startsWith('client history is not linearizable'))).toBe(true);
  });

  it('catches an acknowledged write that is lost (a leader that answers on append, then is cut off)', async () => {
    const sim = new AgentSim(1, { ackOnAppend: true });
    sim.ideal = 3;
    sim.start('h1', [], 3);
    await sim.run(20);
    for (const a of ['h2', 'h3']) sim.start(a, [clientUrlOf('h1')], 3);
    await sim.converge();
    const leader = sim.world.leader()?.o.address;
    expect(leader).toBeDefined();
    for (const other of sim.addresses()) if (other !== leader) sim.world.cut(leader!, other);
    await sim.clients.write(0, leader!, '/app/a');
    await sim.run(200);
    sim.world.heal();
    await sim.converge();
    await sim.checkClients();
    sim.stop();
    expect(sim.violations.some((v) => v.startsWith('acknowledged write lost: /app/a='))).toBe(true);
  });
});

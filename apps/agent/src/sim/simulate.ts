/**
 * Runs whole agents in the simulated world (sim-world.ts) from one seed:
 * 3-9 hosts start and converge, a named scenario (scenarios.ts), or one
 * drawn from the seed, plays its faults, then the faults stop and the
 * cluster must converge within a bounded simulated time and the clients'
 * history must hold (agent-sim.ts). Violations of the checkers
 * (sim-checkers.ts) make the run fail; the same seed replays it exactly.
 */
import { AgentSim, type SimBugs } from './agent-sim.js';
import { SCENARIOS, SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
import { clientUrlOf } from './sim-host.js';

export { SCENARIO_NAMES, type ScenarioName };

/** What one run is told. */
export interface AgentSimOptions {
  seed: number;
  scenario?: ScenarioName | 'random';
  bugs?: SimBugs;
}

/** What one run found. */
export interface AgentSimResult {
  seed: number;
  scenario: ScenarioName;
  hosts: number;
  violations: string[];
  steps: number;
}

/** Starts `n` hosts: h1 alone, then the others with h1 as their seed, some (or, `together`, all) at the same instant. */
async function startHosts(sim: AgentSim, n: number, together: boolean): Promise<void> {
  sim.start('h1', [], sim.ideal);
  await sim.run(20);
  for (let i = 2; i <= n; i++) {
    sim.start(`h${i}`, [clientUrlOf('h1')], sim.ideal);
    if (!together && sim.world.rng.chance(0.5)) await sim.run(1 + sim.world.rng.int(20));
  }
}

/** Runs one seed; see the file comment. */
export async function runAgentSim(o: AgentSimOptions): Promise<AgentSimResult> {
  const sim = new AgentSim(o.seed, o.bugs ?? {});
  const rng = sim.world.rng;
  // Drawn even when named, so that `--scenario` with the seed a random run printed replays that run exactly.
  const drawn = rng.pick(SCENARIO_NAMES);
  const scenario: ScenarioName = o.scenario === undefined || o.scenario === 'random' ? drawn : o.scenario;
  const n = 3 + rng.int(7);
  sim.ideal = scenario === 'join' || scenario === 'simultaneous-join' ? Math.min(n, 3 + rng.int(3)) : 1 + rng.int(7);
  try {
    await startHosts(sim, n, scenario === 'simultaneous-join');
    await sim.converge();
    await SCENARIOS[scenario](sim, { n, ideal: sim.ideal });
    await sim.converge();
    await sim.checkClients();
  } catch (err) {
    sim.violations.push(`run failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    sim.stop();
  }
  return { seed: o.seed, scenario, hosts: n, violations: sim.violations, steps: sim.world.steps };
}

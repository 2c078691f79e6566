/**
 * The agent simulator's CI soak (issue 20): 1,000 seeds of random scenarios,
 * every one free of violations. Deterministic: a failure names the seed and
 * the command that replays it.
 */
import { describe, expect, it } from 'vitest';
import { runAgentSim } from './simulate.js';

const FIRST_SEED = 1;
const RUNS = 1_000;

describe('agent simulator soak', () => {
  it(`${RUNS.toLocaleString('en')} seeds from ${FIRST_SEED} run with no violation`, async () => {
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      const r = await runAgentSim({ seed, scenario: 'random' });
      if (r.violations.length > 0) failures.push(`seed ${seed} (${r.scenario}): ${r.violations[0]}; replay: npx nx run agent:simulate -- --runs 1 --seed ${seed} --scenario ${r.scenario}`);
    }
    expect(failures).toEqual([]);
  }, 900_000);
});

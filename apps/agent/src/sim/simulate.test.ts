/**
 * The agent simulator runs whole agents (real lifecycle machine, effects,
 * observer, nominator, store and Raft driver on SimDisk) deterministically:
 * every named scenario converges without a violation, a seed replays
 * exactly, and each planted bug (test-only switches) is caught by a checker.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS, runAgentSim } from './simulate.js';

const SEEDS = [1, 2, 3];

describe('agent simulator', () => {
  for (const scenario of SCENARIOS) {
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

  it('catches a nominator that adds two members at once', async () => {
    const found: string[] = [];
    for (const seed of [1, 2, 3, 4]) found.push(...(await runAgentSim({ seed, scenario: 'join', bugs: { addsTwoAtOnce: true } })).violations);
    expect(found.some((v) => v.includes('two membership changes in flight'))).toBe(true);
  });

  it('catches a leaver that skips the hand-over', async () => {
    const found: string[] = [];
    for (const seed of [1, 2, 3, 4]) found.push(...(await runAgentSim({ seed, scenario: 'leave', bugs: { leaverSkipsHandOver: true } })).violations);
    expect(found.some((v) => /stopped its member while (a voter|leading)/.test(v))).toBe(true);
  });
});

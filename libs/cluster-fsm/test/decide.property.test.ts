/**
 * Property tests of `decideNext` against a simulated world (see
 * sim-world.ts): under random deaths, partitions, quits, joins,
 * ideal-size changes and slow membership changes,
 * every decision keeps one membership change in flight at most, never
 * leaves a configuration without a healthy majority, never removes the
 * leader, never promotes a learner before it has caught up and been stable;
 * and once the world is quiet the cluster converges to
 * min(ideal, live volunteers) voters with matching nomination keys.
 * A failure prints the fast-check seed and path to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideNext } from '../src/nominator/decide.js';
import { DEFAULT_NOMINATOR_POLICY } from '../src/nominator/view.js';
import { checkParameters, reportOnFailure } from './fc-report.js';
import type { WorldEvent } from './sim-world.js';
import { SimWorld } from './sim-world.js';

const QUIET_STEPS_MAX = 400;

const worldEvent: fc.Arbitrary<WorldEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<WorldEvent>({ type: 'none' }) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map<WorldEvent>((host) => ({ type: 'kill', host })) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map<WorldEvent>((host) => ({ type: 'quit', host })) },
  { weight: 1, arbitrary: fc.constant<WorldEvent>({ type: 'join' }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }).map<WorldEvent>((size) => ({ type: 'ideal', size })) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map<WorldEvent>((host) => ({ type: 'cut', host })) },
  { weight: 1, arbitrary: fc.constant<WorldEvent>({ type: 'heal' }) },
  { weight: 2, arbitrary: fc.constant<WorldEvent>({ type: 'stall' }) },
);

const scenario = fc.record({
  hosts: fc.integer({ min: 1, max: 7 }),
  ideal: fc.integer({ min: 1, max: 7 }),
  events: fc.array(worldEvent, { minLength: 10, maxLength: 150, size: 'max' }),
});

/** Runs the scenario; throws on a broken invariant; returns steps to converge. */
function run({ hosts, ideal, events }: { hosts: number; ideal: number; events: WorldEvent[] }): number {
  const world = new SimWorld(hosts, ideal, DEFAULT_NOMINATOR_POLICY);
  for (const event of events) {
    world.apply(event);
    world.advance(event.type === 'stall');
    const view = world.view();
    world.decide(view, decideNext(view, DEFAULT_NOMINATOR_POLICY));
  }
  world.healAll();
  for (let step = 0; step < QUIET_STEPS_MAX; step++) {
    if (world.convergenceProblem() === undefined) return step;
    world.advance();
    const view = world.view();
    world.decide(view, decideNext(view, DEFAULT_NOMINATOR_POLICY));
  }
  throw new Error(`did not converge in ${QUIET_STEPS_MAX} quiet steps: ${world.convergenceProblem()}\n  ${world.log.slice(-30).join('\n  ')}`);
}

describe('decideNext in a simulated world', () => {
  it('keeps every safety invariant and converges once the world is quiet', () => {
    const result = fc.check(
      fc.property(scenario, (input) => {
        run(input);
      }),
      checkParameters(100),
    );
    reportOnFailure(result, 'test/decide.property.test.ts');
    expect(result.failed).toBe(false);
  });

  it('does not add back a removed host before its old member has stopped', () => {
    const settle: WorldEvent[] = Array.from({ length: 60 }, () => ({ type: 'none' }));
    // Shrink to 2 (h3 is removed), then grow back to 3 right after the removal applies.
    expect(() => run({ hosts: 3, ideal: 3, events: [...settle, { type: 'ideal', size: 2 }, { type: 'ideal', size: 3 }] })).not.toThrow();
  });

  it('grows a fresh cluster of 5 volunteers to 5 voters in a bounded number of steps', () => {
    const steps = run({ hosts: 5, ideal: 5, events: [] });
    expect(steps).toBeLessThan(100);
  });
});

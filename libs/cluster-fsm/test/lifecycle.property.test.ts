/**
 * Random walks of the lifecycle on a real actor: any sequence of facts
 * (including late and duplicated ones) interleaved with any passage of
 * time keeps every lifecycle invariant, never starts a Raft member while
 * one is present, never asks to stop a member that is not there, and a
 * shutdown followed by the facts a well-behaved agent reports always ends
 * in `stopped`. A failure prints the fast-check seed that replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../src/lifecycle/types.js';
import { checkParameters, reportOnFailure } from './fc-report.js';
import { startLifecycle } from './lifecycle-harness.js';
import type { LifecycleSnapshot } from './lifecycle-model.js';
import { FACTS, lifecycleViolation } from './lifecycle-model.js';

type Step = { kind: 'fact'; event: LifecycleEvent } | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FACTS).map<Step>((event) => ({ kind: 'fact', event })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map<Step>((ms) => ({ kind: 'wait', ms })) },
);

const walk = fc.record({
  seeded: fc.boolean(),
  noServer: fc.boolean(),
  steps: fc.array(step, { maxLength: 60 }),
});

/** The facts a well-behaved agent reports after a shutdown, in answer to each effect. */
function finishShutdown(h: ReturnType<typeof startLifecycle>): void {
  const answers: LifecycleEvent[] = [
    { type: 'leadership.changed', isLeader: false },
    { type: 'volunteer.revoked' },
    { type: 'member.removed' },
    { type: 'member.stopped' },
  ];
  for (let round = 0; round < 10; round++) {
    for (const event of answers) {
      if (h.actor.getSnapshot().status === 'done') return;
      h.actor.send(event);
    }
    h.clock.increment(60_000);
  }
}

describe('lifecycle random walks', () => {
  it('keep the invariants under any facts and timing, and always shut down', () => {
    const result = fc.check(
      fc.property(walk, ({ seeded, noServer, steps }) => {
        const h = startLifecycle({ seeds: seeded ? ['http://a:2379', 'http://b:2379'] : [], noServer });
        const check = (what: string) => {
          const violation = lifecycleViolation(h.actor.getSnapshot() as LifecycleSnapshot);
          if (violation !== undefined) throw new Error(`after ${what}: ${violation}`);
        };
        check('start');
        for (const s of steps) {
          if (h.actor.getSnapshot().status === 'done') break;
          const before = h.actor.getSnapshot().context.member;
          const seen = h.effects.length;
          if (s.kind === 'fact') h.actor.send(s.event);
          else h.clock.increment(s.ms);
          const what = s.kind === 'fact' ? s.event.type : `waiting ${s.ms} ms`;
          for (const effect of h.effects.slice(seen)) {
            if ((effect.type === 'startMember' || effect.type === 'bootstrapCluster') && before !== 'none') {
              throw new Error(`after ${what}: ${effect.type} while the member was ${before}`);
            }
            const force = (effect.params as { force?: boolean }).force === true;
            if (effect.type === 'stopMember' && !force && before === 'none') {
              throw new Error(`after ${what}: stopMember with no member`);
            }
          }
          check(what);
        }
        if (h.actor.getSnapshot().status !== 'done') {
          h.actor.send({ type: 'shutdown.requested' });
          finishShutdown(h);
        }
        expect(h.actor.getSnapshot().status).toBe('done');
        h.actor.stop();
      }),
      checkParameters(150),
    );
    reportOnFailure(result, 'test/lifecycle.property.test.ts');
  });
});

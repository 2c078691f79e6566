/**
 * Random end-to-end runs of the simulated cluster (test/cluster-sim.ts):
 * agents start, shut down, crash (never a majority), restart exactly as
 * first started (the first host without seeds, with or without its member's
 * data: never a second cluster), the ideal size changes at random moments,
 * clients delete `/_mgmt/`, revoke an agent's lease or write garbage into
 * its keys, and
 * after every tick every agent's invariants hold, no member is started
 * twice, voters keep a serving majority and one membership change is in
 * flight at most. Once quiet, the cluster settles with
 * min(ideal, live volunteers) peers (crashed members replaced) and everyone
 * else waiting as a volunteer (or stopped). A failure prints the fast-check seed that replays it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { play, type Op } from './cluster-ops.js';
import { checkParameters, reportOnFailure } from './fc-report.js';

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Op>({ type: 'start' }) },
  { weight: 2, arbitrary: fc.nat({ max: 9 }).map<Op>((agent) => ({ type: 'shutdown', agent })) },
  { weight: 1, arbitrary: fc.nat({ max: 9 }).map<Op>((agent) => ({ type: 'crash', agent })) },
  // A crashed host restarted exactly as first started (h1 without seeds), with or without its member's data.
  { weight: 1, arbitrary: fc.record({ agent: fc.nat({ max: 9 }), withData: fc.boolean() }).map<Op>((r) => ({ type: 'restart', ...r })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }).map<Op>((size) => ({ type: 'ideal', size })) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }).map<Op>((steps) => ({ type: 'run', steps })) },
  {
    weight: 1,
    arbitrary: fc.record({ fault: fc.constantFrom('del-mgmt' as const, 'revoke-lease' as const, 'garbage' as const), agent: fc.nat({ max: 9 }) }).map<Op>((f) => ({ type: 'client', ...f })),
  },
);

describe('random runs of a simulated cluster', () => {
  it('keep every invariant and settle at the ideal size', async () => {
    const result = await fc.check(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 25, size: 'max' }), async (ideal, ops) => {
        await play(ideal, ops);
      }),
      checkParameters(25),
    );
    reportOnFailure(result, 'test/cluster.property.test.ts');
  });
});

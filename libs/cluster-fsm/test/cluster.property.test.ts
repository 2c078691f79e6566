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
import { ClusterSim } from './cluster-sim.js';
import { checkParameters, reportOnFailure } from './fc-report.js';

type Op =
  | { type: 'start' }
  | { type: 'shutdown'; agent: number }
  | { type: 'crash'; agent: number }
  | { type: 'restart'; agent: number; withData: boolean }
  | { type: 'ideal'; size: number }
  | { type: 'client'; fault: 'del-mgmt' | 'revoke-lease' | 'garbage'; agent: number }
  | { type: 'run'; steps: number };

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

const MAX_AGENTS = 6;

async function play(ideal: number, ops: Op[]): Promise<void> {
  const sim = new ClusterSim(ideal);
  sim.startAgent('h1', { seeds: false });
  let started = 1;
  for (const o of ops) {
    if (o.type === 'start' && started < MAX_AGENTS) sim.startAgent(`h${++started}`);
    if (o.type === 'shutdown') {
      // A second Ctrl-C forces (and may cost quorum, by design): random runs only ask once.
      const agent = sim.agent(`h${(o.agent % started) + 1}`);
      if (agent.crashedTick === undefined && !agent.actor.getSnapshot().context.shutdownRequested) sim.shutdown(agent.hostname);
    }
    if (o.type === 'crash') {
      const hostname = `h${(o.agent % started) + 1}`;
      if (sim.canCrash(hostname)) sim.crash(hostname);
    }
    if (o.type === 'restart') {
      const agent = sim.agent(`h${(o.agent % started) + 1}`);
      if (agent.crashedTick !== undefined) sim.restartAgent(agent.hostname, o.withData);
    }
    if (o.type === 'ideal') sim.setIdealClusterSize(o.size);
    if (o.type === 'client') {
      const hostname = `h${(o.agent % started) + 1}`;
      if (o.fault === 'del-mgmt') sim.clientDeletesMgmt();
      else if (o.fault === 'revoke-lease') sim.clientRevokesLease(hostname);
      else sim.clientWritesGarbage(hostname);
    }
    await sim.run(o.type === 'run' ? o.steps : 1);
  }
  const live = () =>
    [...sim.agents.values()].filter((a) => {
      const snapshot = a.actor.getSnapshot();
      return a.crashedTick === undefined && snapshot.status !== 'done' && !snapshot.context.shutdownRequested;
    });
  const settled = () => {
    const states = sim.states();
    const leaving = Object.values(states).some((s) => s.startsWith('leaving'));
    const servingVoters = sim.voterNames().filter((name) => sim.agents.get(name)?.memberRunning === true);
    if (leaving) return false;
    if (servingVoters.length === 0) return true; // the cluster was shut down: nothing left to converge
    const expected = Math.min(sim.idealClusterSize, live().length);
    return (
      sim.voterNames().length === expected &&
      live().every((a) => ['peer.running', 'volunteer.waiting'].includes(states[a.hostname] ?? ''))
    );
  };
  await sim.runUntil(settled, 2_000);
}

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

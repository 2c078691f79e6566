/**
 * The operations of the random cluster runs (cluster.property.test.ts) and
 * `play`, which carries them out in a simulated cluster and waits for it to
 * settle; regression tests replay a found counterexample through it as is.
 */
import { ClusterSim } from './cluster-sim.js';

/** One thing that happens to the simulated cluster. */
export type Op =
  | { type: 'start' }
  | { type: 'shutdown'; agent: number }
  | { type: 'crash'; agent: number }
  | { type: 'restart'; agent: number; withData: boolean }
  | { type: 'ideal'; size: number }
  | { type: 'client'; fault: 'del-mgmt' | 'revoke-lease' | 'garbage'; agent: number }
  | { type: 'run'; steps: number };

const MAX_AGENTS = 6;

/** Plays `ops` (each followed by one tick, or `steps`), then runs until the cluster settles; returns the simulation. */
export async function play(ideal: number, ops: Op[]): Promise<ClusterSim> {
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
  return sim;
}

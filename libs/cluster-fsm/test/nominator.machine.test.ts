/**
 * Proves the nominator machine orchestrates one change at a time: it
 * decides, applies through the agent's `applyDecision` actor, waits until a
 * later view shows the change before deciding again, backs off (growing
 * delays, on the actor's clock) when a change fails or never shows up,
 * promotes a learner only after it has been healthy for the stabilization
 * time across views, and stops when leadership is lost.
 */
import { createActor, fromPromise, initialTransition, SimulatedClock, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { ChangeDecision } from '../src/nominator/decision.js';
import { nominatorMachine } from '../src/nominator/machine.js';
import type { ClusterView } from '../src/nominator/view.js';
import { learner, urlsOf, viewOf, voter } from './views.js';

interface Call {
  decision: ChangeDecision;
  resolve: () => void;
  reject: (error: Error) => void;
  signal: AbortSignal;
}

/** A nominator whose applyDecision calls wait for the test to settle them. */
function startNominator(timing = { retry: { baseDelayMs: 100, maxDelayMs: 400 }, observeTimeoutMs: 1_000 }) {
  const calls: Call[] = [];
  const announced: string[] = [];
  const clock = new SimulatedClock();
  const machine = nominatorMachine.provide({
    actors: {
      applyDecision: fromPromise<void, ChangeDecision>(
        ({ input, signal }) =>
          new Promise<void>((resolve, reject) => calls.push({ decision: input, resolve, reject, signal })),
      ),
    },
    actions: {
      announceDecision: (_args, params) => void announced.push(params.decision.kind),
    },
  });
  const actor = createActor(machine, { clock, input: { timing } });
  actor.start();
  return { actor, clock, calls, announced, state: () => String(actor.getSnapshot().value) };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function growingView(tick: number, nominatedH2: boolean): ClusterView {
  const view = viewOf([voter('h1', '1')], { tick, idealClusterSize: 2 }, ['h2']);
  if (nominatedH2) view.nominated['h2'] = urlsOf('h2');
  return view;
}

describe('nominator machine', () => {
  it('is pure: the first view moves it to applying with the decision announced', () => {
    const [start] = initialTransition(nominatorMachine, {});
    expect(start.value).toBe('waitingForView');
    const [next, actions] = transition(nominatorMachine, start, { type: 'view.updated', view: growingView(10, false) });
    expect(next.value).toBe('applying');
    expect(next.context.decision).toMatchObject({ kind: 'nominate', hostname: 'h2' });
    expect(actions.map((action) => action.type)).toContain('announceDecision');
  });

  it('applies one change, waits to observe it, then decides the next', async () => {
    const n = startNominator();
    n.actor.send({ type: 'view.updated', view: growingView(10, false) });
    expect(n.state()).toBe('applying');
    expect(n.calls).toHaveLength(1);
    expect(n.calls[0]?.decision).toMatchObject({ kind: 'nominate', hostname: 'h2' });

    // A view that predates the change changes nothing while the apply is in flight.
    n.actor.send({ type: 'view.updated', view: growingView(11, false) });
    expect(n.calls).toHaveLength(1);

    n.calls[0]?.resolve();
    await settle();
    expect(n.state()).toBe('observing');
    n.actor.send({ type: 'view.updated', view: growingView(12, false) });
    expect(n.state()).toBe('observing');
    expect(n.calls).toHaveLength(1);

    n.actor.send({ type: 'view.updated', view: growingView(13, true) });
    expect(n.state()).toBe('applying');
    expect(n.calls).toHaveLength(2);
    expect(n.calls[1]?.decision).toMatchObject({ kind: 'addLearner', hostname: 'h2' });
    expect(n.actor.getSnapshot().context.changesObserved).toBe(1);
    expect(n.announced).toEqual(['nominate', 'addLearner']);
  });

  it('backs off with growing delays after failures, then decides afresh', async () => {
    const n = startNominator();
    n.actor.send({ type: 'view.updated', view: growingView(10, false) });
    n.calls[0]?.reject(new Error('etcdserver: request timed out'));
    await settle();
    expect(n.state()).toBe('backoff');
    expect(n.actor.getSnapshot().context.lastError).toContain('request timed out');
    n.clock.increment(99);
    expect(n.state()).toBe('backoff');
    n.clock.increment(1);
    expect(n.state()).toBe('applying');
    expect(n.calls).toHaveLength(2);

    n.calls[1]?.reject(new Error('again'));
    await settle();
    n.clock.increment(199);
    expect(n.state()).toBe('backoff');
    n.clock.increment(1);
    expect(n.state()).toBe('applying');
    expect(n.actor.getSnapshot().context.failures).toBe(2);
  });

  it('gives up waiting for a change that never shows up', async () => {
    const n = startNominator();
    n.actor.send({ type: 'view.updated', view: growingView(10, false) });
    n.calls[0]?.resolve();
    await settle();
    n.clock.increment(1_000);
    expect(n.state()).toBe('backoff');
    expect(n.actor.getSnapshot().context.lastError).toContain('did not show up');
  });

  it('rests when there is nothing to do and wakes on the next view', () => {
    const n = startNominator();
    n.actor.send({ type: 'view.updated', view: viewOf([voter('h1', '1')], { idealClusterSize: 1 }) });
    expect(n.state()).toBe('idle');
    expect(n.actor.getSnapshot().context.reason).toContain('ideal size 1/1');
    n.actor.send({ type: 'view.updated', view: viewOf([voter('h1', '1')], { idealClusterSize: 2 }, ['h2']) });
    expect(n.state()).toBe('applying');
  });

  it('promotes a learner only after it stayed healthy for the stabilization time across views', async () => {
    const n = startNominator();
    const policy = n.actor.getSnapshot().context.policy;
    const at = (tick: number, lastHeardTicksAgo = 0) =>
      viewOf([voter('h1', '1'), learner('h2', '2', { lastHeardTicksAgo, healthyForTicks: undefined })], { tick, idealClusterSize: 2 });
    n.actor.send({ type: 'view.updated', view: at(100) });
    expect(n.state()).toBe('idle');
    n.actor.send({ type: 'view.updated', view: at(100 + policy.stabilizationTicks - 1) });
    expect(n.state()).toBe('idle');
    // A silence longer than aliveWithinTicks resets the clock.
    n.actor.send({ type: 'view.updated', view: at(100 + policy.stabilizationTicks, policy.aliveWithinTicks + 1) });
    n.actor.send({ type: 'view.updated', view: at(200) });
    n.actor.send({ type: 'view.updated', view: at(200 + policy.stabilizationTicks - 1) });
    expect(n.state()).toBe('idle');
    n.actor.send({ type: 'view.updated', view: at(200 + policy.stabilizationTicks) });
    expect(n.state()).toBe('applying');
    expect(n.calls[0]?.decision).toMatchObject({ kind: 'promoteLearner', memberId: '2' });
  });

  it('stops, cancelling the change in flight, when leadership is lost', () => {
    const n = startNominator();
    n.actor.send({ type: 'view.updated', view: growingView(10, false) });
    n.actor.send({ type: 'leadership.lost' });
    expect(n.state()).toBe('stopped');
    expect(n.actor.getSnapshot().status).toBe('done');
    expect(n.calls[0]?.signal.aborted).toBe(true);
  });
});

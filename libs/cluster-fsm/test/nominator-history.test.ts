/**
 * Proves the nominator machine keeps the history issue 22 needs across
 * views, with the pure `transition`: volunteers that lose their lease twice
 * within the flap window are damped (and so not nominated), and the tick of
 * an observed rebalancing promotion is remembered for the next decision.
 */
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { nominatorMachine } from '../src/nominator/machine.js';
import type { ClusterView } from '../src/nominator/view.js';
import { DEFAULT_NOMINATOR_POLICY } from '../src/nominator/view.js';
import { learner, viewOf, voter } from './views.js';

/** A 1-voter cluster wanting 2, with volunteers v1 (connected longest) and v2, v1 on lease `lease`. */
function viewAt(tick: number, lease: number): ClusterView {
  const view = viewOf([voter('h1', '1')], { tick, idealClusterSize: 2 }, ['v1', 'v2']);
  view.volunteerRevisions = { h1: 1, v1: 5, v2: 9 };
  view.volunteerLeases = { h1: 1, v1: lease, v2: 100 };
  return view;
}

describe('nominator machine history', () => {
  it('damps a volunteer that lost its lease twice within the window: the next one is nominated', () => {
    let [snap] = initialTransition(nominatorMachine, {});
    // While a change is in flight the machine only records views; it is `applying` after the first.
    [snap] = transition(nominatorMachine, snap, { type: 'view.updated', view: viewAt(10, 50) });
    expect(snap.context.decision).toMatchObject({ kind: 'nominate', hostname: 'v1' });
    [snap] = transition(nominatorMachine, snap, { type: 'view.updated', view: viewAt(20, 51) });
    [snap] = transition(nominatorMachine, snap, { type: 'view.updated', view: viewAt(30, 52) });
    expect(snap.context.view?.damped).toEqual(['v1']);
    expect(snap.context.leaseHistory.losses['v1']).toEqual([20, 30]);
    // A fresh machine given the damped history decides on v2 (the stored view carries `damped`).
    const [idle] = initialTransition(nominatorMachine, {});
    const [next] = transition(nominatorMachine, { ...idle, context: { ...idle.context, leaseHistory: snap.context.leaseHistory } } as typeof idle, {
      type: 'view.updated',
      view: viewAt(40, 52),
    });
    expect(next.context.decision).toMatchObject({ kind: 'nominate', hostname: 'v2' });
    // After the window the older loss is forgotten and v1 is chosen again.
    const [later] = transition(nominatorMachine, { ...idle, context: { ...idle.context, leaseHistory: snap.context.leaseHistory } } as typeof idle, {
      type: 'view.updated',
      view: viewAt(20 + DEFAULT_NOMINATOR_POLICY.flapWindowTicks, 52),
    });
    expect(later.context.decision).toMatchObject({ kind: 'nominate', hostname: 'v1' });
  });

  it('remembers when a rebalancing promotion was observed', () => {
    // Voters a1, a2, b1 (zone a crowded); a caught-up learner c1 in zone c.
    const zones = { a1: 'a', a2: 'a', b1: 'b', c1: 'c' };
    const before = viewOf([voter('a1', '1'), voter('a2', '2'), voter('b1', '3'), learner('c1', '4')], { tick: 100, zones });
    let [snap] = initialTransition(nominatorMachine, {});
    for (let tick = 100; tick <= 140; tick += 10) [snap] = transition(nominatorMachine, snap, { type: 'view.updated', view: { ...before, tick } });
    expect(snap.context.decision).toMatchObject({ kind: 'promoteLearner', hostname: 'c1', rebalance: true });
    [snap] = transition(nominatorMachine, snap, { type: 'xstate.done.actor.applyDecision', output: undefined } as never);
    const after = viewOf([voter('a1', '1'), voter('a2', '2'), voter('b1', '3'), voter('c1', '4')], { tick: 150, zones });
    [snap] = transition(nominatorMachine, snap, { type: 'view.updated', view: after });
    expect(snap.context.lastRebalanceTick).toBe(150);
    expect(snap.context.decision).toMatchObject({ kind: 'removeMember', hostname: 'a2' });
  });
});

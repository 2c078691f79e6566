/**
 * Model-based test of the nominator machine with @xstate/graph: over a
 * small alphabet of views (growing, steady, mid-change) and the outcomes of
 * the apply actor (done, error) plus its timeouts, every state is
 * reachable, and in every reachable state the machine is applying at most
 * one change (one invoked actor), rests with no actor running, and never
 * decides a membership change on a view where one is still pending.
 */
import { getAdjacencyMap } from '@xstate/graph';
import type { SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { NominatorEvent } from '../src/nominator/machine.js';
import { nominatorMachine } from '../src/nominator/machine.js';
import { machineToJson } from '../src/viz/graph.js';
import { urlsOf, viewOf, voter } from './views.js';

type NominatorSnapshot = SnapshotFrom<typeof nominatorMachine>;

const steady = viewOf([voter('h1', '1'), voter('h2', '2')], { idealClusterSize: 2 });
const growing = viewOf([voter('h1', '1')], { idealClusterSize: 2 }, ['h2']);
const nominated = viewOf([voter('h1', '1')], { idealClusterSize: 2 }, ['h2']);
nominated.nominated['h2'] = urlsOf('h2');
const pending = viewOf([voter('h1', '1')], { idealClusterSize: 2, confChangePending: true }, ['h2']);

const EVENTS = [
  ...[steady, growing, nominated, pending].map((view) => ({ type: 'view.updated', view }) as NominatorEvent),
  { type: 'leadership.lost' } as NominatorEvent,
  { type: 'xstate.done.actor.applyDecision' } as unknown as NominatorEvent,
  { type: 'xstate.error.actor.applyDecision', error: new Error('boom') } as unknown as NominatorEvent,
  ...machineToJson(nominatorMachine)
    .edges.filter((edge) => edge.kind === 'after')
    .map((edge) => ({ type: edge.event }) as unknown as NominatorEvent),
];

function serialize(snapshot: NominatorSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, c.decision?.kind, c.view?.idealClusterSize, c.view?.confChangePending, c.view?.members.length, Object.keys(c.view?.nominated ?? {}).length, Math.min(c.failures, 3)]);
}

describe('nominator model', () => {
  const adjacency = getAdjacencyMap(nominatorMachine, {
    input: {},
    events: EVENTS,
    serializeState: (snapshot) => serialize(snapshot as NominatorSnapshot),
    limit: 20_000,
    stopWhen: (snapshot) => snapshot.status === 'done',
  });
  const states = Object.values(adjacency).map((entry) => entry.state as NominatorSnapshot);

  it('reaches every resting state', () => {
    const seen = new Set(states.map((snapshot) => String(snapshot.value)));
    expect([...seen].sort()).toEqual(['applying', 'backoff', 'idle', 'observing', 'stopped', 'waitingForView']);
  });

  it('only applies or observes a real change, and only one', () => {
    for (const snapshot of states) {
      const value = String(snapshot.value);
      const decision = snapshot.context.decision;
      if (value === 'applying' || value === 'observing') {
        expect(decision?.kind, serialize(snapshot)).not.toBe('none');
        expect(decision?.kind, serialize(snapshot)).not.toBeUndefined();
        expect(Object.keys(snapshot.children).length).toBeLessThanOrEqual(1);
      } else {
        expect(Object.keys(snapshot.children), serialize(snapshot)).toEqual([]);
      }
    }
  });

  it('never decides a membership change on a view with one pending', () => {
    let decisions = 0;
    for (const entry of Object.values(adjacency)) {
      for (const transition of Object.values(entry.transitions)) {
        const next = (transition as { state: NominatorSnapshot }).state;
        // A decision is made on entering applying; the view it was made on is the one in context then.
        if (String((entry.state as NominatorSnapshot).value) === 'applying' || String(next.value) !== 'applying') continue;
        decisions++;
        if (next.context.view?.confChangePending !== true) continue;
        expect(['nominate', 'unnominate', 'transferLeadership']).toContain(next.context.decision?.kind);
      }
    }
    expect(decisions).toBeGreaterThan(0);
  });
});

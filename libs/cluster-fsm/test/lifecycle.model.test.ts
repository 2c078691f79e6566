/**
 * Model-based tests of the lifecycle with @xstate/graph. From both starts
 * (with seeds, and bootstrapping without) the bounded graph of every state
 * reachable through any order of facts and timeouts is built; every state
 * of the chart must be reachable and every reachable state must satisfy the
 * lifecycle invariants. Then the shortest path to each state is replayed on
 * a real actor with recording effects, which must agree with the pure
 * traversal and must never start a Raft member while one is still present
 * (the `bind: address already in use` race of the original).
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import type { LifecycleInput } from '../src/lifecycle/types.js';
import { machineToJson } from '../src/viz/graph.js';
import { startLifecycle } from './lifecycle-harness.js';
import type { LifecycleSnapshot } from './lifecycle-model.js';
import { ALL_EVENTS, leafOf, lifecycleViolation, serializeLifecycle } from './lifecycle-model.js';

const TRAVERSAL_LIMIT = 50_000;

const STARTS: Record<string, LifecycleInput> = {
  seeded: { hostname: 'h1', seeds: ['http://a:2379'], peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'], timing: { maxMemberStartAttempts: 2 } },
  bootstrap: { hostname: 'h1', seeds: [], peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'], timing: { maxMemberStartAttempts: 2 } },
  noServer: { hostname: 'h1', seeds: ['http://a:2379'], peerUrls: [], clientUrls: [], noServer: true },
  // The data directory holds a member: it restarts at once, seeds or not.
  restart: { hostname: 'h1', seeds: ['http://a:2379'], peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'], hasMemberData: true, timing: { maxMemberStartAttempts: 2 } },
  // No seeds, but the data directory belongs to a cluster: reconnect, never bootstrap.
  knownCluster: { hostname: 'h1', seeds: [], peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'], knownCluster: { clusterId: 'abc', endpoints: ['http://b:2379'] }, timing: { maxMemberStartAttempts: 2 } },
};

function reachable(input: LifecycleInput): LifecycleSnapshot[] {
  const adjacency = getAdjacencyMap(lifecycleMachine, {
    input,
    events: ALL_EVENTS,
    serializeState: (snapshot) => serializeLifecycle(snapshot as LifecycleSnapshot),
    limit: TRAVERSAL_LIMIT,
    // A done actor takes no more events; the pure transition function would still compute some.
    stopWhen: (snapshot) => snapshot.status === 'done',
  });
  return Object.values(adjacency).map((entry) => entry.state as LifecycleSnapshot);
}

/** Leaf states an actor can rest in: `starting` only passes through (eventless transitions). */
const leaves = machineToJson(lifecycleMachine)
  .nodes.filter((node) => node.type === 'atomic' || node.type === 'final')
  .map((node) => node.id.slice('lifecycle.'.length))
  .filter((leaf) => leaf !== 'starting');

describe('lifecycle model', () => {
  const states = Object.fromEntries(Object.entries(STARTS).map(([name, input]) => [name, reachable(input)]));

  it('reaches every state of the chart', () => {
    const seen = new Set(Object.values(states).flat().map(leafOf));
    expect(leaves.filter((leaf) => !seen.has(leaf))).toEqual([]);
  });

  it.each(Object.keys(STARTS))('keeps the invariants in every state reachable from the %s start', (name) => {
    const violations = (states[name] ?? [])
      .map((snapshot) => [serializeLifecycle(snapshot), lifecycleViolation(snapshot)])
      .filter(([, violation]) => violation !== undefined);
    expect(violations).toEqual([]);
  });

  it('--no-server never leaves the client states except to stop or fail', () => {
    const leafSet = new Set((states['noServer'] ?? []).map(leafOf));
    const allowed = new Set(['client.connecting', 'client.retrying', 'client.connected', 'failed', 'stopped']);
    expect([...leafSet].filter((leaf) => !allowed.has(leaf))).toEqual([]);
  });

  it.each(Object.keys(STARTS))('replays the shortest path to every state from the %s start on a real actor', (name) => {
    const input = STARTS[name] as LifecycleInput;
    const paths = getShortestPaths(lifecycleMachine, {
      input,
      events: ALL_EVENTS,
      serializeState: (snapshot) => serializeLifecycle(snapshot as LifecycleSnapshot),
      limit: TRAVERSAL_LIMIT,
      stopWhen: (snapshot) => snapshot.status === 'done',
    });
    // One shortest path per (leaf, member status, shutdown, pending nomination) keeps the replay fast.
    const byKey = new Map<string, (typeof paths)[number]>();
    for (const path of paths) {
      const snapshot = path.state as LifecycleSnapshot;
      const c = snapshot.context;
      const key = JSON.stringify([leafOf(snapshot), c.member, c.shutdownRequested, c.nominationPresent]);
      const known = byKey.get(key);
      if (known === undefined || known.steps.length > path.steps.length) byKey.set(key, path);
    }
    expect(byKey.size).toBeGreaterThan(3);
    for (const path of byKey.values()) {
      const h = startLifecycle(input);
      for (const step of path.steps) {
        const memberBefore = h.actor.getSnapshot().context.member;
        const effectsBefore = h.effects.length;
        h.actor.send(step.event);
        const started = h.effects.slice(effectsBefore).filter((e) => e.type === 'startMember' || e.type === 'bootstrapCluster');
        if (started.length > 0 && memberBefore !== 'none') {
          throw new Error(`started a member while one was ${memberBefore}: ${path.steps.map((s) => s.event.type).join(' -> ')}`);
        }
        expect(h.actor.getSnapshot().value).toEqual(step.state.value);
      }
      h.actor.stop();
    }
  });
});

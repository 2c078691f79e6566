/**
 * The lifecycle as a model for @xstate/graph: every fact an agent can
 * report (with fixed payloads), every delayed event read from the chart,
 * a state serialization that drops counters (so the graph is finite), and
 * the invariants every reachable state must satisfy (src/lifecycle/invariants.ts).
 */
import type { SnapshotFrom } from 'xstate';
import { lifecycleInvariantViolation, lifecycleLeaf } from '../src/lifecycle/invariants.js';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import type { LifecycleEvent } from '../src/lifecycle/types.js';
import { machineToJson } from '../src/viz/graph.js';

/** A lifecycle snapshot. */
export type LifecycleSnapshot = SnapshotFrom<typeof lifecycleMachine>;

/** Every fact, with one representative payload each. */
export const FACTS: LifecycleEvent[] = [
  { type: 'seed.connected', seed: 'http://a:2379' },
  { type: 'seed.unreachable', seed: 'http://a:2379' },
  { type: 'bootstrap.elected', hosts: ['h1', 'h2', 'h3'] },
  { type: 'connection.lost' },
  { type: 'volunteer.registered' },
  { type: 'volunteer.failed', error: 'timeout' },
  { type: 'volunteer.revoked' },
  { type: 'hostname.duplicated' },
  { type: 'lease.lost' },
  { type: 'nomination.received' },
  { type: 'nomination.revoked' },
  { type: 'member.started' },
  { type: 'member.failed', error: 'EADDRINUSE' },
  { type: 'member.promoted' },
  { type: 'member.removed' },
  { type: 'member.stopped' },
  { type: 'leadership.changed', isLeader: true },
  { type: 'leadership.changed', isLeader: false },
  { type: 'cluster.observed', voters: 1, idealClusterSize: 3 },
  { type: 'cluster.observed', voters: 3, idealClusterSize: 3 },
  { type: 'shutdown.requested' },
];

/** The delayed events of the chart (`xstate.after.<delay>.<state id>`), as events a test can send. */
export const DELAYED_EVENTS: LifecycleEvent[] = machineToJson(lifecycleMachine)
  .edges.filter((edge) => edge.kind === 'after')
  .map((edge) => ({ type: edge.event }) as unknown as LifecycleEvent);

/** Facts and delayed events together. */
export const ALL_EVENTS: LifecycleEvent[] = [...FACTS, ...DELAYED_EVENTS];

/** State value plus the context that matters for behaviour; counters and texts left out. */
export function serializeLifecycle(snapshot: LifecycleSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.member,
    c.isVoter,
    c.isLeader,
    c.volunteered,
    c.volunteering,
    c.nominationPresent,
    c.voters,
    c.shutdownRequested,
    Math.min(c.memberStartAttempts, c.timing.maxMemberStartAttempts),
  ]);
}

/** The active leaf, e.g. `peer.running`. */
export const leafOf = lifecycleLeaf;

/** Why a snapshot breaks a lifecycle invariant, or undefined. */
export const lifecycleViolation = lifecycleInvariantViolation;

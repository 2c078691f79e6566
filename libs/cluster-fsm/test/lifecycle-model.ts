/**
 * The lifecycle as a model for @xstate/graph: every fact an agent can
 * report (with fixed payloads), every delayed event read from the chart,
 * a state serialization that drops counters (so the graph is finite), and
 * the invariants every reachable state must satisfy.
 */
import type { SnapshotFrom } from 'xstate';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import type { LifecycleEvent } from '../src/lifecycle/types.js';
import { machineToJson } from '../src/viz/graph.js';

/** A lifecycle snapshot. */
export type LifecycleSnapshot = SnapshotFrom<typeof lifecycleMachine>;

/** Every fact, with one representative payload each. */
export const FACTS: LifecycleEvent[] = [
  { type: 'seed.connected', seed: 'http://a:2379' },
  { type: 'seed.unreachable', seed: 'http://a:2379' },
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
    c.pendingNomination,
    c.voters,
    c.shutdownRequested,
    Math.min(c.memberStartAttempts, c.timing.maxMemberStartAttempts),
  ]);
}

/** Dotted path of the active leaf, e.g. `peer.running`. */
export function leafOf(snapshot: LifecycleSnapshot): string {
  let value: unknown = snapshot.value;
  const parts: string[] = [];
  while (typeof value === 'object' && value !== null) {
    const [key, child] = Object.entries(value)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = child;
  }
  if (typeof value === 'string') parts.push(value);
  return parts.join('.');
}

/** The member status each state implies (undefined: any). */
function expectedMember(leaf: string): string[] | undefined {
  if (leaf.startsWith('client.') || leaf.startsWith('volunteer.')) return ['none'];
  if (leaf === 'bootstrapping' || leaf === 'nominated.starting') return ['starting'];
  if (leaf === 'nominated.retrying') return ['none'];
  if (leaf.startsWith('peer.')) return ['running'];
  if (leaf === 'unnominated.stopping') return ['stopping'];
  return undefined;
}

/** Why `snapshot` breaks a lifecycle invariant, or undefined. */
export function lifecycleViolation(snapshot: LifecycleSnapshot): string | undefined {
  const c = snapshot.context;
  const leaf = leafOf(snapshot);
  const members = expectedMember(leaf);
  if (members !== undefined && !members.includes(c.member)) return `${leaf} with member ${c.member}`;
  if (leaf.startsWith('volunteer.') && !(c.volunteered && c.volunteering)) return `${leaf} but not volunteering`;
  if (c.noServer && (leaf.startsWith('volunteer') || leaf.startsWith('nominated') || leaf.startsWith('peer'))) {
    return `--no-server agent in ${leaf}`;
  }
  if (c.shutdownRequested && !(leaf.startsWith('leaving.') || leaf === 'stopped')) return `shutdown requested but in ${leaf}`;
  if (leaf === 'peer.running' && !c.isVoter) return 'running peer that is not a voter';
  if (leaf === 'failed' && c.error === undefined) return 'failed without an error';
  if (c.reason.trim() === '') return `${leaf} without a reason`;
  if (snapshot.status === 'done' && leaf !== 'stopped' && leaf !== 'failed') return `done in ${leaf}`;
  return undefined;
}

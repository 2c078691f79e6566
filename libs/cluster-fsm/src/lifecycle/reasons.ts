/**
 * The human-readable `reason` texts of the lifecycle, one function per
 * situation, so `mgmt status` reads the same everywhere.
 */
import type { LifecycleContext } from './types.js';

/** Reason while the agent waits to be nominated. */
export function volunteerWaitingReason(context: Pick<LifecycleContext, 'voters' | 'idealClusterSize'>): string {
  const { voters, idealClusterSize } = context;
  if (voters === undefined || idealClusterSize === undefined) return VOLUNTEER_WAITING_REASON;
  if (voters >= idealClusterSize) return `volunteer: waiting, cluster full ${voters}/${idealClusterSize}`;
  return `${VOLUNTEER_WAITING_REASON}, cluster ${voters}/${idealClusterSize}`;
}

/**
 * The waiting reason without the cluster's size: what a volunteer
 * publishes in its status. The size is the cluster's, the same for every
 * volunteer; in each one's status, every change of it (a member lost, one
 * added) made every volunteer of a fleet write its status, an event for
 * every agent's watch each. `mgmt status` adds the size it reads.
 */
export const VOLUNTEER_WAITING_REASON = 'volunteer: waiting to be nominated';

/** Reason while the local member runs as a voter. */
export function peerRunningReason(context: LifecycleContext): string {
  const role = context.isLeader ? 'leader' : 'follower';
  const { voters, idealClusterSize } = context;
  const size = voters === undefined || idealClusterSize === undefined ? '' : `, cluster ${voters}/${idealClusterSize}`;
  return `peer: running as ${role}${size}`;
}

/** Reason while the agent is a client only. */
export function clientConnectedReason(context: LifecycleContext): string {
  const via = context.connectedSeed === undefined ? '' : ` via ${context.connectedSeed}`;
  if (context.noServer) return `client: connected${via} (--no-server: never volunteers)`;
  return `client: connected${via}`;
}

/** The seed to try on attempt `attempt`: seeds first, then endpoints learnt from the cluster. */
export function seedForAttempt(context: LifecycleContext, attempt: number): string {
  const candidates = [...context.seeds, ...context.knownEndpoints.filter((url) => !context.seeds.includes(url))];
  return candidates.length === 0 ? '' : (candidates[attempt % candidates.length] ?? '');
}

/** Number of distinct seeds to rotate through (at least 1). */
export function seedCount(context: LifecycleContext): number {
  return Math.max(1, new Set([...context.seeds, ...context.knownEndpoints]).size);
}

/**
 * Stabilization bookkeeping: for how many ticks each member has been healthy
 * without interruption. Views are snapshots; this is the one piece of
 * history the nominator keeps, so a learner that flaps is not promoted.
 */
import type { ClusterView, NominatorPolicy } from './view.js';
import { isHealthy } from './view.js';

/** Member id -> tick at which it last became healthy. */
export type HealthySince = Record<string, number>;

/** The healthy-since record after seeing `view`: unhealthy or departed members are dropped. */
export function trackHealth(previous: HealthySince, view: ClusterView, policy: NominatorPolicy): HealthySince {
  const next: HealthySince = {};
  for (const member of view.members) {
    if (!isHealthy(member, view, policy)) continue;
    const since = previous[member.id];
    next[member.id] = since !== undefined && since <= view.tick ? since : view.tick;
  }
  return next;
}

/** `view` with each member's `healthyForTicks` computed from `healthySince`. */
export function withHealth(view: ClusterView, healthySince: HealthySince): ClusterView {
  return {
    ...view,
    members: view.members.map((member) => {
      const since = healthySince[member.id];
      return { ...member, healthyForTicks: since === undefined ? 0 : view.tick - since };
    }),
  };
}

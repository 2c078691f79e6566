/**
 * The TTL of an agent's lease, by the size of its fleet. The lease carries
 * the host's volunteer key, status and exported resources. Every agent
 * renews it at a third of its TTL, on the leader: with 5 s, a thousand
 * agents made 600 renewals a second, the largest part of the leader's work
 * at steady state. And a host that stalls for longer than the TTL (a busy
 * host, a long pause) loses its lease: its exports vanish from every host
 * that collected them and come back when it registers again, fleet-wide
 * churn for a hiccup. A larger fleet therefore gets a longer TTL, so the
 * leader renews about FLEET_RENEWALS_PER_SECOND leases a second however
 * large the fleet (Consul scales its intervals with the cluster the same
 * way); a small cluster keeps 5 s, so a dead host's keys go quickly.
 *
 * The agent picks the TTL when it is granted a lease, from the hosts its
 * `/_mgmt/` mirror shows then (status and volunteer keys), after the
 * mirror's first read: a whole fleet restarted together sees itself. The
 * first agents of a cold start still see few and get 5 s; once the fleet
 * wants at least twice its lease's TTL, an agent moves its keys onto a
 * longer lease (agent-lease.ts). At 1,000 agents, the 5 s leases of the
 * cold start were the ones lost when the fleet restarted: each loss deleted
 * and re-wrote the host's keys, events for every agent to read, which made
 * the next losses.
 */

/** The TTL of a cluster of up to about a hundred hosts. */
export const BASE_LEASE_TTL_SECONDS = 5;
/** The renewals a second the leader is asked for by a large fleet. */
export const FLEET_RENEWALS_PER_SECOND = 100;
/** The longest TTL picked (a dead host's keys go within it). */
export const MAX_FLEET_LEASE_TTL_SECONDS = 30;

/** The TTL for a fleet of `hosts` agents. */
export function fleetLeaseTtlSeconds(hosts: number): number {
  const scaled = Number.isFinite(hosts) ? Math.ceil((3 * Math.max(0, hosts)) / FLEET_RENEWALS_PER_SECOND) : 0;
  return Math.min(MAX_FLEET_LEASE_TTL_SECONDS, Math.max(BASE_LEASE_TTL_SECONDS, scaled));
}

/**
 * Whether a lease of `currentSeconds` is worth moving to one of
 * `wantSeconds`: at twice its TTL or more (a fleet that grows by a few
 * hosts does not move every agent's keys).
 */
export function leaseOutgrown(currentSeconds: number, wantSeconds: number): boolean {
  return wantSeconds >= 2 * currentSeconds;
}

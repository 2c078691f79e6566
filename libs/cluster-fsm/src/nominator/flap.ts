/**
 * Flap damping: a volunteer that loses its lease `flapLossesMax` times
 * within `flapWindowTicks` (a host that comes and goes) is not chosen as a
 * voter or standby until its older losses age out of the window. A lease
 * loss shows as the volunteer key vanishing, or coming back under another
 * lease (or create revision). This is the nominator's third piece of history, kept
 * like the health record; a new leader starts with none.
 */
import type { ClusterView, NominatorPolicy } from './view.js';

/** What the nominator remembers about volunteers' leases. */
export interface VolunteerLeaseHistory {
  /** hostname -> the lease id (else create revision, else 0) of its volunteer key when last seen. */
  seen: Record<string, number>;
  /** hostname -> ticks of its recent lease losses, oldest first, at most `flapLossesMax`. */
  losses: Record<string, number[]>;
}

/** The empty history. */
export const NO_LEASE_HISTORY: VolunteerLeaseHistory = { seen: {}, losses: {} };

/** The history after seeing `view`: losses recorded, losses older than the window forgotten. */
export function trackLeaseLosses(previous: VolunteerLeaseHistory, view: ClusterView, policy: NominatorPolicy): VolunteerLeaseHistory {
  const seen: Record<string, number> = {};
  for (const hostname of Object.keys(view.volunteers)) {
    seen[hostname] = view.volunteerLeases?.[hostname] ?? view.volunteerRevisions?.[hostname] ?? 0;
  }
  const losses: Record<string, number[]> = {};
  const keep = (hostname: string, ticks: number[]) => {
    const recent = ticks.filter((tick) => view.tick - tick < policy.flapWindowTicks).slice(-policy.flapLossesMax);
    if (recent.length > 0) losses[hostname] = recent;
  };
  for (const [hostname, ticks] of Object.entries(previous.losses)) keep(hostname, ticks);
  for (const [hostname, revision] of Object.entries(previous.seen)) {
    if (seen[hostname] === revision) continue;
    keep(hostname, [...(losses[hostname] ?? []), view.tick]);
  }
  return { seen, losses };
}

/** Volunteers that lost their lease `flapLossesMax` times within the window, by name. */
export function dampedVolunteers(history: VolunteerLeaseHistory, policy: NominatorPolicy): string[] {
  return Object.entries(history.losses)
    .filter(([, ticks]) => ticks.length >= policy.flapLossesMax)
    .map(([hostname]) => hostname)
    .sort();
}

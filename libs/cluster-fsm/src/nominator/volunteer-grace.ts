/**
 * A member's volunteer key can vanish for two reasons: its agent quit (it
 * revoked the key, or its lease expired with it), or a client deleted it
 * (`etcdctl del --prefix /`, `lease revoke`). The agent re-creates its own
 * key within a second, so a member counts as having quit only once its key
 * has been missing for `volunteerGraceTicks`: a deletion by someone else
 * never removes a member. The grace is for members the leader still hears
 * from and that do not say they leave: a dead one (its lease expired with
 * its key, and it has not been heard from for `aliveWithinTicks`) and one
 * whose agent published that it is leaving (`view.leaving`, it revoked the
 * key itself) are removed as fast as before. A live voter whose agent lost
 * its whole lease (`view.leaseLost`: its status and endpoint went with the
 * key) did not quit: its agent could not reach the cluster (its client sat on
 * a member cut off from the rest). It keeps its seat for the longer
 * `lostLeaseGraceTicks`, so a cut-off client never costs a healthy voter its
 * seat. This is the nominator's second piece of history, kept like the
 * health record.
 */
import type { ClusterView, MemberView, NominatorPolicy } from './view.js';
import { isAlive } from './view.js';

/** Member name -> tick at which its volunteer key was first seen missing. */
export type VolunteerMissingSince = Record<string, number>;

/** The missing-since record after seeing `view`: members whose key is there, and departed members, are dropped. */
export function trackMissingVolunteers(previous: VolunteerMissingSince, view: ClusterView): VolunteerMissingSince {
  const next: VolunteerMissingSince = {};
  for (const member of view.members) {
    if (member.name in view.volunteers) continue;
    const since = previous[member.name];
    next[member.name] = since !== undefined && since <= view.tick ? since : view.tick;
  }
  return next;
}

/**
 * `view` with every live member whose volunteer key has been missing for
 * less than the grace counted as volunteering still (at its member peer URLs),
 * named in `volunteersByGrace`: such a member is kept but not promoted (its
 * host may have revoked the key to leave, before its status says so).
 */
export function withVolunteerGrace(view: ClusterView, missingSince: VolunteerMissingSince, policy: NominatorPolicy): ClusterView {
  let volunteers: Record<string, string[]> | undefined;
  const volunteersByGrace: string[] = [];
  for (const member of view.members) {
    const since = missingSince[member.name];
    if (since === undefined || member.name in view.volunteers) continue;
    if (view.tick - since >= graceTicks(view, member, policy) || !isAlive(member, view, policy) || view.leaving?.includes(member.name)) continue;
    volunteers ??= { ...view.volunteers };
    volunteers[member.name] = member.peerUrls;
    volunteersByGrace.push(member.name);
  }
  return volunteers === undefined ? view : { ...view, volunteers, volunteersByGrace };
}

/** The grace of a member whose key is missing: longer for a voter whose agent lost its whole lease. */
function graceTicks(view: ClusterView, member: MemberView, policy: NominatorPolicy): number {
  return !member.isLearner && view.leaseLost?.includes(member.name) ? policy.lostLeaseGraceTicks : policy.volunteerGraceTicks;
}

/**
 * The nominator's head count of one view: which voters count (staying and
 * answering), which have failed (not heard from for the failure timeout,
 * or dead), which learners are kept, and so how many learners are wanted:
 * replacements for missing voters, the standbys, and one more while the
 * voters' spread over zones can be improved. Pure; computed once per decision.
 */
import type { ClusterView, MemberView, NominatorPolicy } from './view.js';
import { isAlive, learnersOf, votersOf } from './view.js';
import type { Candidate, Ranking } from './zones.js';
import { underservedZones, zoneCounts, zoneOf } from './zones.js';

/** Who is who in a view, for the decision rules. */
export interface Census {
  /** Voters that still volunteer (quitters are on their way out). */
  stayingVoters: MemberView[];
  /** Staying voters that answer: the leader, and every other not failed. */
  countedVoters: MemberView[];
  /** Staying voters other than the leader not heard from for the failure timeout (or dead). */
  failedVoters: MemberView[];
  /** Staying learners not yet given up on. */
  learners: MemberView[];
  /** Standbys to keep (`idealStandbySize`). */
  standbys: number;
  /** Learners wanted: missing voters + standbys + one while the spread can be improved. */
  learnersWanted: number;
  /**
   * Learners kept before the worst placed is dropped: `learnersWanted`, less
   * the spread's one when no learner is in an underserved zone (a learner
   * elsewhere must not hold the place of the one the spread needs).
   */
  learnersKept: number;
  /** Zones a voter should move to for a better spread (empty when maximal, or not settled). */
  underserved: string[];
  /** Non-members that may be chosen (volunteering, not damped, not running an old member), with zones. */
  candidates: Candidate[];
  ranking: Ranking;
}

/** The failure timeout of `view`, in ticks. */
export function failureTimeoutTicks(view: ClusterView, policy: NominatorPolicy): number {
  return view.failureTimeoutTicks ?? policy.failureTimeoutTicks;
}

/** A voter (never the leader) the leader has not heard from for the failure timeout, or dead. */
export function isFailed(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  if (member.id === view.leaderId) return false;
  return member.lastHeardTicksAgo > failureTimeoutTicks(view, policy) || !isAlive(member, view, policy);
}

/**
 * A host that is not a member but still advertises an endpoint runs the
 * member it was removed as (its agent withdraws the endpoint once that has
 * stopped). Adding it again now would give one process two member ids; it
 * is un-nominated first, and can be nominated afresh once it has stopped.
 */
export function runsOldMember(view: ClusterView, hostname: string, memberNames: ReadonlySet<string>): boolean {
  return hostname in view.endpoints && !memberNames.has(hostname);
}

/** The census of `view`. */
export function takeCensus(view: ClusterView, policy: NominatorPolicy): Census {
  const stayingVoters = votersOf(view).filter((member) => member.name in view.volunteers);
  const failedVoters = stayingVoters.filter((member) => isFailed(member, view, policy));
  const countedVoters = stayingVoters.filter((member) => !isFailed(member, view, policy));
  const learners = learnersOf(view).filter(
    (member) => member.name in view.volunteers && member.lastHeardTicksAgo <= policy.learnerTimeoutTicks,
  );
  const memberNames = new Set(view.members.map((member) => member.name));
  const damped = new Set(view.damped ?? []);
  const candidates: Candidate[] = [];
  for (const hostname of Object.keys(view.volunteers)) {
    if (memberNames.has(hostname) || damped.has(hostname) || runsOldMember(view, hostname, memberNames)) continue;
    candidates.push({ hostname, zone: zoneOf(view, hostname) });
  }
  const voterCounts = zoneCounts(view, countedVoters);
  const lostVoters = [...failedVoters, ...votersOf(view).filter((member) => !(member.name in view.volunteers))];
  const ranking: Ranking = {
    voterCounts,
    memberCounts: zoneCounts(view, [...countedVoters, ...learners]),
    lostZones: new Set(lostVoters.map((member) => zoneOf(view, member.name))),
  };
  const settled = failedVoters.length === 0 && stayingVoters.length === view.idealClusterSize;
  const candidateZones = new Set([...candidates.map((c) => c.zone), ...learners.map((m) => zoneOf(view, m.name))]);
  const underserved = settled ? underservedZones(voterCounts, candidateZones) : [];
  const standbys = view.idealStandbySize ?? 0;
  const missing = Math.max(0, view.idealClusterSize - countedVoters.length);
  const forSpread = underserved.length > 0 ? 1 : 0;
  const spreadHeld = learners.some((member) => underserved.includes(zoneOf(view, member.name)));
  return {
    stayingVoters,
    countedVoters,
    failedVoters,
    learners,
    standbys,
    learnersWanted: missing + standbys + forSpread,
    learnersKept: missing + standbys + (spreadHeld ? forSpread : 0),
    underserved,
    candidates,
    ranking,
  };
}

/**
 * `decideNext`: the clustering algorithm as one pure function from a cluster
 * snapshot to the single next change. Calling it again on the snapshot that
 * results from applying its answer walks the cluster to its ideal size one
 * safe step at a time; nothing here remembers anything between calls.
 *
 * Order of concerns, most urgent first: safety preconditions, learners to
 * drop, promotion of a ready learner while a voter is missing (a standby
 * replaces a failed voter before the failed one is removed), voters to
 * remove (quitters and dead hosts, then extras: failed ones first, then from
 * the most crowded zone), the leader leaving (transfer first: it removes
 * itself last), bookkeeping of `/_mgmt/nominated/*`, a promotion that
 * improves the spread over zones, growth (replacements, standbys, a voter
 * for an underserved zone), each chosen in the zone with the fewest voters.
 */
import type { Census } from './census.js';
import { isFailed, runsOldMember, takeCensus } from './census.js';
import type { Decision } from './decision.js';
import type { ClusterView, MemberView, NominatorPolicy } from './view.js';
import {
  DEFAULT_NOMINATOR_POLICY,
  hasFreshQuorum,
  hasHealthyQuorum,
  isAlive,
  isFresh,
  isHealthy,
  isReadyForPromotion,
  learnersOf,
  majority,
  votersOf,
  viewProblem,
} from './view.js';
import { mostCrowdedZone, placementReason, rankCandidates, zoneCounts, zoneLabel, zoneOf } from './zones.js';

/** The next single change that moves `view` towards its ideal size, or `none` with why. */
export function decideNext(view: ClusterView, policy: NominatorPolicy = DEFAULT_NOMINATOR_POLICY): Decision {
  const problem = viewProblem(view);
  if (problem !== undefined) return none(`refusing a bad view: ${problem}`);
  const leader = view.members.find((member) => member.id === view.leaderId);
  if (leader === undefined || leader.isLearner) {
    return none('this node is not a voting member; leaving decisions to the next leader');
  }
  if (!view.leaderCommittedInTerm) return none('waiting for the leader to commit an entry of its term');
  if (view.confChangePending) return none('waiting for the pending membership change to apply');

  const voters = votersOf(view);
  if (!hasHealthyQuorum(voters, view, policy)) {
    const healthy = voters.filter((member) => isHealthy(member, view, policy)).length;
    return none(`no healthy quorum (${healthy}/${voters.length} voters healthy); changing nothing`);
  }
  const census = takeCensus(view, policy);
  return (
    dropLearner(view, policy, census) ??
    promoteReplacement(view, policy, census) ??
    removeVoter(view, policy, census) ??
    handOverLeadership(view, leader, policy) ??
    fixNominations(view, census) ??
    promoteForSpread(view, policy, census) ??
    grow(view, census) ??
    none(learnerWaitReason(view, policy) ?? steadyReason(view, leader, census))
  );
}

function none(reason: string): Decision {
  return { kind: 'none', reason };
}

function byName(a: MemberView, b: MemberView): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Learners never affect quorum, so removing one is always safe. */
function dropLearner(view: ClusterView, policy: NominatorPolicy, census: Census): Decision | undefined {
  for (const learner of learnersOf(view).sort(byName)) {
    const why = !(learner.name in view.volunteers)
      ? `learner ${learner.name} quit (volunteer key gone)`
      : learner.lastHeardTicksAgo > policy.learnerTimeoutTicks
        ? `learner ${learner.name} not heard from for ${learner.lastHeardTicksAgo} ticks`
        : undefined;
    if (why !== undefined) return { kind: 'removeMember', memberId: learner.id, hostname: learner.name, reason: why };
  }
  if (census.learners.length <= census.learnersKept) return undefined;
  // The least useful learner goes: one not ready before a ready one, then the worst placed.
  const asCandidates = census.learners.map((member) => ({ hostname: member.name, zone: zoneOf(view, member.name), member }));
  const ranked = rankCandidates(view, asCandidates, census.ranking);
  const notReady = ranked.filter((c) => !isReadyForPromotion(c.member, view, policy));
  const victim = notReady.at(-1) ?? ranked.at(-1);
  if (victim === undefined) return undefined;
  return {
    kind: 'removeMember',
    memberId: victim.member.id,
    hostname: victim.hostname,
    reason:
      `learner ${victim.hostname} not needed: ${census.countedVoters.length} voters, ideal ${view.idealClusterSize}, ` +
      `${census.learners.length} learners for ${census.learnersKept} kept (${census.standbys} standby)`,
  };
}

/**
 * Whether removing voter `member` keeps a fresh majority in both the old
 * and the new configuration: whichever of the two a Raft implementation
 * counts to commit the change, it can commit it and stay available after.
 * Fresh, not merely healthy: a voter that died a moment ago must not be
 * counted on. In a 2-voter cluster this only removes a member that is fresh.
 */
export function isRemovalSafe(view: ClusterView, member: MemberView, policy: NominatorPolicy): boolean {
  if (member.isLearner) return true;
  if (member.id === view.leaderId) return false;
  const voters = votersOf(view);
  const remaining = voters.filter((voter) => voter.id !== member.id);
  return remaining.length > 0 && hasFreshQuorum(voters, view, policy) && hasFreshQuorum(remaining, view, policy);
}

/** Whether making `learner` a voter leaves a fresh majority in the new configuration. */
function isPromotionSafe(view: ClusterView, policy: NominatorPolicy): boolean {
  const voters = votersOf(view);
  const fresh = voters.filter((member) => isFresh(member, view, policy)).length + 1;
  return fresh >= majority(voters.length + 1);
}

/** The ready learners, best placed first (fewest voters in its zone, a lost voter's zone, connected longest). */
function readyLearners(view: ClusterView, policy: NominatorPolicy, census: Census): { hostname: string; zone: string; member: MemberView }[] {
  // A learner whose volunteer key is missing may be leaving: it is kept through the grace, never promoted in it.
  const ready = census.learners
    .filter((member) => isReadyForPromotion(member, view, policy) && !view.volunteersByGrace?.includes(member.name))
    .map((member) => ({ hostname: member.name, zone: zoneOf(view, member.name), member }));
  return rankCandidates(view, ready, census.ranking);
}

/**
 * A voter is missing (failed, quit, dead, or never there): promote a ready
 * learner first. With standbys this is the fast path of a replacement: the
 * failed voter is removed after, as an extra.
 */
function promoteReplacement(view: ClusterView, policy: NominatorPolicy, census: Census): Decision | undefined {
  if (census.countedVoters.length >= view.idealClusterSize) return undefined;
  const best = readyLearners(view, policy, census)[0];
  if (best === undefined || !isPromotionSafe(view, policy)) return undefined;
  const failed = census.failedVoters.map((member) => member.name).sort();
  const why = failed.length > 0 ? `replacing failed ${failed.join(',')}` : `cluster ${census.countedVoters.length}/${view.idealClusterSize}`;
  return {
    kind: 'promoteLearner',
    memberId: best.member.id,
    hostname: best.hostname,
    reason:
      `learner ${best.hostname} caught up (${best.member.matchIndex}/${view.leaderLastIndex}) and stable; ` +
      `${why}; ${placementReason(best, census.ranking)}`,
  };
}

/** Once the spread settles, promote a ready learner of an underserved zone (one move per stabilization time). */
function promoteForSpread(view: ClusterView, policy: NominatorPolicy, census: Census): Decision | undefined {
  if (census.underserved.length === 0) return undefined;
  if (view.lastRebalanceTick !== undefined && view.tick - view.lastRebalanceTick < policy.stabilizationTicks) return undefined;
  const best = readyLearners(view, policy, census).find((c) => census.underserved.includes(c.zone));
  if (best === undefined || !isPromotionSafe(view, policy)) return undefined;
  const crowded = mostCrowdedZone(census.ranking.voterCounts) ?? '';
  return {
    kind: 'promoteLearner',
    memberId: best.member.id,
    hostname: best.hostname,
    rebalance: true,
    reason:
      `rebalancing: ${zoneLabel(best.zone)} has ${census.ranking.voterCounts.get(best.zone) ?? 0} voter(s), ` +
      `${zoneLabel(crowded)} ${census.ranking.voterCounts.get(crowded) ?? 0}; a voter of ${zoneLabel(crowded)} goes next`,
  };
}

/** Quitters and dead hosts first (dead before alive), then voters unreachable for long, then extras. */
function removeVoter(view: ClusterView, policy: NominatorPolicy, census: Census): Decision | undefined {
  const others = votersOf(view)
    .filter((member) => member.id !== view.leaderId)
    .sort(byName);
  const gone = others.filter((member) => !(member.name in view.volunteers));
  const deadFirst = [
    ...gone.filter((member) => !isAlive(member, view, policy)),
    ...gone.filter((member) => isAlive(member, view, policy)),
  ];
  for (const member of deadFirst) {
    if (!isRemovalSafe(view, member, policy)) continue;
    const reason = isAlive(member, view, policy)
      ? `${member.name} quit (volunteer key gone)`
      : `${member.name} is dead: lease expired and not heard from for ${member.lastHeardTicksAgo} ticks`;
    return { kind: 'removeMember', memberId: member.id, hostname: member.name, reason };
  }
  for (const member of others.filter((voter) => voter.lastHeardTicksAgo > policy.unreachableVoterTicks)) {
    if (!isRemovalSafe(view, member, policy)) continue;
    const reason = `${member.name} unreachable for ${member.lastHeardTicksAgo} ticks: replacing it`;
    return { kind: 'removeMember', memberId: member.id, hostname: member.name, reason };
  }
  const voterCount = census.stayingVoters.length;
  if (voterCount <= view.idealClusterSize) return undefined;
  // Failed extras go first (their replacement is in), then unhealthy ones, then
  // the most crowded zone's; among equals the last name, so the survivors are predictable.
  const candidates = census.stayingVoters.filter((member) => member.id !== view.leaderId);
  const counts = zoneCounts(view, census.stayingVoters);
  const crowding = (member: MemberView) => counts.get(zoneOf(view, member.name)) ?? 0;
  const rank = (member: MemberView) =>
    isFailed(member, view, policy) ? 0 : !isHealthy(member, view, policy) ? 1 : 2;
  const extras = [...candidates].sort((a, b) => rank(a) - rank(b) || crowding(b) - crowding(a) || byName(b, a));
  for (const member of extras) {
    if (!isRemovalSafe(view, member, policy)) continue;
    const why = isFailed(member, view, policy)
      ? `${member.name} failed (not heard from for ${member.lastHeardTicksAgo} ticks) and is replaced`
      : counts.size > 1
        ? `removing ${member.name} of ${zoneLabel(zoneOf(view, member.name))} (${crowding(member)} voters there)`
        : `removing ${member.name}`;
    const reason = `${voterCount} voters, ideal ${view.idealClusterSize}: ${why}`;
    return { kind: 'removeMember', memberId: member.id, hostname: member.name, reason };
  }
  return undefined;
}

/** The leader quit: hand leadership to the most up-to-date healthy voter; the new leader removes it. */
function handOverLeadership(view: ClusterView, leader: MemberView, policy: NominatorPolicy): Decision | undefined {
  if (leader.name in view.volunteers) return undefined;
  const successors = votersOf(view)
    .filter((member) => member.id !== leader.id && isHealthy(member, view, policy) && member.name in view.volunteers)
    .sort((a, b) => b.matchIndex - a.matchIndex || byName(a, b));
  const successor = successors[0];
  if (successor === undefined) return undefined;
  return {
    kind: 'transferLeadership',
    toMemberId: successor.id,
    hostname: successor.name,
    reason: `leader ${leader.name} quit: handing leadership to ${successor.name} before it is removed`,
  };
}

/**
 * The hosts whose nominations are being acted on for growth: nominated,
 * still volunteering, not yet members, as many as there is room for among
 * the learners wanted (by name). Each is added as a learner in turn without
 * waiting for the others to catch up: learners never count towards a
 * quorum, and promotions still go one membership change at a time.
 */
function pendingNominees(view: ClusterView, census: Census): string[] {
  const memberNames = new Set(view.members.map((member) => member.name));
  const room = census.learnersWanted - census.learners.length;
  if (room <= 0) return [];
  return Object.keys(view.nominated)
    .filter((hostname) => !memberNames.has(hostname) && hostname in view.volunteers && !runsOldMember(view, hostname, memberNames))
    .sort()
    .slice(0, room);
}

/** Every volunteering member has a nomination record and no one else has one but the pending nominees. */
function fixNominations(view: ClusterView, census: Census): Decision | undefined {
  for (const member of [...view.members].sort(byName)) {
    if (member.name in view.nominated || !(member.name in view.volunteers)) continue;
    return {
      kind: 'nominate',
      hostname: member.name,
      peerUrls: member.peerUrls,
      reason: `recording member ${member.name} as nominated`,
    };
  }
  const memberNames = new Set(view.members.map((member) => member.name));
  const nominees = new Set(pendingNominees(view, census));
  for (const hostname of Object.keys(view.nominated).sort()) {
    if (memberNames.has(hostname) || nominees.has(hostname)) continue;
    const why = !(hostname in view.volunteers)
      ? 'it no longer volunteers'
      : runsOldMember(view, hostname, memberNames)
        ? 'it still runs its removed member'
        : 'there is no room for it';
    return { kind: 'unnominate', hostname, reason: `${hostname} is not a member and ${why}` };
  }
  return undefined;
}

/** Why nothing happens while learners catch up: the first one not ready yet. */
function learnerWaitReason(view: ClusterView, policy: NominatorPolicy): string | undefined {
  const learner = learnersOf(view)
    .sort(byName)
    .find((l) => !isReadyForPromotion(l, view, policy));
  if (learner === undefined) return undefined;
  return (
    `waiting for learner ${learner.name} to catch up: match ${learner.matchIndex}/${view.leaderLastIndex}, ` +
    `healthy for ${learner.healthyForTicks ?? 0}/${policy.stabilizationTicks} ticks`
  );
}

/** What a new learner is for, for the log line. */
function growthPurpose(view: ClusterView, census: Census): string {
  const voters = census.countedVoters.length;
  if (voters < view.idealClusterSize) {
    const failed = census.failedVoters.map((member) => member.name).sort();
    return failed.length > 0 ? `replacing failed ${failed.join(',')}` : `cluster ${voters}/${view.idealClusterSize}`;
  }
  if (census.learners.length < census.standbys) return `standby ${census.learners.length + 1}/${census.standbys}`;
  return `rebalancing towards ${census.underserved.map(zoneLabel).join(', ')}`;
}

/** Nominate volunteers and add them as learners, until the learners wanted are there (best placed first). */
function grow(view: ClusterView, census: Census): Decision | undefined {
  if (census.learners.length >= census.learnersWanted) return undefined;
  const nominee = pendingNominees(view, census)[0];
  if (nominee !== undefined) {
    return {
      kind: 'addLearner',
      hostname: nominee,
      peerUrls: view.volunteers[nominee] ?? [],
      reason: `${growthPurpose(view, census)}: adding nominee ${nominee} as a learner`,
    };
  }
  const candidate = rankCandidates(
    view,
    census.candidates.filter((c) => !(c.hostname in view.nominated)),
    census.ranking,
  )[0];
  if (candidate === undefined) return undefined;
  return {
    kind: 'nominate',
    hostname: candidate.hostname,
    peerUrls: view.volunteers[candidate.hostname] ?? [],
    reason: `${placementReason(candidate, census.ranking)} (${growthPurpose(view, census)})`,
  };
}

function steadyReason(view: ClusterView, leader: MemberView, census: Census): string {
  const voters = votersOf(view).length;
  if (!(leader.name in view.volunteers) && voters === 1) {
    return `leader ${leader.name} quit but is the last member; it stays until another volunteer joins`;
  }
  const volunteers = Object.keys(view.volunteers).length;
  const standbys = census.standbys > 0 ? `, ${census.learners.length}/${census.standbys} standby` : '';
  if (census.failedVoters.length > 0) {
    const failed = census.failedVoters.map((member) => member.name).sort();
    return `voter(s) ${failed.join(',')} failed; no ready replacement, or removing one would leave too few live voters${standbys}`;
  }
  if (voters < view.idealClusterSize) {
    return `cluster ${voters}/${view.idealClusterSize}: no more volunteers (${volunteers} volunteering)${standbys}`;
  }
  return `cluster at ideal size ${voters}/${view.idealClusterSize}${standbys}`;
}

/**
 * `decideNext`: the clustering algorithm as one pure function from a cluster
 * snapshot to the single next change. Calling it again on the snapshot that
 * results from applying its answer walks the cluster to its ideal size one
 * safe step at a time; nothing here remembers anything between calls.
 *
 * Order of concerns, most urgent first: safety preconditions, learners to
 * drop, voters to remove (quitters and dead hosts, then extras), the leader
 * leaving (transfer first: it removes itself last), bookkeeping of
 * `/_mgmt/nominated/*`, promotion, growth.
 */
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
  return (
    dropLearner(view, policy) ??
    removeVoter(view, policy) ??
    handOverLeadership(view, leader, policy) ??
    fixNominations(view) ??
    promote(view, policy) ??
    grow(view) ??
    none(learnerWaitReason(view, policy) ?? steadyReason(view, leader))
  );
}

function none(reason: string): Decision {
  return { kind: 'none', reason };
}

function byName(a: MemberView, b: MemberView): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Members that still volunteer. Sizes are compared with these, not with all
 * members: a quitter is on its way out and must not block its replacement.
 */
function staying(members: readonly MemberView[], view: ClusterView): MemberView[] {
  return members.filter((member) => member.name in view.volunteers);
}

/** Learners never affect quorum, so removing one is always safe. */
function dropLearner(view: ClusterView, policy: NominatorPolicy): Decision | undefined {
  const voterCount = staying(votersOf(view), view).length;
  for (const learner of learnersOf(view).sort(byName)) {
    const why = !(learner.name in view.volunteers)
      ? `learner ${learner.name} quit (volunteer key gone)`
      : learner.lastHeardTicksAgo > policy.learnerTimeoutTicks
        ? `learner ${learner.name} not heard from for ${learner.lastHeardTicksAgo} ticks`
        : voterCount >= view.idealClusterSize
          ? `learner ${learner.name} not needed: ${voterCount} voters, ideal ${view.idealClusterSize}`
          : undefined;
    if (why !== undefined) return { kind: 'removeMember', memberId: learner.id, hostname: learner.name, reason: why };
  }
  return undefined;
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

/** Quitters and dead hosts first (dead before alive), then voters unreachable for long, then extras. */
function removeVoter(view: ClusterView, policy: NominatorPolicy): Decision | undefined {
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
  const voterCount = staying(votersOf(view), view).length;
  if (voterCount <= view.idealClusterSize) return undefined;
  // Unhealthy extras go first; among equals the last name, so the survivors are predictable.
  const candidates = staying(others, view);
  const extras = [
    ...candidates.filter((member) => !isHealthy(member, view, policy)).reverse(),
    ...candidates.filter((member) => isHealthy(member, view, policy)).reverse(),
  ];
  for (const member of extras) {
    if (!isRemovalSafe(view, member, policy)) continue;
    const reason = `${voterCount} voters, ideal ${view.idealClusterSize}: removing ${member.name}`;
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
 * still volunteering, not yet members, as many as there is room for (by
 * name). Each is added as a learner in turn without waiting for the others
 * to catch up: learners never count towards a quorum, and promotions still
 * go one membership change at a time.
 */
function pendingNominees(view: ClusterView): string[] {
  const memberNames = new Set(view.members.map((member) => member.name));
  const room = view.idealClusterSize - staying(view.members, view).length;
  if (room <= 0) return [];
  return Object.keys(view.nominated)
    .filter((hostname) => !memberNames.has(hostname) && hostname in view.volunteers && !runsOldMember(view, hostname))
    .sort()
    .slice(0, room);
}

/**
 * A host that is not a member but still advertises an endpoint runs the
 * member it was removed as (its agent withdraws the endpoint once that has
 * stopped). Adding it again now would give one process two member ids; it
 * is un-nominated first, and can be nominated afresh once it has stopped.
 */
function runsOldMember(view: ClusterView, hostname: string): boolean {
  return hostname in view.endpoints && !view.members.some((member) => member.name === hostname);
}

/** Every volunteering member has a nomination record and no one else has one but the pending nominees. */
function fixNominations(view: ClusterView): Decision | undefined {
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
  const nominees = pendingNominees(view);
  for (const hostname of Object.keys(view.nominated).sort()) {
    if (memberNames.has(hostname) || nominees.includes(hostname)) continue;
    const why = !(hostname in view.volunteers)
      ? 'it no longer volunteers'
      : runsOldMember(view, hostname)
        ? 'it still runs its removed member'
        : 'there is no room for it';
    return { kind: 'unnominate', hostname, reason: `${hostname} is not a member and ${why}` };
  }
  return undefined;
}

/** Promote a learner that has caught up and stayed healthy for the stabilization time (by name). */
function promote(view: ClusterView, policy: NominatorPolicy): Decision | undefined {
  const voters = votersOf(view);
  for (const learner of learnersOf(view).sort(byName)) {
    if (!isReadyForPromotion(learner, view, policy)) continue;
    const fresh = voters.filter((member) => isFresh(member, view, policy)).length + 1;
    if (fresh < majority(voters.length + 1)) continue;
    return {
      kind: 'promoteLearner',
      memberId: learner.id,
      hostname: learner.name,
      reason: `learner ${learner.name} caught up (${learner.matchIndex}/${view.leaderLastIndex}) and stable`,
    };
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

/** Nominate volunteers and add them as learners, until members and learners make the ideal size. */
function grow(view: ClusterView): Decision | undefined {
  const size = staying(view.members, view).length;
  if (size >= view.idealClusterSize) return undefined;
  const nominee = pendingNominees(view)[0];
  if (nominee !== undefined) {
    return {
      kind: 'addLearner',
      hostname: nominee,
      peerUrls: view.volunteers[nominee] ?? [],
      reason: `cluster ${size}/${view.idealClusterSize}: adding nominee ${nominee} as a learner`,
    };
  }
  const memberNames = new Set(view.members.map((member) => member.name));
  const candidate = Object.keys(view.volunteers)
    .filter((hostname) => !memberNames.has(hostname) && !(hostname in view.nominated) && !runsOldMember(view, hostname))
    .sort()[0];
  if (candidate === undefined) return undefined;
  return {
    kind: 'nominate',
    hostname: candidate,
    peerUrls: view.volunteers[candidate] ?? [],
    reason: `cluster ${size}/${view.idealClusterSize}: nominating volunteer ${candidate}`,
  };
}

function steadyReason(view: ClusterView, leader: MemberView): string {
  const voters = votersOf(view).length;
  if (!(leader.name in view.volunteers) && voters === 1) {
    return `leader ${leader.name} quit but is the last member; it stays until another volunteer joins`;
  }
  const volunteers = Object.keys(view.volunteers).length;
  if (voters < view.idealClusterSize) {
    return `cluster ${voters}/${view.idealClusterSize}: no more volunteers (${volunteers} volunteering)`;
  }
  return `cluster at ideal size ${voters}/${view.idealClusterSize}`;
}

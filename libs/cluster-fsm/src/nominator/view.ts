/**
 * What the nominator sees: one snapshot of the cluster, built by the agent on
 * the Raft leader from its progress tracker and the `/_mgmt/` keys, plus the
 * pure predicates over it (health, catch-up, quorum) that decisions use.
 */

/** One Raft member as the leader sees it. */
export interface MemberView {
  /** Raft member id (decimal string; ids are never reused). */
  id: string;
  /** The member's hostname (its `--hostname`). */
  name: string;
  peerUrls: string[];
  isLearner: boolean;
  /** Highest log index known to be replicated on this member (leader: its last index). */
  matchIndex: number;
  /**
   * Ticks since the leader last heard from this member, or since it was added
   * when never heard from. 0 for the leader itself.
   */
  lastHeardTicksAgo: number;
  /**
   * Ticks this member has been continuously healthy. The nominator machine
   * fills it from its own history of views; pass it yourself only when calling
   * `decideNext` directly. Missing means 0.
   */
  healthyForTicks?: number;
}

/** A snapshot of the cluster, the nominator's only input. */
export interface ClusterView {
  /** The leader's logical clock (Raft ticks), increasing. */
  tick: number;
  /** Member id of the leader (the agent running the nominator). */
  leaderId: string;
  /** The leader's last log index. */
  leaderLastIndex: number;
  /**
   * Whether the leader has committed an entry of its current term. A
   * single-server change is unsafe before that (the known correction to the
   * Raft dissertation, section 4.1).
   */
  leaderCommittedInTerm: boolean;
  /** Whether a membership change is proposed but not yet applied. */
  confChangePending: boolean;
  /** `/_mgmt/volunteers/*`: hostname -> peer URLs. Leased, so dead hosts vanish. */
  volunteers: Record<string, string[]>;
  /** `/_mgmt/nominated/*`: hostname -> peer URLs. */
  nominated: Record<string, string[]>;
  /** `/_mgmt/endpoints/*`: hostname -> client URLs. Leased. */
  endpoints: Record<string, string[]>;
  members: MemberView[];
  /**
   * Hosts whose agents say they are leaving (their published status): a
   * missing volunteer key of theirs is a quit at once, without the grace a
   * key deleted by a client gets (see volunteer-grace.ts). Optional.
   */
  leaving?: string[];
  /**
   * Hosts none of whose leased `/_mgmt/` keys exist (no volunteer key, no
   * status, no endpoint): their agent's lease expired because it could not
   * reach the cluster, or a client deleted the keys. A live voter among them
   * did not quit (a quitting agent deletes only its volunteer key and says it
   * is leaving): it keeps its seat for `lostLeaseGraceTicks` while its agent
   * finds a member to register through again (see volunteer-grace.ts). Optional.
   */
  leaseLost?: string[];
  /**
   * Members counted as volunteering only by the grace of volunteer-grace.ts
   * (their key is missing): never removed for it, and never promoted until
   * their key is back either: the host may be leaving (cluster.property
   * seeds 1 and 5). Set by `withVolunteerGrace`.
   */
  volunteersByGrace?: string[];
  /** Desired number of voters, already parsed (see `parseIdealClusterSize`). */
  idealClusterSize: number;
  /**
   * `/_mgmt/zones/*`: hostname -> failure zone (its `--zone`). A host
   * without one is in the unnamed zone `''`. Optional: no zones, no spread.
   */
  zones?: Record<string, string>;
  /** Learners kept caught up beside the voters, ready to be promoted (`/_mgmt/idealStandbySize`, parsed). Default 0. */
  idealStandbySize?: number;
  /**
   * A voter the leader has not heard from for longer than this is failed: it
   * is replaced as soon as a standby or volunteer is ready (`/_mgmt/failureTimeout`,
   * parsed into ticks). Default `policy.failureTimeoutTicks`.
   */
  failureTimeoutTicks?: number;
  /**
   * hostname -> create revision of its volunteer key: a smaller one has been
   * connected longer without losing its lease (a lost lease re-creates the key).
   */
  volunteerRevisions?: Record<string, number>;
  /** hostname -> lease id of its volunteer key: another lease means the host lost its lease and came back (flap.ts). */
  volunteerLeases?: Record<string, number>;
  /** Volunteers that lost their lease too often lately (flap.ts): not chosen until they settle. Filled by the machine. */
  damped?: string[];
  /** Tick at which the last rebalancing move (a promotion for spread) was observed. Filled by the machine. */
  lastRebalanceTick?: number;
}

/** Thresholds that turn raw progress into health. All times in leader ticks. */
export interface NominatorPolicy {
  /** A member not heard from for longer than this is not alive. */
  aliveWithinTicks: number;
  /** A member more than this many entries behind the leader is not healthy. */
  maxLagEntries: number;
  /** How long a learner must be healthy before it is promoted (autopilot's stabilization time). */
  stabilizationTicks: number;
  /**
   * Heard from this recently: surely alive right now. `aliveWithinTicks` is
   * lenient so a slow member is not declared dead; a membership change
   * must not rely on it, or a member that has just died (not yet seen) can
   * be counted on: promoting it, or removing a live voter next to it, leaves
   * a cluster without quorum. Changes count only fresh members.
   */
  freshWithinTicks: number;
  /** A learner not heard from for this long after being added is given up on and removed. */
  learnerTimeoutTicks: number;
  /**
   * A voter not heard from for this long is removed even while its lease
   * lives (cut off from its peers but not from the store); it is replaced,
   * and can come back as a new member once reachable.
   */
  unreachableVoterTicks: number;
  /**
   * A learner's match index must reach this fraction of the leader's last index
   * before promotion (etcd refuses a promotion below 0.9).
   */
  promoteMatchRatio: number;
  /**
   * A member whose volunteer key is missing counts as having quit only after
   * this long: a key a client deleted is re-created by its agent well within
   * it (see volunteer-grace.ts).
   */
  volunteerGraceTicks: number;
  /**
   * How long a live voter whose agent lost its lease (`ClusterView.leaseLost`)
   * keeps its seat: its agent re-registers as soon as it reaches a member, and
   * a voter is never removed only because its agent's client was cut off.
   */
  lostLeaseGraceTicks: number;
  /** Default failure timeout when the view carries none (see `ClusterView.failureTimeoutTicks`). */
  failureTimeoutTicks: number;
  /** A volunteer that loses its lease `flapLossesMax` times within this window waits before it is chosen again. */
  flapWindowTicks: number;
  /** Lease losses within `flapWindowTicks` that make a volunteer flap. */
  flapLossesMax: number;
}

/**
 * Defaults for 100 ms ticks: alive within 5 s, stable for 3 s, learners given
 * 30 s, unreachable voters removed after 60 s (replaced after the 2 s failure
 * timeout when a replacement is ready), a missing volunteer key 3 s, two
 * lease losses within a minute damp a volunteer.
 */
export const DEFAULT_NOMINATOR_POLICY: NominatorPolicy = {
  aliveWithinTicks: 50,
  maxLagEntries: 1000,
  stabilizationTicks: 30,
  freshWithinTicks: 3,
  learnerTimeoutTicks: 300,
  unreachableVoterTicks: 600,
  promoteMatchRatio: 0.9,
  volunteerGraceTicks: 30,
  lostLeaseGraceTicks: 600,
  failureTimeoutTicks: 20,
  flapWindowTicks: 600,
  flapLossesMax: 2,
};

/** The leader heard from `member` recently. */
export function isAlive(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  return member.id === view.leaderId || member.lastHeardTicksAgo <= policy.aliveWithinTicks;
}

/** Alive and within `maxLagEntries` of the leader's log (autopilot's health rule). */
export function isHealthy(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  return isAlive(member, view, policy) && view.leaderLastIndex - member.matchIndex <= policy.maxLagEntries;
}

/** Healthy and heard from within `freshWithinTicks`: can be counted on for a membership change. */
export function isFresh(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  const heardJustNow = member.id === view.leaderId || member.lastHeardTicksAgo <= policy.freshWithinTicks;
  return heardJustNow && isHealthy(member, view, policy);
}

/** Whether a majority of `voters` (a configuration) is fresh: it can commit a change now. */
export function hasFreshQuorum(voters: readonly MemberView[], view: ClusterView, policy: NominatorPolicy): boolean {
  if (voters.length === 0) return false;
  return voters.filter((member) => isFresh(member, view, policy)).length >= majority(voters.length);
}

/** Close enough to the leader's log for a promotion etcd would accept. */
export function isCaughtUp(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  return member.matchIndex >= view.leaderLastIndex * policy.promoteMatchRatio;
}

/** Caught up, heard just now, and healthy for the stabilization time: safe to make a voter. */
export function isReadyForPromotion(member: MemberView, view: ClusterView, policy: NominatorPolicy): boolean {
  return (
    member.isLearner &&
    isCaughtUp(member, view, policy) &&
    isHealthy(member, view, policy) &&
    isFresh(member, view, policy) &&
    (member.healthyForTicks ?? 0) >= policy.stabilizationTicks
  );
}

/** Votes needed for a majority of `voterCount` voters. */
export function majority(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/** Whether `voters` (a configuration) has a healthy majority. */
export function hasHealthyQuorum(voters: readonly MemberView[], view: ClusterView, policy: NominatorPolicy): boolean {
  if (voters.length === 0) return false;
  const healthy = voters.filter((member) => isHealthy(member, view, policy)).length;
  return healthy >= majority(voters.length);
}

/** The voting members of `view`. */
export function votersOf(view: ClusterView): MemberView[] {
  return view.members.filter((member) => !member.isLearner);
}

/** The learners of `view`. */
export function learnersOf(view: ClusterView): MemberView[] {
  return view.members.filter((member) => member.isLearner);
}

/**
 * Why `view` cannot be decided on (a member id twice, an ideal size that was
 * not parsed, negative indexes), or undefined. The agent builds views from
 * replicated data; a bad one is refused with a reason, never thrown.
 */
export function viewProblem(view: ClusterView): string | undefined {
  if (!Number.isInteger(view.idealClusterSize) || view.idealClusterSize < 1) {
    return `idealClusterSize ${view.idealClusterSize} is not a positive integer (parse it with parseIdealClusterSize)`;
  }
  const ids = new Set<string>();
  for (const member of view.members) {
    if (ids.has(member.id)) return `member id ${member.id} appears twice`;
    ids.add(member.id);
    if (member.matchIndex < 0 || member.lastHeardTicksAgo < 0) return `member ${member.name} has negative progress`;
  }
  if (view.leaderLastIndex < 0) return 'negative leader index';
  if (view.idealStandbySize !== undefined && (!Number.isInteger(view.idealStandbySize) || view.idealStandbySize < 0)) {
    return `idealStandbySize ${view.idealStandbySize} is not a non-negative integer`;
  }
  if (view.failureTimeoutTicks !== undefined && !(view.failureTimeoutTicks > 0)) {
    return `failureTimeoutTicks ${view.failureTimeoutTicks} is not positive`;
  }
  return undefined;
}

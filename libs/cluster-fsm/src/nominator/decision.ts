/**
 * The nominator's output: exactly one change to make next, or none, always
 * with a human-readable reason (it is logged and shown by `mgmt status`).
 */

/** Make nothing now; `reason` says what the cluster is waiting for. */
export interface NoDecision {
  kind: 'none';
  reason: string;
}

/** Write `/_mgmt/nominated/<hostname>` = peer URLs. */
export interface NominateDecision {
  kind: 'nominate';
  hostname: string;
  peerUrls: string[];
  reason: string;
}

/** Delete `/_mgmt/nominated/<hostname>`. */
export interface UnnominateDecision {
  kind: 'unnominate';
  hostname: string;
  reason: string;
}

/** Propose a membership change adding `hostname` as a non-voting learner. */
export interface AddLearnerDecision {
  kind: 'addLearner';
  hostname: string;
  peerUrls: string[];
  reason: string;
}

/** Propose a membership change making learner `memberId` a voter. */
export interface PromoteLearnerDecision {
  kind: 'promoteLearner';
  memberId: string;
  hostname: string;
  reason: string;
  /** A move for a better spread over zones (at most one per stabilization time), not a replacement. */
  rebalance?: boolean;
}

/** Propose a membership change removing `memberId`. Never the leader itself. */
export interface RemoveMemberDecision {
  kind: 'removeMember';
  memberId: string;
  hostname: string;
  reason: string;
}

/** Hand leadership to `toMemberId`, so that the current leader can be removed last. */
export interface TransferLeadershipDecision {
  kind: 'transferLeadership';
  toMemberId: string;
  hostname: string;
  reason: string;
}

/** One step of the clustering algorithm. */
export type Decision =
  | NoDecision
  | NominateDecision
  | UnnominateDecision
  | AddLearnerDecision
  | PromoteLearnerDecision
  | RemoveMemberDecision
  | TransferLeadershipDecision;

/** A decision that changes something (anything but `none`). */
export type ChangeDecision = Exclude<Decision, NoDecision>;

/** Whether `decision` is a Raft membership change (of which only one may be in flight). */
export function isMembershipChange(decision: Decision): boolean {
  return decision.kind === 'addLearner' || decision.kind === 'promoteLearner' || decision.kind === 'removeMember';
}

/** One line for logs: `removeMember h3: h3 quit (volunteer key gone)`. */
export function describeDecision(decision: Decision): string {
  if (decision.kind === 'none') return `none: ${decision.reason}`;
  return `${decision.kind} ${decision.hostname}: ${decision.reason}`;
}

/**
 * Types of the agent lifecycle machine: its input, context, the facts the
 * agent reports (events) and the parameters of the effects it performs
 * (actions).
 */
import type { BackoffPolicy } from '../backoff.js';

/** Timing of the lifecycle, in milliseconds of the actor's clock. */
export interface LifecycleTiming {
  /** Between attempts to reach a seed; the seed rotates on every attempt. */
  connectRetry: BackoffPolicy;
  /** Between attempts to write the volunteer key. */
  volunteerRetry: BackoffPolicy;
  /** Between attempts to start the local Raft member. */
  memberStartRetry: BackoffPolicy;
  /** Start attempts before the agent gives up (a failure state). */
  maxMemberStartAttempts: number;
  /** How long a clean shutdown waits for leadership transfer and un-nomination. */
  shutdownTimeoutMs: number;
  /** How often a leaving leader asks again to hand over leadership. */
  transferRetryMs: number;
  /**
   * How long the volunteer key may stay held by another lease before the
   * hostname is called a duplicate. Longer than the lease TTL, so this host's
   * own previous run (a quick restart) is not mistaken for another agent.
   */
  duplicateHostnameGraceMs: number;
}

/** Defaults: seeds retried from 0.25 s doubling to 5 s; shutdown waits at most 30 s; a held hostname 30 s. */
export const DEFAULT_LIFECYCLE_TIMING: LifecycleTiming = {
  connectRetry: { baseDelayMs: 250, maxDelayMs: 5_000 },
  volunteerRetry: { baseDelayMs: 500, maxDelayMs: 10_000 },
  memberStartRetry: { baseDelayMs: 1_000, maxDelayMs: 10_000 },
  maxMemberStartAttempts: 5,
  shutdownTimeoutMs: 30_000,
  transferRetryMs: 2_000,
  duplicateHostnameGraceMs: 30_000,
};

/** How the agent was started (`mgmt run` flags, already validated). */
export interface LifecycleInput {
  hostname: string;
  /** Client URLs of existing agents; empty: bootstrap a cluster of one. */
  seeds: string[];
  /** URLs the local Raft member listens on for peers (`--server-urls`). */
  peerUrls: string[];
  /** URLs the local store serves clients on (`--client-urls`). */
  clientUrls: string[];
  /** `--no-server`: stay a client, never volunteer. */
  noServer?: boolean;
  /**
   * The data directory holds a Raft member's data (its id, log and
   * snapshot): restart that member at once, with or without seeds, as etcd
   * restarts from its data dir (a whole cluster rebooted comes back).
   */
  hasMemberData?: boolean;
  /**
   * The data directory's cluster record: this host once belonged to that
   * cluster, so without seeds it reconnects through these endpoints and
   * never bootstraps a second cluster.
   */
  knownCluster?: { clusterId: string; endpoints: string[] };
  timing?: Partial<LifecycleTiming>;
}

/** What the local Raft member is doing, as far as the lifecycle knows. */
export type MemberStatus = 'none' | 'starting' | 'running' | 'stopping';

/** Context of the lifecycle machine. */
export interface LifecycleContext {
  hostname: string;
  seeds: string[];
  peerUrls: string[];
  clientUrls: string[];
  noServer: boolean;
  /** See LifecycleInput. */
  hasMemberData: boolean;
  /** The cluster this host belongs to by its data directory (hex id), if any. */
  knownClusterId: string | undefined;
  timing: LifecycleTiming;
  /** Attempts to reach a seed since the last success; picks the seed and the backoff. */
  connectAttempts: number;
  /** The seed the agent is connected through. */
  connectedSeed: string | undefined;
  /** Client URLs of running peers, also tried when reconnecting. */
  knownEndpoints: string[];
  /** Whether the agent wants to be a peer (false with --no-server or after shutdown). */
  volunteering: boolean;
  /** Whether the volunteer key may exist (written, not yet revoked). */
  volunteered: boolean;
  volunteerAttempts: number;
  member: MemberStatus;
  /** Whether the local member is a voter (promoted from learner, or bootstrapped). */
  isVoter: boolean;
  memberStartAttempts: number;
  /**
   * Whether `/_mgmt/nominated/<hostname>` exists, as last reported. A level,
   * not an edge: a nomination seen while the previous member was still
   * stopping, or while reconnecting, is acted on once the agent can.
   */
  nominationPresent: boolean;
  /** Times this process was nominated (a host can be nominated again). */
  nominations: number;
  isLeader: boolean;
  /** Voters and ideal size last observed; undefined until the first `cluster.observed`. */
  voters: number | undefined;
  idealClusterSize: number | undefined;
  /** Volunteer keys of other hosts last observed: someone to hand the cluster to. */
  otherVolunteers: number;
  /** Learners in the Raft configuration last observed: members the leader may be promoting right now. */
  learners: number;
  shutdownRequested: boolean;
  /** Why the agent is where it is, for `mgmt status`. */
  reason: string;
  /** Set in the failure state. */
  error: Error | undefined;
}

/** Facts the agent reports to the lifecycle machine. */
export type LifecycleEvent =
  | { type: 'seed.connected'; seed: string }
  | { type: 'seed.unreachable'; seed: string; error?: string }
  | { type: 'bootstrap.elected'; hosts: string[] }
  | { type: 'connection.lost' }
  | { type: 'volunteer.registered' }
  | { type: 'volunteer.failed'; error: string }
  | { type: 'volunteer.revoked' }
  /** The volunteer key is held by another lease; `graceMs`, when given, replaces the duplicate-hostname grace (two of the TTL that lease may have, plus a second). */
  | { type: 'hostname.duplicated'; detail?: string; graceMs?: number }
  | { type: 'lease.lost' }
  | { type: 'nomination.received'; peerUrls?: string[] }
  | { type: 'nomination.revoked' }
  | { type: 'member.started'; memberId?: string }
  | { type: 'member.failed'; error: string }
  | { type: 'member.promoted' }
  | { type: 'member.removed' }
  | { type: 'member.stopped' }
  | { type: 'leadership.changed'; isLeader: boolean }
  | { type: 'cluster.observed'; voters: number; idealClusterSize: number; otherVolunteers?: number; learners?: number; endpoints?: string[] }
  | { type: 'shutdown.requested' };

/** Parameters of `connectToSeed`. */
export interface ConnectToSeedParams {
  seed: string;
  attempt: number;
}

/** Parameters of the effects that identify this host. */
export interface HostParams {
  hostname: string;
  peerUrls: string[];
  clientUrls: string[];
}

/** Parameters of `stopMember`. */
export interface StopMemberParams {
  hostname: string;
  /** True on a forced (second) shutdown: do not wait for anything. */
  force: boolean;
}

/** Output of the lifecycle machine once it is done (stopped or failed). */
export interface LifecycleOutput {
  reason: string;
  error: Error | undefined;
}

/**
 * The lifecycle's guards (predicates over its context) and delays (backoff
 * and timeouts read from its timing), kept apart from the chart so the
 * chart reads as states and transitions only.
 */
import { backoffDelayMs } from '../backoff.js';
import { isValidHostname } from '../keys.js';
import { seedCount } from './reasons.js';
import type { LifecycleContext } from './types.js';

type Args = { context: LifecycleContext };

/** Guards of the lifecycle machine, by name. */
export const lifecycleGuards = {
  hasValidHostname: ({ context }: Args) => isValidHostname(context.hostname),
  hasSeeds: ({ context }: Args) => context.seeds.length > 0,
  /** A member's data is here and the agent may serve: restart that member. */
  hasMemberData: ({ context }: Args) => context.hasMemberData && !context.noServer,
  /** The data directory says this host belongs to a cluster: never bootstrap another. */
  belongsToCluster: ({ context }: Args) => context.knownClusterId !== undefined,
  /** `--bootstrap-expect` may start a cluster here: not a client-only agent, not one that belongs to a cluster, not leaving. */
  mayBootstrap: ({ context }: Args) => context.knownClusterId === undefined && !context.noServer && context.volunteering,
  isNoServer: ({ context }: Args) => context.noServer,
  wantsToVolunteer: ({ context }: Args) => context.volunteering && !context.noServer,
  /** The nomination key exists and the agent still wants to be a peer. */
  isNominated: ({ context }: Args) => context.nominationPresent && context.volunteering && !context.noServer,
  isVoter: ({ context }: Args) => context.isVoter,
  hasStartAttemptsLeft: ({ context }: Args) => context.memberStartAttempts < context.timing.maxMemberStartAttempts,
  /** Only a running member that leads others has leadership to hand over. */
  isLeaderWithPeers: ({ context }: Args) => context.member === 'running' && context.isLeader && (context.voters ?? 1) > 1,
  hasVolunteered: ({ context }: Args) => context.volunteered,
  hasMember: ({ context }: Args) => context.member !== 'none',
  isMemberStopNeeded: ({ context }: Args) => context.member === 'starting' || context.member === 'running',
  /**
   * Leaving waits to be removed whenever its member runs: even a learner, as
   * the leader may be promoting it right now (stopping it then would cost the
   * new configuration its quorum). A member still starting cannot have caught
   * up, so it can never have been promoted. The last voter waits only if
   * another host volunteers, or a learner is in the configuration (the
   * leader may be promoting it: a client can delete volunteer keys, never
   * the configuration), to hand the cluster over; otherwise nobody can
   * remove it.
   */
  mustAwaitRemoval: ({ context }: Args) =>
    context.member === 'running' && (!context.isVoter || context.voters !== 1 || context.otherVolunteers > 0 || context.learners > 0),
};

/** Delays of the lifecycle machine (milliseconds of the actor's clock), by name. */
export const lifecycleDelays = {
  /** Doubles after each full round over the seeds. */
  connectRetryDelay: ({ context }: Args) =>
    backoffDelayMs(Math.floor((context.connectAttempts - 1) / seedCount(context)), context.timing.connectRetry),
  volunteerRetryDelay: ({ context }: Args) => backoffDelayMs(context.volunteerAttempts - 1, context.timing.volunteerRetry),
  memberStartRetryDelay: ({ context }: Args) =>
    backoffDelayMs(context.memberStartAttempts - 1, context.timing.memberStartRetry),
  shutdownTimeout: ({ context }: Args) => context.timing.shutdownTimeoutMs,
  transferRetryDelay: ({ context }: Args) => context.timing.transferRetryMs,
  duplicateHostnameGrace: ({ context }: Args) => context.timing.duplicateHostnameGraceMs,
};

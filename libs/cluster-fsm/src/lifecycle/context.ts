/** The lifecycle's starting context, from the agent's validated flags. */
import type { LifecycleContext, LifecycleInput } from './types.js';
import { DEFAULT_LIFECYCLE_TIMING } from './types.js';

/** Context of a freshly started agent: nothing connected, nothing volunteered, no member. */
export function initialLifecycleContext(input: LifecycleInput): LifecycleContext {
  const noServer = input.noServer ?? false;
  return {
    hostname: input.hostname,
    seeds: [...input.seeds],
    peerUrls: [...input.peerUrls],
    clientUrls: [...input.clientUrls],
    noServer,
    hasMemberData: input.hasMemberData ?? false,
    knownClusterId: input.knownCluster?.clusterId,
    timing: { ...DEFAULT_LIFECYCLE_TIMING, ...input.timing },
    connectAttempts: 0,
    connectedSeed: undefined,
    knownEndpoints: [...(input.knownCluster?.endpoints ?? [])],
    volunteering: !noServer,
    volunteered: false,
    volunteerAttempts: 0,
    member: 'none',
    isVoter: false,
    memberStartAttempts: 0,
    nominationPresent: false,
    nominations: 0,
    isLeader: false,
    voters: undefined,
    idealClusterSize: undefined,
    otherVolunteers: 0,
    learners: 0,
    shutdownRequested: false,
    reason: 'starting',
    error: undefined,
  };
}

/**
 * What an agent concludes from the `/_mgmt/` keys it mirrors and what it
 * knows of its own member: the lifecycle events to send (nomination
 * received or revoked, the cluster observed, promotion) and the client URLs
 * to reach the cluster through. Pure: facts in, events and endpoints out;
 * the agent feeds it after every watch batch and on a slow local tick, so
 * the same rules run under the simulator and in tests without processes.
 */
import { CLUSTER_ID_KEY, ENDPOINTS_PREFIX, IDEAL_CLUSTER_SIZE_KEY, VOLUNTEERS_PREFIX, hostnameFromKey, isNominated, isNominationRecord, nominatedKey, parseUrlsValue } from '@mgmt/cluster-fsm';
import type { KeyValue } from '../cluster/cluster-client.js';
import { MEMBERS_KEY, clientUrlsOf, parseMembersRecord, votersOf } from './members-record.js';

/** The lifecycle events an observation can produce. */
export type ObservedEvent =
  | { type: 'nomination.received' }
  | { type: 'nomination.revoked' }
  | { type: 'member.promoted' }
  | { type: 'cluster.observed'; voters: number; idealClusterSize: number; endpoints: string[]; otherVolunteers: number; learners: number };

/** What the agent knows when it observes. */
export interface ObservationInput {
  hostname: string;
  /** The mirrored `/_mgmt/` keys. */
  kvs: Iterable<KeyValue>;
  /** This agent holds the host's volunteer key on its own lease (or bootstrapped the cluster). */
  ownsHostname: boolean;
  /** This host's member is in its applied configuration and was not seen removed. */
  isMember: boolean;
  /** Whether the last observation concluded "nominated". */
  nominatedBefore: boolean;
  /** Voters of the local member's configuration, when a member runs here (else the members record says). */
  localVoters: number | undefined;
  /** Learners of the local member's configuration, when a member runs here (else the members record says). */
  localLearners?: number | undefined;
  /** The ideal size as this agent reads it (peers keep the last valid one). */
  idealClusterSize: number;
  /** The local member is a voter now and `member.promoted` was not sent for it yet. */
  promotedUnsent: boolean;
}

/** What to do about an observation. */
export interface Observation {
  events: ObservedEvent[];
  nominated: boolean;
  /**
   * Client URLs advertised by running members (`/_mgmt/endpoints/*`), sorted,
   * then those the members record keeps for members whose key is gone.
   */
  endpoints: string[];
  /** Voters known (local configuration, else the members record); undefined when neither says. */
  voters: number | undefined;
}

/**
 * Whether a change of `key` is observed at once (within the watch's few ms of
 * coalescing) rather than at the next slow tick (under a second). A peer
 * reacts to every control key (its lifecycle counts voters, learners and
 * volunteers). A host without a member only needs its own nomination, the
 * members record, the ideal size and the cluster id at once: the other
 * hosts' volunteer and endpoint keys come and go by the thousand when a
 * fleet starts, and observing every key for each of them in each agent was
 * most of a fleet process's work.
 */
export function isPromptKey(key: string, hostname: string, isPeer: boolean): boolean {
  if (isPeer) return true;
  return key === nominatedKey(hostname) || key === MEMBERS_KEY || key === IDEAL_CLUSTER_SIZE_KEY || key === CLUSTER_ID_KEY;
}

/** Derives the lifecycle events of one observation. */
export function observe(input: ObservationInput): Observation {
  const events: ObservedEvent[] = [];
  let nominatedKeyPresent = false;
  let otherVolunteers = 0;
  let membersValue: string | undefined;
  const endpoints: string[] = [];
  const mine = nominatedKey(input.hostname);
  // One pass, no sort: with a thousand agents the mirror holds thousands of keys, observed often.
  for (const kv of input.kvs) {
    if (kv.key === mine) nominatedKeyPresent = isNominationRecord(kv.value); // garbage written by a client is no nomination
    else if (kv.key === MEMBERS_KEY) membersValue = kv.value;
    const volunteer = hostnameFromKey(VOLUNTEERS_PREFIX, kv.key);
    if (volunteer !== undefined && volunteer !== input.hostname) otherVolunteers++;
    if (hostnameFromKey(ENDPOINTS_PREFIX, kv.key) !== undefined) {
      const parsed = parseUrlsValue(kv.value);
      if (parsed.ok) endpoints.push(...parsed.urls);
    }
  }
  endpoints.sort();
  // The configuration is the truth: a member stays nominated whatever its nominated key says.
  const nominated = isNominated({ ownsHostname: input.ownsHostname, keyPresent: nominatedKeyPresent, isMember: input.isMember });
  if (nominated && !input.nominatedBefore) events.push({ type: 'nomination.received' });
  if (!nominated && input.nominatedBefore) events.push({ type: 'nomination.revoked' });
  const recorded = parseMembersRecord(membersValue);
  const voters = input.localVoters ?? (recorded ? votersOf(recorded) : undefined);
  const learners = input.localLearners ?? (recorded ? recorded.length - votersOf(recorded) : 0);
  if (voters !== undefined) events.push({ type: 'cluster.observed', voters, idealClusterSize: input.idealClusterSize, endpoints: [...endpoints], otherVolunteers, learners });
  if (input.promotedUnsent) events.push({ type: 'member.promoted' });
  return { events, nominated, endpoints: [...new Set([...endpoints, ...(recorded ? clientUrlsOf(recorded) : [])])], voters };
}

/** Builders of cluster views for nominator tests: healthy, caught-up defaults, overridable per member. */
import type { ClusterView, MemberView } from '../src/nominator/view.js';

/** Peer URLs of host `name`, stable and readable. */
export function urlsOf(name: string): string[] {
  return [`http://${name}:2380`];
}

/** A healthy caught-up voter named `name` with id `id`. */
export function voter(name: string, id: string, overrides: Partial<MemberView> = {}): MemberView {
  return {
    id,
    name,
    peerUrls: urlsOf(name),
    isLearner: false,
    matchIndex: 100,
    lastHeardTicksAgo: 0,
    healthyForTicks: 1000,
    ...overrides,
  };
}

/** A learner, caught up and stable unless overridden. */
export function learner(name: string, id: string, overrides: Partial<MemberView> = {}): MemberView {
  return voter(name, id, { isLearner: true, ...overrides });
}

/**
 * A view led by the first member, where every member volunteers and is
 * nominated, plus the extra `volunteers` given.
 */
export function viewOf(members: MemberView[], overrides: Partial<ClusterView> = {}, extraVolunteers: string[] = []): ClusterView {
  const leader = members[0];
  if (leader === undefined) throw new Error('viewOf needs a leader');
  const volunteers: Record<string, string[]> = {};
  const nominated: Record<string, string[]> = {};
  const endpoints: Record<string, string[]> = {};
  for (const member of members) {
    volunteers[member.name] = member.peerUrls;
    nominated[member.name] = member.peerUrls;
    endpoints[member.name] = [`http://${member.name}:2379`];
  }
  for (const name of extraVolunteers) volunteers[name] = urlsOf(name);
  return {
    tick: 1000,
    leaderId: leader.id,
    leaderLastIndex: 100,
    leaderCommittedInTerm: true,
    confChangePending: false,
    volunteers,
    nominated,
    endpoints,
    members,
    idealClusterSize: 3,
    ...overrides,
  };
}

/** `record` without `key`. */
export function without<T>(record: Record<string, T>, ...keys: string[]): Record<string, T> {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

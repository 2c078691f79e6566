/**
 * A host's place in the cluster as an operator names it (issue 22): a
 * `voter`, a `standby` (a learner, kept caught up and promoted first when a
 * voter fails), a `volunteer` (ready to be chosen), or a `client` (never a
 * member: `--no-server`). The Raft role (leader, follower) is reported apart.
 */

/** The four roles of `mgmt status`, the status page and /status.json. */
export type HostRole = 'voter' | 'standby' | 'volunteer' | 'client';

/** What decides a host's role. */
export interface HostRoleFacts {
  /** `--no-server`: this host never becomes a member. */
  noServer: boolean;
  /** Whether this host runs a member, and whether the configuration has it as a learner. */
  member: { isLearner: boolean } | undefined;
}

/** The role of a host. */
export function hostRole(facts: HostRoleFacts): HostRole {
  if (facts.member !== undefined) return facts.member.isLearner ? 'standby' : 'voter';
  return facts.noServer ? 'client' : 'volunteer';
}

/** `mgmt status`'s ROLE cell: the host's role, with the Raft role of a member (`voter (leader)`). */
export function roleCell(role: HostRole | undefined, raftRole: string): string {
  if (role === undefined) return raftRole;
  return role === 'voter' || role === 'standby' ? `${role} (${raftRole})` : role;
}

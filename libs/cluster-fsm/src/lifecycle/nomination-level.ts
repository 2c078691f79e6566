/**
 * What an agent tells its lifecycle about its nomination (the agent and the
 * cluster simulator both use this rule). The Raft
 * configuration is the truth: while this host's member is in the applied
 * configuration it is nominated, whatever `/_mgmt/nominated/<me>` says (a
 * client may have deleted that record; the leader re-writes it). Only a
 * host that is not a member yet goes by the key, and only the agent holding
 * the host's volunteer key may act on it. A peer therefore leaves only on
 * `member.removed`, never because a key vanished.
 */
export interface NominationFacts {
  /** This agent wrote the host's volunteer key on its own lease (or bootstrapped the cluster). */
  ownsHostname: boolean;
  /** `/_mgmt/nominated/<me>` exists. */
  keyPresent: boolean;
  /** This host's member is in the applied configuration and was not seen removed. */
  isMember: boolean;
}

/** Whether this host counts as nominated: `nomination.received` when true, `nomination.revoked` when it turns false. */
export function isNominated(f: NominationFacts): boolean {
  return f.ownsHostname && (f.isMember || f.keyPresent);
}

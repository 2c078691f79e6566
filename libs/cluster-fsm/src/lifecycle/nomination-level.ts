/**
 * What an agent tells its lifecycle about its nomination (the agent and the
 * cluster simulator both use this rule). The Raft
 * configuration is the truth: while this host's member is in the applied
 * configuration it is nominated, whatever `/_mgmt/nominated/<me>` says (a
 * client may have deleted that record; the leader re-writes it). Only a
 * host that is not a member yet goes by the key, and only the agent holding
 * the host's volunteer key may act on it. A peer therefore leaves only on
 * `member.removed`, never because a key vanished.
 *
 * A key whose value is refused (not a list of peer URLs: a client's garbage)
 * is no nomination ({@link isNominationRecord}). The nominator leaves such a
 * value out of its view, so it would never add that host nor take the
 * nomination back: a host that acted on it would start a member nobody adds
 * and wait for it forever.
 */
import { parseUrlsValue } from '../control-values.js';

export interface NominationFacts {
  /** This agent wrote the host's volunteer key on its own lease (or bootstrapped the cluster). */
  ownsHostname: boolean;
  /** `/_mgmt/nominated/<me>` exists and holds a nomination ({@link isNominationRecord} of its value). */
  keyPresent: boolean;
  /** This host's member is in the applied configuration and was not seen removed. */
  isMember: boolean;
}

/** Whether this host counts as nominated: `nomination.received` when true, `nomination.revoked` when it turns false. */
export function isNominated(f: NominationFacts): boolean {
  return f.ownsHostname && (f.isMember || f.keyPresent);
}

/**
 * Whether a stored `/_mgmt/nominated/<me>` value (undefined: no key) is a
 * nomination: peer URLs the nominator would accept (`parseUrlsValue`), the
 * same rule by which its view leaves a refused value out.
 */
export function isNominationRecord(value: string | undefined): boolean {
  return value !== undefined && parseUrlsValue(value).ok;
}

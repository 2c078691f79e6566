/** Configuration of a Raft node. */
import { ErrInvalidConfig } from './errors.js';
import { ReadOnlyOption } from './read-only.js';
import type { Storage } from './storage.js';

/**
 * Deliberate bugs for testing that the simulator's checkers catch broken
 * rules. Never set outside tests.
 */
export interface UnsafeTestBugs {
  /** A candidate counts its own vote twice. */
  doubleCountSelfVote?: boolean;
  /** The leader commits by counting replicas even for entries of earlier terms (Figure 8). */
  commitPreviousTermEntries?: boolean;
  /** Voters grant votes without the log up-to-date check (election restriction). */
  skipElectionRestriction?: boolean;
  /** The leader proposes a configuration change before committing an entry of its term. */
  skipConfChangeTermCommitRule?: boolean;
  /** The leader accepts a new configuration change while one is still in flight. */
  allowConcurrentConfChanges?: boolean;
}

export interface RaftConfig {
  /** This member's id: a positive integer < 2^53. */
  id: number;
  /** Ticks without hearing from a leader before campaigning (randomized in [electionTick, 2*electionTick)). */
  electionTick: number;
  /** Ticks between leader heartbeats. Must be < electionTick. */
  heartbeatTick: number;
  storage: Storage;
  /** Seeded random numbers in [0, 1) (see mulberry32). */
  random: () => number;
  /** Last applied index, when restarting with an application state that is ahead of the snapshot. */
  applied?: number;
  /** Max bytes of entries per MsgApp (at least one entry is always sent). Default 1 MiB. */
  maxSizePerMsg?: number;
  /** Max bytes of committed entries handed out per Ready. Default 64 MiB. */
  maxCommittedSizePerReady?: number;
  /** Max MsgApp messages in flight per follower in replicate state. Default 256. */
  maxInflightMsgs?: number;
  /** Max bytes in flight per follower (0 = no limit). Default 0. */
  maxInflightBytes?: number;
  /** Max payload bytes of the leader's uncommitted log before proposals are refused. Default 0 = no limit. */
  maxUncommittedEntriesSize?: number;
  /** Leader steps down if it has not heard from a quorum within an election timeout. */
  checkQuorum?: boolean;
  /** Pre-vote phase before a real election, so a rejoining node does not bump terms. */
  preVote?: boolean;
  readOnlyOption?: ReadOnlyOption;
  /** Followers drop proposals instead of forwarding them to the leader. */
  disableProposalForwarding?: boolean;
  /** A learner may be promoted only if its match index is within this many entries of the commit index. Default 0. */
  maxLearnerLag?: number;
  /** Test-only deliberate bugs. */
  unsafeTestBugs?: UnsafeTestBugs;
}

export interface ResolvedConfig {
  id: number;
  electionTick: number;
  heartbeatTick: number;
  storage: Storage;
  random: () => number;
  applied: number;
  maxSizePerMsg: number;
  maxCommittedSizePerReady: number;
  maxInflightMsgs: number;
  maxInflightBytes: number;
  maxUncommittedEntriesSize: number;
  checkQuorum: boolean;
  preVote: boolean;
  readOnlyOption: ReadOnlyOption;
  disableProposalForwarding: boolean;
  maxLearnerLag: number;
  bugs: UnsafeTestBugs;
}

export function resolveConfig(c: RaftConfig): ResolvedConfig {
  if (!Number.isSafeInteger(c.id) || c.id <= 0) throw new ErrInvalidConfig('id must be a positive integer < 2^53');
  if (!(c.heartbeatTick > 0)) throw new ErrInvalidConfig('heartbeatTick must be greater than 0');
  if (!(c.electionTick > c.heartbeatTick)) throw new ErrInvalidConfig('electionTick must be greater than heartbeatTick');
  if (typeof c.random !== 'function') throw new ErrInvalidConfig('random must be a seeded generator function');
  const maxInflightMsgs = c.maxInflightMsgs ?? 256;
  if (!(maxInflightMsgs > 0)) throw new ErrInvalidConfig('maxInflightMsgs must be greater than 0');
  const readOnlyOption = c.readOnlyOption ?? ReadOnlyOption.Safe;
  if (readOnlyOption === ReadOnlyOption.LeaseBased && !c.checkQuorum) {
    throw new ErrInvalidConfig('checkQuorum must be enabled when readOnlyOption is LeaseBased');
  }
  return {
    id: c.id,
    electionTick: c.electionTick,
    heartbeatTick: c.heartbeatTick,
    storage: c.storage,
    random: c.random,
    applied: c.applied ?? 0,
    maxSizePerMsg: c.maxSizePerMsg ?? 1024 * 1024,
    maxCommittedSizePerReady: c.maxCommittedSizePerReady ?? 64 * 1024 * 1024,
    maxInflightMsgs,
    maxInflightBytes: c.maxInflightBytes ?? 0,
    maxUncommittedEntriesSize: c.maxUncommittedEntriesSize ?? 0,
    checkQuorum: c.checkQuorum ?? false,
    preVote: c.preVote ?? false,
    readOnlyOption,
    disableProposalForwarding: c.disableProposalForwarding ?? false,
    maxLearnerLag: c.maxLearnerLag ?? 0,
    bugs: c.unsafeTestBugs ?? {},
  };
}

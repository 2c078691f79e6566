/** Named errors of the Raft core and its storage seam. All are Error subclasses. */

export class RaftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Storage: the requested index is older than the first retained entry (compacted into a snapshot). */
export class ErrCompacted extends RaftError {
  constructor() {
    super('requested index is unavailable due to compaction');
  }
}

/** Storage: the snapshot given is older than the one already held. */
export class ErrSnapOutOfDate extends RaftError {
  constructor() {
    super('requested index is older than the existing snapshot');
  }
}

/** Storage: the requested entry is not available (beyond the last index). */
export class ErrUnavailable extends RaftError {
  constructor() {
    super('requested entry at index is unavailable');
  }
}

/** Storage: a snapshot cannot be produced right now; the leader retries later. */
export class ErrSnapshotTemporarilyUnavailable extends RaftError {
  constructor() {
    super('snapshot is temporarily unavailable');
  }
}

export type ProposalDropReason =
  | 'no-leader'
  | 'leadership-transfer'
  | 'not-a-member'
  | 'conf-change-pending'
  | 'no-commit-in-term'
  | 'uncommitted-size-exceeded'
  | 'forwarding-disabled'
  | 'invalid-conf-change'
  | 'learner-not-caught-up';

/** A proposal was not accepted; `reason` says why. Retrying later may succeed. */
export class ErrProposalDropped extends RaftError {
  readonly reason: ProposalDropReason;
  constructor(reason: ProposalDropReason, detail?: string) {
    super(`raft proposal dropped: ${reason}${detail ? ` (${detail})` : ''}`);
    this.reason = reason;
  }
}

/** The leader's uncommitted log is over maxUncommittedEntriesSize; the proposal was refused. */
export class ErrUncommittedSizeExceeded extends ErrProposalDropped {
  constructor(detail?: string) {
    super('uncommitted-size-exceeded', detail);
  }
}

/** A configuration change was refused (unsafe or malformed). */
export class ErrConfChangeRefused extends ErrProposalDropped {
  constructor(reason: ProposalDropReason, detail?: string) {
    super(reason, detail);
  }
}

/** step() was given a local message type (hup, beat, ...) that must not arrive over the network. */
export class ErrStepLocalMsg extends RaftError {
  constructor() {
    super('raft: cannot step raft local message');
  }
}

/** step() was given a response from a peer the node does not know. */
export class ErrStepPeerNotFound extends RaftError {
  constructor() {
    super('raft: cannot step as peer not found');
  }
}

/** A configuration value is invalid. */
export class ErrInvalidConfig extends RaftError {}

/** The log or storage is in a state that must never happen (corruption or misuse). */
export class ErrInvariant extends RaftError {}

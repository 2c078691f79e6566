/**
 * The Raft state machine: state, role transitions, ticks and the top-level
 * step dispatcher. Role-specific handling lives in election.ts,
 * leader.ts, follower.ts, replication.ts and confchange.ts.
 *
 * No I/O here: inputs are step()/tick(), outputs accumulate in `msgs`,
 * `readStates` and the log, and RawNode packages them into a Ready.
 */
import { resolveConfig, type RaftConfig, type ResolvedConfig } from './config.js';
import { campaign, handleVoteRequest, hasUnappliedConfChanges, stepCandidate, CampaignType } from './election.js';
import { ErrInvariant, ErrUncommittedSizeExceeded } from './errors.js';
import { stepFollower } from './follower.js';
import { stepLeader } from './leader.js';
import { RaftLog } from './raft-log.js';
import { ReadOnly, type ReadState, ReadOnlyOption } from './read-only.js';
import { bcastAppendNow } from './replication.js';
import { ProgressTracker } from './tracker.js';
import { EMPTY_BYTES, EntryType, MessageType, isEmptyHardState, makeMessage, payloadSize, type Entry, type HardState, type Message } from './types.js';

export type Role = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

export const TRANSFER_CTX = new Uint8Array([0x43, 0x61, 0x6d, 0x70, 0x61, 0x69, 0x67, 0x6e, 0x54, 0x72, 0x61, 0x6e, 0x73, 0x66, 0x65, 0x72]); // "CampaignTransfer"

export function isTransferCtx(ctx: Uint8Array | undefined): boolean {
  if (!ctx || ctx.byteLength !== TRANSFER_CTX.byteLength) return false;
  for (let k = 0; k < ctx.byteLength; k++) if (ctx[k] !== TRANSFER_CTX[k]) return false;
  return true;
}

export class Raft {
  readonly id: number;
  term = 0;
  vote = 0;
  lead = 0;
  role: Role = 'follower';
  isLearner = false;
  readonly raftLog: RaftLog;
  readonly trk: ProgressTracker;
  readonly cfg: ResolvedConfig;
  msgs: Message[] = [];
  readStates: ReadState[] = [];
  leadTransferee = 0;
  /** Index of the last conf change the leader accepted; a new one waits until it is applied. */
  pendingConfIndex = 0;
  /** Payload bytes of the leader's uncommitted tail. */
  uncommittedSize = 0;
  readOnly: ReadOnly;
  pendingReadIndexMessages: Message[] = [];
  electionElapsed = 0;
  heartbeatElapsed = 0;
  /** Heartbeat rounds this member's clock started as leader (MsgBeat from a tick), ever: owners time leader-only work by them. */
  beats = 0;
  randomizedElectionTimeout = 0;
  /** The leader owes followers an append (new entries or a new commit index); flushed before each Ready. */
  pendingBcast = false;
  /** A TimeoutNow arrived while configuration changes were still unapplied: campaign once they are. */
  pendingTransferCampaign = false;

  constructor(config: RaftConfig) {
    this.cfg = resolveConfig(config);
    this.id = this.cfg.id;
    this.raftLog = new RaftLog(this.cfg.storage, this.cfg.maxCommittedSizePerReady);
    const { hardState, confState } = this.cfg.storage.initialState();
    this.trk = new ProgressTracker(this.cfg.maxInflightMsgs, this.cfg.maxInflightBytes);
    this.trk.setConfig(confState.voters.concat(confState.votersOutgoing), confState.learners.concat(confState.learnersNext), this.raftLog.lastIndex() + 1);
    this.isLearner = this.trk.isLearner(this.id);
    if (!isEmptyHardState(hardState)) this.loadState(hardState);
    if (this.cfg.applied > 0) this.raftLog.appliedTo(this.cfg.applied);
    this.readOnly = new ReadOnly(this.cfg.readOnlyOption);
    this.becomeFollower(this.term, 0);
  }

  get electionTimeout(): number {
    return this.cfg.electionTick;
  }

  get heartbeatTimeout(): number {
    return this.cfg.heartbeatTick;
  }

  private loadState(hs: HardState): void {
    if (hs.commit > this.raftLog.lastIndex()) {
      throw new ErrInvariant(`state.commit ${hs.commit} is out of range [${this.raftLog.committed}, ${this.raftLog.lastIndex()}]`);
    }
    // A persisted snapshot is committed even if the hard state written with it was lost.
    this.raftLog.committed = Math.max(hs.commit, this.raftLog.committed);
    this.term = hs.term;
    this.vote = hs.vote;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  /** A voter in its own configuration can campaign. */
  promotable(): boolean {
    return this.trk.isVoter(this.id);
  }

  send(m: Message): void {
    if (m.from === 0) m.from = this.id;
    const t = m.type;
    if (t === MessageType.MSG_VOTE || t === MessageType.MSG_VOTE_RESP || t === MessageType.MSG_PRE_VOTE || t === MessageType.MSG_PRE_VOTE_RESP) {
      if (m.term === 0) throw new ErrInvariant(`term should be set when sending ${MessageType[t]}`);
    } else if (t !== MessageType.MSG_PROP && t !== MessageType.MSG_READ_INDEX) {
      m.term = this.term;
    }
    this.msgs.push(m);
  }

  // ---- role transitions ----

  reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = 0;
    }
    this.lead = 0;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.abortLeaderTransfer();
    this.trk.resetVotes();
    const last = this.raftLog.lastIndex();
    for (const [id, pr] of this.trk.progress) {
      pr.becomeProbe();
      pr.match = id === this.id ? last : 0;
      pr.next = last + 1;
      pr.recentActive = false;
      pr.msgAppFlowPaused = false;
    }
    this.pendingConfIndex = 0;
    this.uncommittedSize = 0;
    this.readOnly = new ReadOnly(this.cfg.readOnlyOption);
    this.pendingReadIndexMessages = [];
    this.pendingBcast = false;
    this.pendingTransferCampaign = false;
  }

  becomeFollower(term: number, lead: number): void {
    this.reset(term);
    this.lead = lead;
    this.role = 'follower';
  }

  becomeCandidate(): void {
    if (this.role === 'leader') throw new ErrInvariant('invalid transition [leader -> candidate]');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.role = 'candidate';
  }

  becomePreCandidate(): void {
    if (this.role === 'leader') throw new ErrInvariant('invalid transition [leader -> pre-candidate]');
    // Pre-candidates change neither term nor vote.
    this.trk.resetVotes();
    this.lead = 0;
    this.role = 'pre-candidate';
  }

  becomeLeader(): void {
    if (this.role === 'follower') throw new ErrInvariant('invalid transition [follower -> leader]');
    this.reset(this.term);
    this.lead = this.id;
    this.role = 'leader';
    const self = this.trk.progress.get(this.id);
    if (self) {
      self.becomeReplicate();
      self.recentActive = true;
    }
    // An empty entry of the new term: committing it commits everything before
    // it (the leader-must-commit-in-its-own-term rule). Not counted against
    // the uncommitted-size limit.
    const empty: Entry = { term: 0, index: 0, type: EntryType.ENTRY_NORMAL, data: EMPTY_BYTES };
    this.appendEntries([empty], true);
    // No configuration change until this entry (and so one entry of this
    // term) has been committed and applied: the single-server change fix.
    this.pendingConfIndex = this.raftLog.lastIndex();
  }

  resetRandomizedElectionTimeout(): void {
    this.randomizedElectionTimeout = this.electionTimeout + Math.floor(this.cfg.random() * this.electionTimeout);
  }

  pastElectionTimeout(): boolean {
    return this.electionElapsed >= this.randomizedElectionTimeout;
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = 0;
  }

  committedEntryInCurrentTerm(): boolean {
    return this.raftLog.zeroTermOnErr(this.raftLog.committed) === this.term;
  }

  // ---- leader log helpers ----

  /**
   * Appends entries to the leader's log, stamping term and index in place.
   * Throws ErrUncommittedSizeExceeded (nothing appended) when over the limit.
   */
  appendEntries(es: Entry[], skipSizeCheck = false): void {
    const li = this.raftLog.lastIndex();
    if (!skipSizeCheck) this.increaseUncommittedSize(es);
    for (let k = 0; k < es.length; k++) {
      const e = es[k]!;
      e.term = this.term;
      e.index = li + 1 + k;
    }
    const last = this.raftLog.append(es);
    this.trk.progress.get(this.id)?.maybeUpdate(last);
    this.maybeCommit();
  }

  private increaseUncommittedSize(es: readonly Entry[]): void {
    const max = this.cfg.maxUncommittedEntriesSize;
    let s = 0;
    for (let k = 0; k < es.length; k++) s += payloadSize(es[k]!);
    if (max > 0 && this.uncommittedSize > 0 && s > 0 && this.uncommittedSize + s > max) {
      throw new ErrUncommittedSizeExceeded(`uncommitted ${this.uncommittedSize} + ${s} > max ${max}`);
    }
    this.uncommittedSize += s;
  }

  reduceUncommittedSize(s: number): void {
    this.uncommittedSize = s > this.uncommittedSize ? 0 : this.uncommittedSize - s;
  }

  /** Advances the commit index if a quorum has an entry of the current term past it. */
  maybeCommit(): boolean {
    const mci = this.trk.committed();
    if (mci === Number.MAX_SAFE_INTEGER) return false;
    if (this.cfg.bugs.commitPreviousTermEntries) {
      if (mci > this.raftLog.committed) {
        this.raftLog.commitTo(Math.min(mci, this.raftLog.lastIndex()));
        return true;
      }
      return false;
    }
    return this.raftLog.maybeCommit(mci, this.term);
  }

  /** Sends appends to every follower now (used where ordering matters). */
  bcastAppend(): void {
    this.pendingBcast = true;
  }

  flushPendingBcast(): void {
    if (!this.pendingBcast) return;
    this.pendingBcast = false;
    if (this.role === 'leader') bcastAppendNow(this);
  }

  // ---- ticks ----

  tick(): void {
    if (this.role === 'leader') this.tickHeartbeat();
    else this.tickElection();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.pastElectionTimeout()) {
      this.electionElapsed = 0;
      this.step(makeMessage({ type: MessageType.MSG_HUP, from: this.id }));
    }
  }

  /**
   * Ticks from now until the first tick that does something: a leader's
   * heartbeat or check-quorum, a voter's election timeout. Every tick
   * before it only counts, so an owner may sleep until then (the driver's
   * LazyTicker) as long as it counts the skipped ticks before any input.
   * Infinity for a member whose ticks never act (a learner).
   */
  ticksUntilDue(): number {
    if (this.role === 'leader') return Math.max(1, Math.min(this.heartbeatTimeout - this.heartbeatElapsed, this.electionTimeout - this.electionElapsed));
    if (!this.promotable()) return Infinity;
    return Math.max(1, this.randomizedElectionTimeout - this.electionElapsed);
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) this.step(makeMessage({ type: MessageType.MSG_CHECK_QUORUM, from: this.id }));
      // A transfer that did not finish within an election timeout is abandoned.
      if (this.role === 'leader' && this.leadTransferee !== 0) this.abortLeaderTransfer();
    }
    if (this.role !== 'leader') return;
    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      this.beats++;
      this.step(makeMessage({ type: MessageType.MSG_BEAT, from: this.id }));
    }
  }

  /**
   * Forgets the leader this follower follows (etcd's MsgForgetLeader): it
   * stays a follower in its term but stops honouring the leader's lease, so
   * it grants pre-votes at once. For when the application has strong
   * evidence the leader is gone; hearing from the leader again restores it.
   * Lease-based reads rely on that lease, so it does nothing under them.
   * Returns whether it forgot a leader.
   */
  forgetLeader(): boolean {
    if (this.role !== 'follower' || this.lead === 0 || this.readOnly.option === ReadOnlyOption.LeaseBased) return false;
    this.lead = 0;
    return true;
  }

  /** Restarts the election clock with a fresh randomized timeout (a follower that should let another campaign first). */
  resetElectionClock(): void {
    this.electionElapsed = 0;
    this.resetRandomizedElectionTimeout();
  }

  // ---- step ----

  step(m: Message): void {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      if (m.type === MessageType.MSG_VOTE || m.type === MessageType.MSG_PRE_VOTE) {
        const force = isTransferCtx(m.context);
        const inLease = this.cfg.checkQuorum && this.lead !== 0 && this.electionElapsed < this.electionTimeout;
        // Within the lease of a live leader, ignore campaigns (a disruptive rejoining node).
        if (!force && inLease) return;
      }
      if (m.type === MessageType.MSG_PRE_VOTE) {
        // A pre-vote never changes our term.
      } else if (m.type === MessageType.MSG_PRE_VOTE_RESP && !m.reject) {
        // The term in a granted pre-vote answer is the future term we asked about.
      } else if (m.type === MessageType.MSG_APP || m.type === MessageType.MSG_HEARTBEAT || m.type === MessageType.MSG_SNAP) {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, 0);
      }
    } else if (m.term < this.term) {
      if ((this.cfg.checkQuorum || this.cfg.preVote) && (m.type === MessageType.MSG_HEARTBEAT || m.type === MessageType.MSG_APP)) {
        // Tell a stale leader about the newer term (it may have been partitioned).
        this.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from }));
      } else if (m.type === MessageType.MSG_PRE_VOTE) {
        this.send(makeMessage({ type: MessageType.MSG_PRE_VOTE_RESP, to: m.from, term: this.term, reject: true }));
      }
      return;
    }

    switch (m.type) {
      case MessageType.MSG_HUP:
        this.hup(this.cfg.preVote ? CampaignType.PreElection : CampaignType.Election);
        return;
      case MessageType.MSG_VOTE:
      case MessageType.MSG_PRE_VOTE:
        handleVoteRequest(this, m);
        return;
      default:
        break;
    }
    switch (this.role) {
      case 'leader':
        stepLeader(this, m);
        return;
      case 'candidate':
      case 'pre-candidate':
        stepCandidate(this, m);
        return;
      default:
        stepFollower(this, m);
    }
  }

  /** Called after entries were applied: runs a transfer campaign that had to wait for them. */
  afterApplied(): void {
    if (this.pendingTransferCampaign && this.role !== 'leader' && !hasUnappliedConfChanges(this)) {
      this.pendingTransferCampaign = false;
      this.hup(CampaignType.Transfer);
    }
  }

  hup(t: CampaignType): void {
    if (this.role === 'leader') return;
    if (!this.promotable()) return;
    // A node with committed but unapplied configuration changes does not know its
    // configuration yet (changes take effect when applied): do not campaign.
    if (hasUnappliedConfChanges(this)) {
      if (t === CampaignType.Transfer) this.pendingTransferCampaign = true;
      return;
    }
    campaign(this, t);
  }
}


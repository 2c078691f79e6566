/**
 * RawNode: the public, I/O-free driver of one Raft member, in the manner of
 * etcd's RawNode. The owner feeds it ticks, messages and proposals, then
 * loops:
 *
 *   if (node.hasReady()) {
 *     const rd = node.ready();
 *     // 1. persist rd.snapshot, rd.entries, rd.hardState (fsync if rd.mustSync)
 *     // 2. only then send rd.messages          ("persist before send")
 *     // 3. apply rd.committedEntries (calling applyConfChange for conf changes),
 *     //    install rd.snapshot into the state machine, serve rd.readStates
 *     node.advance(rd);
 *   }
 *
 * Call advance(rd) before the next ready(). The one owner that runs this
 * loop is RaftDriver (driver/driver.ts): production, the simulators, the
 * WAL tests and the benches all use it rather than a loop of their own.
 */
import type { RaftConfig } from './config.js';
import { applyConfChange as applyCC, encodeConfChange } from './confchange.js';
import { ErrInvariant, ErrProposalDropped, ErrStepLocalMsg, ErrStepPeerNotFound } from './errors.js';
import { PROGRESS_STATE_NAMES, type ProgressStateName } from './progress.js';
import { Raft, type Role } from './raft.js';
import type { ReadState } from './read-only.js';
import {
  EMPTY_BYTES,
  EntryType,
  MessageType,
  hardStateEqual,
  isEmptyHardState,
  makeMessage,
  payloadSize,
  type ConfChange,
  type ConfState,
  type Entry,
  type HardState,
  type Message,
  type Snapshot,
} from './types.js';

export interface SoftState {
  lead: number;
  role: Role;
}

/**
 * What the application must do next. Persist `snapshot`, `entries` and
 * `hardState` BEFORE sending `messages` (persist before send): a message may
 * acknowledge or vote on the strength of state that must survive a crash.
 */
export interface Ready {
  /** Volatile state, present when it changed. */
  softState?: SoftState;
  /** Term/vote/commit to persist, present when it changed. */
  hardState?: HardState;
  /** Answers to readIndex(); serve each once applied >= index. */
  readStates: ReadState[];
  /** Entries to append to storage (truncating a conflicting tail). */
  entries: Entry[];
  /** A snapshot to persist and install into the state machine. */
  snapshot?: Snapshot;
  /** Committed entries to apply, in order. */
  committedEntries: Entry[];
  /** Messages to send, after the above has been persisted. */
  messages: Message[];
  /** Whether the persisted writes must be synced to disk before sending. */
  mustSync: boolean;
}

export interface PeerProgress {
  id: number;
  match: number;
  next: number;
  state: ProgressStateName;
  isLearner: boolean;
  recentActive: boolean;
  inflight: number;
  pendingSnapshot: number;
}

export interface Status {
  id: number;
  term: number;
  vote: number;
  commit: number;
  applied: number;
  lead: number;
  role: Role;
  leadTransferee: number;
  /** Index of the last entry in the log (persisted or not). */
  lastIndex: number;
  /** Whether an entry of the current term has been committed (a new leader's commit index is current). */
  committedInTerm: boolean;
  /** On the leader: index of the last accepted configuration change; a new one is refused until applied >= it. */
  pendingConfIndex: number;
  voters: number[];
  learners: number[];
  /** Per-member replication progress; filled on the leader only. */
  progress: PeerProgress[];
}

function isLocalMsg(t: MessageType): boolean {
  return (
    t === MessageType.MSG_HUP ||
    t === MessageType.MSG_BEAT ||
    t === MessageType.MSG_UNREACHABLE ||
    t === MessageType.MSG_SNAP_STATUS ||
    t === MessageType.MSG_CHECK_QUORUM
  );
}

function isResponseMsg(t: MessageType): boolean {
  return (
    t === MessageType.MSG_APP_RESP ||
    t === MessageType.MSG_VOTE_RESP ||
    t === MessageType.MSG_HEARTBEAT_RESP ||
    t === MessageType.MSG_UNREACHABLE ||
    t === MessageType.MSG_PRE_VOTE_RESP
  );
}

export class RawNode {
  /** The core; private: owners ask the node (or the driver), they do not reach in. Tests and the simulator use coreOf (internal.ts). */
  private readonly raft: Raft;
  private prevSoft: SoftState;
  private prevHard: HardState;
  /** Term and commit index at the last checkInvariants (neither may go backwards). */
  private checkedTerm = 0;
  private checkedCommit = 0;

  constructor(config: RaftConfig) {
    this.raft = new Raft(config);
    this.prevSoft = this.softState();
    this.prevHard = this.raft.hardState();
  }

  get id(): number {
    return this.raft.id;
  }

  /** Current term. */
  get term(): number {
    return this.raft.term;
  }

  /** Current role. */
  get role(): Role {
    return this.raft.role;
  }

  /** The leader this member knows of (0: none). */
  get lead(): number {
    return this.raft.lead;
  }

  /** Index of the last entry in the log (persisted or not). */
  get lastIndex(): number {
    return this.raft.raftLog.lastIndex();
  }

  /** The commit index this member knows. */
  get committed(): number {
    return this.raft.raftLog.committed;
  }

  /** Whether this leader has committed an entry of its current term (conf changes wait for it). */
  get committedInTerm(): boolean {
    return this.raft.committedEntryInCurrentTerm();
  }

  /** On the leader: index of the last accepted configuration change. */
  get pendingConfIndex(): number {
    return this.raft.pendingConfIndex;
  }

  private softState(): SoftState {
    return { lead: this.raft.lead, role: this.raft.role };
  }

  /** Advances the logical clock by one tick. */
  tick(): void {
    this.raft.tick();
  }

  /** Heartbeat rounds this member's clock started while leading, ever (see Raft.beats). */
  get beats(): number {
    return this.raft.beats;
  }

  /** Ticks until the next tick that does something (see Raft.ticksUntilDue); Infinity when none will. */
  ticksUntilDue(): number {
    return this.raft.ticksUntilDue();
  }

  /** Starts an election now (used in tests and to bootstrap quickly). */
  campaign(): void {
    this.raft.step(makeMessage({ type: MessageType.MSG_HUP, from: this.raft.id }));
  }

  /**
   * Forgets the current leader (a follower only; see Raft.forgetLeader):
   * pre-votes are granted at once instead of after the leader's lease.
   * Returns whether a leader was forgotten.
   */
  forgetLeader(): boolean {
    return this.raft.forgetLeader();
  }

  /** Restarts the election clock with a fresh randomized timeout. */
  resetElectionClock(): void {
    this.raft.resetElectionClock();
  }

  /** Proposes data to be appended to the log. Throws ErrProposalDropped (or a subclass). */
  propose(data: Uint8Array): void {
    this.raft.step(
      makeMessage({
        type: MessageType.MSG_PROP,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.ENTRY_NORMAL, data }],
      }),
    );
  }

  /** Proposes several entries at once (one message, one batch). */
  proposeBatch(datas: readonly Uint8Array[]): void {
    if (datas.length === 0) return;
    const entries: Entry[] = new Array(datas.length);
    for (let k = 0; k < datas.length; k++) entries[k] = { term: 0, index: 0, type: EntryType.ENTRY_NORMAL, data: datas[k]! };
    this.raft.step(makeMessage({ type: MessageType.MSG_PROP, from: this.raft.id, entries }));
  }

  /** Proposes a single-server membership change. Throws ErrConfChangeRefused when unsafe now. */
  proposeConfChange(cc: ConfChange): void {
    this.raft.step(
      makeMessage({
        type: MessageType.MSG_PROP,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.ENTRY_CONF_CHANGE, data: encodeConfChange(cc) }],
      }),
    );
  }

  /** Applies a committed membership change (call when applying its entry); returns the new membership. */
  applyConfChange(cc: ConfChange): ConfState {
    return applyCC(this.raft, cc);
  }

  /**
   * Steps a message received from a peer. Local message types throw
   * ErrStepLocalMsg; answers from unknown peers throw ErrStepPeerNotFound.
   * A forwarded proposal the leader cannot accept is dropped silently.
   * Proposals and read requests forwarded by a peer that is not in the
   * configuration throw ErrStepPeerNotFound too: a network can hold a
   * message for as long as a partition lasts, and one a member forwarded
   * before it was removed must not be committed after its client gave up
   * (etcd refuses every message from a removed member).
   */
  step(m: Message): void {
    if (isLocalMsg(m.type)) throw new ErrStepLocalMsg();
    if (isResponseMsg(m.type) && !this.raft.trk.progress.has(m.from)) throw new ErrStepPeerNotFound();
    if ((m.type === MessageType.MSG_PROP || m.type === MessageType.MSG_READ_INDEX) && !this.raft.trk.progress.has(m.from)) throw new ErrStepPeerNotFound();
    if (m.type === MessageType.MSG_PROP) {
      // A network message may be delivered more than once, and the leader
      // stamps term and index into proposal entries: give the core its own copies.
      m = { ...m, entries: m.entries.map((e) => ({ term: 0, index: 0, type: e.type, data: e.data })) };
    }
    try {
      this.raft.step(m);
    } catch (e) {
      if (e instanceof ErrProposalDropped && m.type === MessageType.MSG_PROP && m.from !== this.raft.id) return;
      if (e instanceof ErrProposalDropped && m.type === MessageType.MSG_READ_INDEX && m.from !== this.raft.id) return;
      throw e;
    }
  }

  /** Asks the leader to hand leadership to `transferee`. */
  transferLeadership(transferee: number): void {
    this.raft.step(makeMessage({ type: MessageType.MSG_TRANSFER_LEADER, from: transferee }));
  }

  /**
   * Requests a linearizable read point. `ctx` must be unique per request; the
   * answer arrives as a ReadState with the same ctx in a later Ready.
   */
  readIndex(ctx: Uint8Array): void {
    this.raft.step(
      makeMessage({
        type: MessageType.MSG_READ_INDEX,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.ENTRY_NORMAL, data: ctx }],
      }),
    );
  }

  /** The transport could not reach `id`: stop pipelining to it. */
  reportUnreachable(id: number): void {
    this.raft.step(makeMessage({ type: MessageType.MSG_UNREACHABLE, from: id }));
  }

  /** The snapshot sent to `id` was delivered (ok) or failed. */
  reportSnapshot(id: number, ok: boolean): void {
    this.raft.step(makeMessage({ type: MessageType.MSG_SNAP_STATUS, from: id, reject: !ok }));
  }

  hasReady(): boolean {
    const r = this.raft;
    if (r.pendingBcast) r.flushPendingBcast();
    if (r.msgs.length > 0 || r.readStates.length > 0) return true;
    if (r.lead !== this.prevSoft.lead || r.role !== this.prevSoft.role) return true;
    const hs = r.hardState();
    if (!isEmptyHardState(hs) && !hardStateEqual(hs, this.prevHard)) return true;
    const u = r.raftLog.unstable;
    if (u.nextSnapshot() !== undefined) return true;
    if (u.offsetInProgress < u.offset + u.entries.length) return true;
    return r.raftLog.hasNextCommittedEnts();
  }

  /** Everything to do now. Call advance(rd) when done, before the next ready(). */
  ready(): Ready {
    const r = this.raft;
    r.flushPendingBcast();
    const u = r.raftLog.unstable;
    const rd: Ready = {
      readStates: r.readStates,
      entries: u.nextEntries(),
      committedEntries: r.raftLog.nextCommittedEnts(),
      messages: r.msgs,
      mustSync: false,
    };
    const snap = u.nextSnapshot();
    if (snap) rd.snapshot = snap;
    const soft = this.softState();
    if (soft.lead !== this.prevSoft.lead || soft.role !== this.prevSoft.role) {
      rd.softState = soft;
      this.prevSoft = soft;
    }
    const hs = r.hardState();
    if (!hardStateEqual(hs, this.prevHard)) {
      rd.hardState = hs;
      rd.mustSync = hs.term !== this.prevHard.term || hs.vote !== this.prevHard.vote;
      this.prevHard = hs;
    }
    if (rd.entries.length > 0 || rd.snapshot) rd.mustSync = true;
    // Accept: these are now in progress.
    r.msgs = [];
    r.readStates = [];
    u.acceptInProgress();
    if (rd.committedEntries.length > 0) r.raftLog.acceptApplying(rd.committedEntries[rd.committedEntries.length - 1]!.index);
    return rd;
  }

  /** The Ready has been persisted, sent and applied. */
  advance(rd: Ready): void {
    const r = this.raft;
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1]!;
      r.raftLog.stableTo(last.index, last.term);
    }
    if (rd.snapshot) {
      r.raftLog.stableSnapTo(rd.snapshot.metadata.index);
      if (rd.snapshot.metadata.index > r.raftLog.applied) r.raftLog.appliedTo(rd.snapshot.metadata.index);
    }
    if (rd.committedEntries.length > 0) {
      const ents = rd.committedEntries;
      r.raftLog.appliedTo(ents[ents.length - 1]!.index);
      if (r.role === 'leader') {
        let s = 0;
        for (let k = 0; k < ents.length; k++) s += payloadSize(ents[k]!);
        r.reduceUncommittedSize(s);
      }
      r.afterApplied();
    }
  }

  /**
   * The core's invariants (a few comparisons, cheap enough to run after
   * every Ready in production, as TigerBeetle's invariants() does). Throws
   * ErrInvariant naming the broken rule and the state that broke it.
   */
  checkInvariants(): void {
    const r = this.raft;
    const log = r.raftLog;
    const broken = (rule: string): never => {
      throw new ErrInvariant(`${rule} (member ${r.id}: role ${r.role}, term ${r.term}, vote ${r.vote}, lead ${r.lead}, applied ${log.applied}, committed ${log.committed}, first ${log.firstIndex()}, last ${log.lastIndex()})`);
    };
    if (log.committed > log.lastIndex()) broken('commit index beyond the last log index');
    if (log.applied > log.committed) broken('applied beyond the commit index');
    if (log.firstIndex() - 1 > log.committed) broken('snapshot beyond the commit index');
    if (r.role === 'leader' && r.lead !== r.id) broken('a leader that does not know itself as leader');
    if (r.role === 'leader' && r.vote !== r.id) broken('a leader that did not vote for itself in its term');
    if (r.term < this.checkedTerm) broken(`the term went backwards from ${this.checkedTerm}`);
    if (log.committed < this.checkedCommit) broken(`the commit index went backwards from ${this.checkedCommit}`);
    this.checkedTerm = r.term;
    this.checkedCommit = log.committed;
  }

  status(): Status {
    const r = this.raft;
    const st: Status = {
      id: r.id,
      term: r.term,
      vote: r.vote,
      commit: r.raftLog.committed,
      applied: r.raftLog.applied,
      lead: r.lead,
      role: r.role,
      leadTransferee: r.leadTransferee,
      lastIndex: r.raftLog.lastIndex(),
      committedInTerm: r.committedEntryInCurrentTerm(),
      pendingConfIndex: r.pendingConfIndex,
      voters: [...r.trk.voters],
      learners: [...r.trk.learners],
      progress: [],
    };
    if (r.role === 'leader') {
      for (const [id, pr] of r.trk.progress) {
        st.progress.push({
          id,
          match: pr.match,
          next: pr.next,
          state: PROGRESS_STATE_NAMES[pr.state],
          isLearner: pr.isLearner,
          recentActive: pr.recentActive,
          inflight: pr.inflights.length,
          pendingSnapshot: pr.pendingSnapshot,
        });
      }
    }
    return st;
  }
}

/** An empty-data helper for callers that propose no-ops. */
export const NOOP: Uint8Array = EMPTY_BYTES;

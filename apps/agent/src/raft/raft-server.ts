/**
 * RaftServer: drives one Raft member in the real world. It owns the pure
 * RawNode and wires it to a clock (ticks), the durable log, a transport and
 * the replicated state machine:
 *
 *   tick / inbound message / proposal
 *     -> node.ready(): persist (one WAL save, one fsync) -> send messages
 *        -> install snapshot, apply committed entries, serve read states
 *        -> node.advance()
 *
 * Persist before send (the rule stated on Ready): messages go out only after
 * the save they depend on is durable. While one Ready is being persisted,
 * new proposals accumulate in the node, so the next Ready carries them all:
 * that is the group commit.
 */
import { decodeMessage, encodeMessage, ProtoDecodeError } from '@mgmt/proto';
import {
  ConfChangeType,
  EntryType,
  ErrProposalDropped,
  RawNode,
  ReadOnlyOption,
  decodeConfChange,
  isEmptySnapshot,
  messageFromWire,
  mulberry32,
  type ConfChange,
  type ConfState,
  type Entry,
  type Ready,
  type Snapshot,
  type Status,
} from '@mgmt/raft';
import type { Transport } from '@mgmt/transport';
import { WalDiskFullError, type DurableStorage } from '@mgmt/wal';
import { randomInt } from 'node:crypto';
import type { Logger } from '../log.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The replicated application state the server applies entries to. */
export interface StateMachine {
  /** Applies one committed normal entry (never empty). */
  applyEntry(entry: Entry): void;
  /** Applies one committed configuration change (after the node has). */
  applyConfChange(cc: ConfChange, confState: ConfState, index: number): void;
  /** The whole state, for a snapshot. */
  snapshotData(): Uint8Array;
  /** Replaces the whole state with a snapshot's. */
  restore(data: Uint8Array, snapshot: Snapshot): void;
}

/** Timing and sizing of a RaftServer. */
export interface RaftServerOptions {
  id: number;
  storage: DurableStorage;
  transport: Transport;
  stateMachine: StateMachine;
  logger: Logger;
  /**
   * Milliseconds per Raft tick. Default 20: with 10 election ticks a dead
   * leader is replaced after 200-400 ms (etcd's defaults give 1-2 s), and
   * heartbeats every 2 ticks (40 ms) keep a loaded but live leader in place.
   */
  tickMs?: number;
  electionTicks?: number;
  heartbeatTicks?: number;
  /** Take a snapshot and compact the log after this many applied entries. */
  snapshotEveryEntries?: number;
  /** Entries kept behind a snapshot so slow followers can catch up from the log. */
  snapshotCatchUpEntries?: number;
  /** Index already reflected in the state machine (restored from the last snapshot). */
  applied?: number;
}

/** The proposal could not be handed to a leader (no leader, or refused). */
export class ProposalFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProposalFailedError';
  }
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

/** Drives one Raft member; see the file comment. */
export class RaftServer {
  readonly id: number;
  readonly node: RawNode;
  private readonly storage: DurableStorage;
  private readonly transport: Transport;
  private readonly sm: StateMachine;
  private readonly log: Logger;
  private readonly tickMs: number;
  private readonly snapshotEvery: number;
  private readonly catchUp: number;

  private ticker: NodeJS.Timeout | undefined;
  /** Ticks left in which to repeat a campaign started because the leader's connection closed. */
  private eagerCampaignTicks = 0;
  private scheduled = false;
  private processing = false;
  private stopped = false;
  private applied: number;
  private snapshotIndex: number;
  private confState: ConfState;
  private leaderId = 0;
  private readSeq = 0;
  /** Read barriers asked for since the last ReadIndex request; the next one serves them all. */
  private pendingReads: Array<Waiter<number>> = [];
  /** Read barriers by the context of the ReadIndex request that serves them. */
  private readonly readWaiters = new Map<string, Array<Waiter<number>>>();
  private readonly appliedWaiters: Array<{ index: number; resolve: () => void }> = [];
  private readonly confWaiters = new Map<number, Waiter<ConfState>>();
  private readonly unsubscribe: Array<() => void> = [];
  /** When each peer was last heard from (ms since the epoch), for the nominator's health rule. */
  readonly lastHeardMs = new Map<number, number>();
  private readonly listeners = { leader: new Set<(lead: number, term: number) => void>(), removed: new Set<() => void>(), fatal: new Set<(err: unknown) => void>() };

  constructor(options: RaftServerOptions) {
    this.id = options.id;
    this.storage = options.storage;
    this.transport = options.transport;
    this.sm = options.stateMachine;
    this.log = options.logger;
    this.tickMs = options.tickMs ?? 20;
    this.snapshotEvery = options.snapshotEveryEntries ?? 20_000;
    this.catchUp = options.snapshotCatchUpEntries ?? 5_000;
    const snap = this.storage.snapshot();
    this.snapshotIndex = snap.metadata.index;
    this.confState = snap.metadata.confState;
    this.applied = options.applied ?? snap.metadata.index;
    this.node = new RawNode({
      id: options.id,
      electionTick: options.electionTicks ?? 10,
      heartbeatTick: options.heartbeatTicks ?? 2,
      storage: this.storage,
      random: mulberry32(randomInt(2 ** 31)),
      applied: this.applied,
      maxSizePerMsg: 1024 * 1024,
      maxInflightMsgs: 256,
      maxUncommittedEntriesSize: 64 * 1024 * 1024,
      checkQuorum: true,
      preVote: true,
      readOnlyOption: ReadOnlyOption.Safe,
      maxLearnerLag: 1000,
    });
  }

  /** Starts ticking and receiving. */
  start(): void {
    this.unsubscribe.push(
      this.transport.onMessage(({ from, bytes }) => {
        this.lastHeardMs.set(from, Date.now());
        this.onWire(bytes);
      }),
    );
    this.unsubscribe.push(
      this.transport.onUnreachable((peer) => {
        this.node.reportUnreachable(peer);
        if (peer === this.leaderId && !this.isLeader) this.onLeaderConnectionLost();
      }),
    );
    this.ticker = setInterval(() => {
      this.node.tick();
      this.continueEagerCampaign();
      this.schedule();
    }, this.tickMs);
    this.schedule();
  }

  /** Campaigns at once (a freshly bootstrapped single member need not wait for a timeout). */
  campaign(): void {
    this.node.campaign();
    this.schedule();
  }

  /** Current leader id (0 when unknown). */
  get leader(): number {
    return this.leaderId;
  }

  get isLeader(): boolean {
    return this.leaderId === this.id;
  }

  /** Current term (cheap; for response headers). */
  get term(): number {
    return this.node.raft.term;
  }

  get appliedIndex(): number {
    return this.applied;
  }

  /** The configuration as of the last applied entry. */
  get conf(): ConfState {
    return this.confState;
  }

  /**
   * Milliseconds since `peer` was last heard from. A peer never heard from
   * counts from the first time anyone asked (it was just added, or this
   * member just started leading), so a new learner gets its full grace time.
   */
  heardAgoMs(peer: number, nowMs: number): number {
    let at = this.lastHeardMs.get(peer);
    if (at === undefined) {
      at = nowMs;
      this.lastHeardMs.set(peer, at);
    }
    return Math.max(0, nowMs - at);
  }

  /** The last index of this member's log. */
  get lastIndex(): number {
    return this.node.raft.raftLog.lastIndex();
  }

  /** Whether the leader has committed an entry of its current term (conf changes wait for it). */
  get committedInTerm(): boolean {
    return this.node.raft.committedEntryInCurrentTerm();
  }

  /** Whether a membership change was proposed and not yet applied. */
  get confChangePending(): boolean {
    return this.node.raft.pendingConfIndex > this.applied || this.confWaiters.size > 0;
  }

  status(): Status {
    return this.node.status();
  }

  onLeaderChange(fn: (lead: number, term: number) => void): () => void {
    this.listeners.leader.add(fn);
    return () => this.listeners.leader.delete(fn);
  }

  /** Called once when an applied configuration change removes this member. */
  onRemoved(fn: () => void): () => void {
    this.listeners.removed.add(fn);
    return () => this.listeners.removed.delete(fn);
  }

  /** Called when the durable log fails (disk full, I/O error): the member stops. */
  onFatal(fn: (err: unknown) => void): () => void {
    this.listeners.fatal.add(fn);
    return () => this.listeners.fatal.delete(fn);
  }

  /**
   * Hands a proposal to Raft (forwarded to the leader by a follower). The
   * result arrives through the state machine when the entry is applied.
   * Throws ProposalFailedError when there is no leader to take it.
   */
  propose(data: Uint8Array): void {
    this.assertRunning();
    try {
      this.node.propose(data);
    } catch (err) {
      if (err instanceof ErrProposalDropped) throw new ProposalFailedError(err.message, { cause: err });
      throw err;
    }
    this.schedule();
  }

  /** Proposes a membership change; resolves with the configuration once it is applied here. */
  proposeConfChange(cc: ConfChange): Promise<ConfState> {
    this.assertRunning();
    const id = randomInt(1, 2 ** 47);
    return new Promise<ConfState>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.confWaiters.delete(id)) reject(new ProposalFailedError('membership change timed out (it may still apply)'));
      }, 10_000);
      this.confWaiters.set(id, {
        resolve: (cs) => {
          clearTimeout(timer);
          resolve(cs);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      try {
        this.node.proposeConfChange({ ...cc, id });
      } catch (err) {
        this.confWaiters.get(id)?.reject(err instanceof ErrProposalDropped ? new ProposalFailedError((err as Error).message, { cause: err }) : err);
        this.confWaiters.delete(id);
        return;
      }
      this.schedule();
    });
  }

  /**
   * A linearizable read barrier (ReadIndex, Raft thesis section 6.4):
   * resolves with an index once this member has applied at least the
   * leader's commit index as of the call.
   */
  readIndex(): Promise<number> {
    this.assertRunning();
    return new Promise<number>((resolve, reject) => {
      this.pendingReads.push({ resolve, reject });
      this.schedule();
    });
  }

  /**
   * Turns every read barrier asked for since the last call into one
   * ReadIndex request (etcd's linearizableReadLoop does the same): one
   * heartbeat round serves them all, whatever the number of readers.
   */
  private requestPendingReads(): void {
    if (this.pendingReads.length === 0) return;
    const waiters = this.pendingReads;
    this.pendingReads = [];
    const key = `${this.id}:${++this.readSeq}`;
    try {
      this.node.readIndex(encoder.encode(key));
    } catch (err) {
      const failure = err instanceof ErrProposalDropped ? new ProposalFailedError(err.message, { cause: err }) : err;
      for (const w of waiters) w.reject(failure);
      return;
    }
    this.readWaiters.set(key, waiters);
  }

  /** Resolves once this member has applied `index`. */
  waitApplied(index: number): Promise<void> {
    if (this.applied >= index) return Promise.resolve();
    return new Promise((resolve) => this.appliedWaiters.push({ index, resolve }));
  }

  /** Asks the leader to hand leadership to `to` (TimeoutNow). */
  transferLeadership(to: number): void {
    this.node.transferLeadership(to);
    this.schedule();
  }

  /** Stops ticking and receiving; fails everything still waiting. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    for (const u of this.unsubscribe.splice(0)) u();
    const err = new ProposalFailedError('raft member stopped');
    for (const ws of this.readWaiters.values()) for (const w of ws) w.reject(err);
    for (const w of this.pendingReads) w.reject(err);
    for (const w of this.confWaiters.values()) w.reject(err);
    this.readWaiters.clear();
    this.pendingReads = [];
    this.confWaiters.clear();
    while (this.processing) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * The leader's peer connection closed: on loopback or a LAN that means its
   * process or host went away. This follower forgets it (etcd's
   * ForgetLeader), so it grants pre-votes at once instead of after the
   * leader's lease. The voter with the lowest id other than the lost leader
   * campaigns at once, and again every two ticks while no leader is known
   * (the others may notice the loss a little later and ignore a pre-vote
   * that comes too early); the others restart their election clock so they
   * do not campaign against it (two campaigns split the vote and cost a
   * whole randomized timeout). If that voter is gone too, the others'
   * election timeouts still elect someone. A leader that is in fact alive
   * loses nothing: followers in its lease refuse the pre-vote, and its next
   * heartbeat brings this one back.
   */
  private onLeaderConnectionLost(): void {
    const lost = this.leaderId;
    if (!this.node.forgetLeader()) return;
    const others = this.node.status().voters.filter((v) => v !== lost);
    const first = others.length > 0 && Math.min(...others) === this.id;
    this.log.info({ leader: lost, campaigning: first }, 'lost the connection to the leader; forgot it');
    if (first) {
      this.eagerCampaignTicks = 10;
      this.node.campaign();
    } else {
      this.node.resetElectionClock();
    }
    this.schedule();
  }

  /** On a tick: repeats the eager campaign every two ticks until a leader is known or the budget runs out. */
  private continueEagerCampaign(): void {
    if (this.eagerCampaignTicks <= 0) return;
    this.eagerCampaignTicks--;
    const r = this.node.raft;
    const leaderless = r.role === 'pre-candidate' || (r.role === 'follower' && r.lead === 0);
    if (!leaderless) this.eagerCampaignTicks = 0;
    else if (this.eagerCampaignTicks % 2 === 0) this.node.campaign();
  }

  private assertRunning(): void {
    if (this.stopped) throw new ProposalFailedError('raft member stopped');
  }

  private onWire(bytes: Uint8Array): void {
    if (this.stopped) return;
    let m;
    try {
      m = messageFromWire(decodeMessage(bytes));
    } catch (err) {
      if (err instanceof ProtoDecodeError) {
        this.log.warn({ err: err.message }, 'dropped an undecodable raft message');
        return;
      }
      throw err;
    }
    try {
      this.node.step(m);
    } catch (err) {
      this.log.debug({ err: (err as Error).message, type: m.type, from: m.from }, 'raft refused a message');
      return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.processing || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing || this.stopped) return;
    this.processing = true;
    try {
      while (!this.stopped) {
        this.requestPendingReads();
        if (!this.node.hasReady()) break;
        const rd = this.node.ready();
        await this.handleReady(rd);
        this.node.advance(rd);
      }
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'raft member failed; stopping');
      for (const fn of this.listeners.fatal) fn(err);
      void this.stop();
    } finally {
      this.processing = false;
    }
    if (!this.stopped && (this.pendingReads.length > 0 || this.node.hasReady())) this.schedule();
  }

  private async handleReady(rd: Ready): Promise<void> {
    if (rd.softState) {
      const term = rd.hardState?.term ?? this.node.raft.term;
      this.log.info({ role: rd.softState.role, lead: rd.softState.lead, term }, 'raft role changed');
      if (rd.softState.lead !== this.leaderId) {
        // What this member forwarded to a leader it no longer follows (proposals held by a partition) never arrives.
        if (this.leaderId !== 0 && this.leaderId !== this.id) this.transport.discardUnsent?.(this.leaderId);
        this.leaderId = rd.softState.lead;
        for (const fn of this.listeners.leader) fn(this.leaderId, term);
      }
    }
    // The leader sends before its own write (Raft thesis 10.2.1; etcd does the
    // same): what it sends (entries, its commit index) needs none of this
    // Ready's state to be durable, since followers can only have acknowledged
    // entries of earlier Readys, all saved before this one was taken. The
    // leader's own copy then counts towards a commit the next Ready makes
    // visible, which comes after this save. Everyone else persists first.
    const sendFirst = this.node.raft.role === 'leader' && !rd.snapshot;
    if (sendFirst) this.send(rd);
    // Committed entries already in the durable log are applied while the new
    // ones are written: a commit never waits behind the next fsync.
    const durableCount = this.durableCommittedCount(rd);
    for (let k = 0; k < durableCount; k++) this.applyOne(rd.committedEntries[k]!);
    if (rd.snapshot || rd.entries.length > 0 || rd.hardState) await this.persist(rd);
    if (!sendFirst) this.send(rd);
    if (this.stopped) return;
    if (rd.snapshot && !isEmptySnapshot(rd.snapshot)) this.installSnapshot(rd.snapshot);
    for (let k = durableCount; k < rd.committedEntries.length; k++) this.applyOne(rd.committedEntries[k]!);
    for (const rs of rd.readStates) this.serveRead(decoder.decode(rs.requestCtx), rs.index);
    this.releaseAppliedWaiters();
    this.maybeSnapshot();
  }

  /** How many of the Ready's committed entries are durable here before its own save (all that precede its new entries). */
  private durableCommittedCount(rd: Ready): number {
    if (rd.snapshot) return 0;
    const firstNew = rd.entries[0]?.index;
    if (firstNew === undefined) return rd.committedEntries.length;
    let n = 0;
    while (n < rd.committedEntries.length && rd.committedEntries[n]!.index < firstNew) n++;
    return n;
  }

  private send(rd: Ready): void {
    for (const m of rd.messages) {
      if (this.stopped) return;
      const result = this.transport.send(m.to, encodeMessage(m));
      if (result !== 'queued') this.node.reportUnreachable(m.to);
    }
  }

  /**
   * Saves a Ready. A full disk holds the Ready (nothing sent, nothing
   * advanced) and retries the same save until space returns: re-saving the
   * same entries only overwrites them. Any other failure is fatal.
   */
  private async persist(rd: Ready): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.storage.save({ hardState: rd.hardState, entries: rd.entries, snapshot: rd.snapshot });
        if (attempt > 0) this.log.warn({ attempts: attempt + 1 }, 'disk has space again; writes resumed');
        return;
      } catch (err) {
        if (!(err instanceof WalDiskFullError) || this.stopped) throw err;
        if (attempt === 0) this.log.error({ err: err.message }, 'disk full: writes stopped until space returns');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private installSnapshot(snap: Snapshot): void {
    this.sm.restore(snap.data, snap);
    this.applied = snap.metadata.index;
    this.snapshotIndex = snap.metadata.index;
    this.confState = snap.metadata.confState;
    this.log.info({ index: snap.metadata.index, term: snap.metadata.term }, 'installed snapshot');
  }

  private applyOne(e: Entry): void {
    if (e.index <= this.applied) return;
    if (e.type === EntryType.ENTRY_CONF_CHANGE) {
      const cc = decodeConfChange(e.data);
      const cs = this.node.applyConfChange(cc);
      this.confState = cs;
      this.sm.applyConfChange(cc, cs, e.index);
      const waiter = cc.id ? this.confWaiters.get(cc.id) : undefined;
      if (waiter && cc.id) {
        this.confWaiters.delete(cc.id);
        waiter.resolve(cs);
      }
      this.applied = e.index;
      if (cc.type === ConfChangeType.CONF_CHANGE_REMOVE_NODE && cc.nodeId === this.id) {
        for (const fn of this.listeners.removed) fn();
      }
      return;
    }
    if (e.data.byteLength > 0) this.sm.applyEntry(e);
    this.applied = e.index;
  }

  private serveRead(key: string, index: number): void {
    const ws = this.readWaiters.get(key);
    if (!ws) return;
    this.readWaiters.delete(key);
    const resolveAll = (): void => {
      for (const w of ws) w.resolve(index);
    };
    if (this.applied >= index) resolveAll();
    else void this.waitApplied(index).then(resolveAll);
  }

  private releaseAppliedWaiters(): void {
    if (this.appliedWaiters.length === 0) return;
    let kept = 0;
    for (const w of this.appliedWaiters) {
      if (w.index <= this.applied) w.resolve();
      else this.appliedWaiters[kept++] = w;
    }
    this.appliedWaiters.length = kept;
  }

  private maybeSnapshot(): void {
    if (this.applied - this.snapshotIndex < this.snapshotEvery) return;
    const index = this.applied;
    this.storage.createSnapshot(index, this.confState, this.sm.snapshotData());
    this.snapshotIndex = index;
    const compactTo = index - this.catchUp;
    if (compactTo > this.storage.firstIndex()) this.storage.compact(compactTo);
    this.log.info({ index }, 'snapshot taken, log compacted');
  }
}

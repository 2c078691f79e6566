/**
 * RaftDriver: the one Ready/Advance loop. It owns a RawNode and wires it to
 * four seams (seams.ts): the storage it persists to, `send`, a clock with
 * timers, and the state machine it applies to. Production (the agent's
 * RaftServer), the simulators, the WAL tests and the benches all run it:
 *
 *   tick / received message / proposal
 *     -> node.ready(): [leader: send] -> apply what is already durable
 *        -> persist (one save, one fsync) -> [others: send]
 *        -> install snapshot, apply the rest, serve reads -> node.advance()
 *
 * Persist before send (the rule stated on Ready), except where the thesis
 * allows the leader to send first (ready-order.ts; the save itself with its
 * disk-full retry is ready-save.ts). While one Ready is
 * being persisted, new proposals accumulate in the node, so the next Ready
 * carries them all: that is the group commit.
 *
 * The loop is written with continuations, not async/await: a storage whose
 * save returns a promise (the WAL) suspends it; a synchronous one (the
 * simulator's) runs it to the end in the same call, so a simulation stays
 * deterministic.
 */
import { decodeConfChange } from '../confchange.js';
import { ErrProposalDropped } from '../errors.js';
import type { Role } from '../raft.js';
import { RawNode, type Ready, type Status } from '../rawnode.js';
import { ConfChangeType, EntryType, MessageType, isEmptySnapshot, type ConfChange, type ConfState, type Entry, type Message, type Snapshot } from '../types.js';
import { ProposalFailedError } from './errors.js';
import { checkDriverInvariants } from './driver-invariants.js';
import { ConfChangeWaiters } from './conf-change-waiters.js';
import { DriverEvents } from './driver-events.js';
import { EagerCampaign } from './eager-campaign.js';
import { LazyTicker } from './lazy-ticker.js';
import { SnapshotTaker } from './snapshot-taker.js';
import { StallReport } from './stall-report.js';
import { ReadBarriers, type IndexCallback } from './read-barriers.js';
import { durableCommittedCount, sendsBeforeSave } from './ready-order.js';
import { saveReady, type ReadySaveDeps } from './ready-save.js';
import { definedOnly, DRIVER_DEFAULTS, PRODUCTION_CORE_DEFAULTS, type DriverOptions } from './options.js';
import { SILENT_LOGGER, type DriverClock, type DriverLogger, type DriverObserver, type DriverStorage, type SendFn, type StateMachine } from './seams.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Drives one Raft member; see the file comment. */
export class RaftDriver {
  readonly id: number;
  protected readonly node: RawNode;
  private readonly storage: DriverStorage;
  private readonly sendFn: SendFn;
  private readonly clock: DriverClock;
  private readonly sm: StateMachine;
  private readonly log: DriverLogger;
  private readonly observer: DriverObserver | undefined;
  private readonly o: Required<Omit<DriverOptions, 'logger' | 'observer' | 'core' | 'applied' | 'isDiskFull'>> & { isDiskFull: (err: unknown) => boolean };

  /** Raft's clock once started: wakes only when a tick is due (lazy-ticker.ts). */
  private ticker: LazyTicker | undefined;
  /** Forget-leader, then an eager campaign (eager-campaign.ts). */
  private readonly eager: EagerCampaign;
  private scheduled = false;
  private processing = false;
  private stopped = false;
  private applied: number;
  private confState: ConfState;
  /** When to snapshot, and the latest snapshot's index (snapshot-taker.ts). */
  private readonly snapshots: SnapshotTaker;
  private leaderId = 0;
  /** Seeded randomness (ids of membership changes, so a restarted member never reuses one). */
  private readonly random: () => number;
  /** Read barriers and applied-index waiters (read-barriers.ts). */
  private readonly reads: ReadBarriers;
  /** Proposers of membership changes waiting for theirs to apply (conf-change-waiters.ts). */
  private readonly confWaiters: ConfChangeWaiters;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly stalls: StallReport;
  /** What saving a Ready needs (ready-save.ts). */
  private readonly saveDeps: ReadySaveDeps;
  /** The owner's listeners (driver-events.ts). */
  private readonly events: DriverEvents;

  constructor(options: DriverOptions) {
    this.id = options.id;
    this.storage = options.storage;
    this.sendFn = options.send;
    this.clock = options.clock;
    this.sm = options.stateMachine;
    this.log = options.logger ?? SILENT_LOGGER;
    this.events = new DriverEvents(this.log);
    this.observer = options.observer;
    this.random = options.random;
    this.reads = new ReadBarriers(options.id, this.random);
    this.o = {
      ...DRIVER_DEFAULTS,
      ...definedOnly(options),
      isDiskFull: options.isDiskFull ?? (() => false),
    } as RaftDriver['o'];
    this.stalls = new StallReport(this.clock, this.log, (this.o.electionTicks * this.o.tickMs) / 2);
    this.eager = new EagerCampaign(options.id, this.o.eagerCampaignTicks, this.log);
    this.saveDeps = {
      storage: this.storage,
      clock: this.clock,
      log: this.log,
      observer: this.observer,
      diskFullRetryMs: this.o.diskFullRetryMs,
      isDiskFull: this.o.isDiskFull,
      stopped: () => this.stopped,
      fail: (err) => this.fail(err),
    };
    this.confWaiters = new ConfChangeWaiters(this.clock, this.o.confChangeTimeoutMs, () => this.confState, () => new ProposalFailedError('membership change timed out (it may still apply)'));
    const snap = this.storage.snapshot();
    this.snapshots = new SnapshotTaker(this.storage, this.sm, this.log, this.o, this.clock, snap.metadata.index);
    this.confState = snap.metadata.confState;
    this.applied = options.applied ?? snap.metadata.index;
    this.node = new RawNode({
      ...PRODUCTION_CORE_DEFAULTS,
      ...options.core,
      id: options.id,
      electionTick: this.o.electionTicks,
      heartbeatTick: this.o.heartbeatTicks,
      storage: this.storage,
      random: options.random,
      applied: this.applied,
    });
  }

  // ---- inputs ----

  /**
   * Starts Raft's clock: a tick every tickMs, counted lazily (the timer
   * wakes only at ticks that do something; lazy-ticker.ts). Simulations may
   * call tick() themselves instead.
   */
  start(): void {
    this.ticker = new LazyTicker(
      this.clock,
      this.o.tickMs,
      () => this.tickCore(),
      () => this.onTickerWake(),
      (lateMs) => this.stalls.note(lateMs),
    );
    this.ticker.start();
    this.schedule();
  }

  /** One Raft tick: the core's clock, the eager campaign, then the loop. */
  tick(): void {
    if (this.stopped) return;
    this.tickCore();
    this.schedule();
    this.tellBeat();
  }

  private tickCore(): void {
    this.node.tick();
    this.eager.onTick(this.node);
  }

  /** The lazy ticker's timer counted its ticks: run the loop now (no extra event-loop turn) and plan the next wake-up. */
  private onTickerWake(): void {
    if (this.stopped) return;
    this.planTicks();
    if (!this.scheduled && !this.processing && (this.reads.hasPending || this.node.hasReady())) this.process();
    this.tellBeat();
  }

  /** A heartbeat round began since the listeners were last told: tell them (after the heartbeats went out). */
  private tellBeat(): void {
    if (!this.stopped) this.events.beats(this.node.beats);
  }

  /** Tells the lazy ticker when the next tick that does something is due. */
  private planTicks(): void {
    this.ticker?.plan(this.eager.active ? 1 : this.node.ticksUntilDue());
  }

  /** Steps a message received from a peer. Messages the core refuses (stale, from unknown peers) are dropped. */
  receive(m: Message): void {
    if (this.stopped) return;
    this.ticker?.catchUp();
    try {
      this.node.step(m);
    } catch (err) {
      this.log.debug({ err: (err as Error).message, type: m.type, from: m.from }, 'raft refused a message');
      return;
    }
    this.schedule();
  }

  /** The transport says `peer` cannot be reached: stop pipelining to it; if it was the leader, forget it. */
  peerUnreachable(peer: number): void {
    if (this.stopped) return;
    this.ticker?.catchUp();
    this.node.reportUnreachable(peer);
    if (peer === this.leaderId && !this.isLeader) this.eager.onLeaderConnectionLost(this.node, this.leaderId);
    this.schedule();
  }

  /** Runs the loop soon even though no input arrived (the owner changed the node directly: simulator, tests). */
  wake(): void {
    this.ticker?.catchUp();
    this.schedule();
  }

  /** Campaigns at once (a freshly bootstrapped single member need not wait for a timeout). */
  campaign(): void {
    this.ticker?.catchUp();
    this.node.campaign();
    this.schedule();
  }

  /**
   * Hands a proposal to Raft (forwarded to the leader by a follower). The
   * result arrives through the state machine when the entry is applied.
   * Throws ProposalFailedError when there is no leader to take it.
   */
  propose(data: Uint8Array): void {
    this.assertRunning();
    this.ticker?.catchUp();
    try {
      this.node.propose(data);
    } catch (err) {
      throw asProposalFailed(err);
    }
    this.schedule();
  }

  /** Proposes several entries in one message (benches; one batch). */
  proposeBatch(datas: readonly Uint8Array[]): void {
    this.assertRunning();
    this.ticker?.catchUp();
    try {
      this.node.proposeBatch(datas);
    } catch (err) {
      throw asProposalFailed(err);
    }
    this.schedule();
  }

  /**
   * Proposes a membership change; `done` is called with the configuration
   * once it is applied here, or with an error (refused now, stopped, timed out).
   */
  proposeConfChangeThen(cc: ConfChange, done: (err: unknown, cs: ConfState) => void): void {
    if (this.stopped) return done(new ProposalFailedError('raft member stopped'), this.confState);
    const id = 1 + Math.floor(this.random() * 2 ** 47);
    this.confWaiters.add(id, done);
    this.ticker?.catchUp();
    try {
      this.node.proposeConfChange({ ...cc, id });
    } catch (err) {
      this.confWaiters.refuse(id, asProposalFailed(err));
      return;
    }
    this.schedule();
  }

  /** Proposes a membership change; resolves with the configuration once it is applied here. */
  proposeConfChange(cc: ConfChange): Promise<ConfState> {
    this.assertRunning();
    return new Promise((resolve, reject) => this.proposeConfChangeThen(cc, (err, cs) => (err ? reject(err) : resolve(cs))));
  }

  /**
   * A linearizable read barrier (ReadIndex, Raft thesis section 6.4): `done`
   * gets an index once this member has applied at least the leader's commit
   * index as of the call. Barriers asked for between two loops share one
   * ReadIndex request (etcd's linearizableReadLoop does the same).
   */
  readIndexThen(done: IndexCallback): void {
    if (this.stopped) return done(new ProposalFailedError('raft member stopped'), 0);
    this.ticker?.catchUp();
    this.reads.add(done);
    this.schedule();
  }

  /** readIndexThen as a promise. */
  readIndex(): Promise<number> {
    this.assertRunning();
    return new Promise((resolve, reject) => this.readIndexThen((err, index) => (err ? reject(err) : resolve(index))));
  }

  /** Calls `done` once this member has applied `index`. */
  whenApplied(index: number, done: () => void): void {
    this.reads.whenApplied(index, this.applied, done);
  }

  /** Resolves once this member has applied `index`. */
  waitApplied(index: number): Promise<void> {
    return new Promise((resolve) => this.whenApplied(index, resolve));
  }

  /**
   * Takes a snapshot at the applied index now, whatever
   * snapshotEveryEntries says (Maintenance.Defragment): the storage then
   * drops the older snapshot and the log it covers. Returns false when
   * there is nothing new to snapshot, or the applied index is not yet
   * durable here.
   */
  snapshotNow(): boolean {
    this.assertRunning();
    if (this.applied <= this.snapshots.index || this.applied > this.storage.lastIndex()) return false;
    this.snapshots.maybe(this.applied, this.confState, true);
    return this.snapshots.index === this.applied;
  }

  /** Asks the leader to hand leadership to `to` (TimeoutNow). */
  transferLeadership(to: number): void {
    this.ticker?.catchUp();
    this.node.transferLeadership(to);
    this.schedule();
  }

  /** Stops at once: no more ticks, no more input, every waiter fails. Work in progress finishes (see stop()). */
  halt(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ticker?.stop();
    const err = new ProposalFailedError('raft member stopped');
    this.reads.failAll(err);
    this.confWaiters.stop(err);
    if (!this.processing) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Halts, then resolves once no save is in progress. */
  stop(): Promise<void> {
    this.halt();
    if (!this.processing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ---- what the owner may ask ----

  /** Current leader id (0 when unknown). */
  get leader(): number {
    return this.leaderId;
  }

  get isLeader(): boolean {
    return this.leaderId === this.id;
  }

  /** The core's role now. */
  get role(): Role {
    return this.node.role;
  }

  /** Current term (cheap; for response headers). */
  get term(): number {
    return this.node.term;
  }

  get appliedIndex(): number {
    return this.applied;
  }

  /** The configuration as of the last applied entry. */
  get conf(): ConfState {
    return this.confState;
  }

  /** The last index of this member's log. */
  get lastIndex(): number {
    return this.node.lastIndex;
  }

  /** The commit index this member knows. */
  get committedIndex(): number {
    return this.node.committed;
  }

  /** Whether the leader has committed an entry of its current term (conf changes wait for it). */
  get committedInTerm(): boolean {
    return this.node.committedInTerm;
  }

  /** Whether a membership change was proposed and not yet applied. */
  get confChangePending(): boolean {
    return this.node.pendingConfIndex > this.applied || this.confWaiters.any;
  }

  /** Whether the driver was stopped (by its owner, a fatal error or a broken invariant). */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Whether the loop has work it has not done yet (simulators settle on this). */
  get hasWork(): boolean {
    return !this.stopped && (this.processing || this.reads.hasPending || this.node.hasReady());
  }

  status(): Status {
    return this.node.status();
  }

  onLeaderChange(fn: (lead: number, term: number) => void): () => void {
    return this.events.onLeaderChange(fn);
  }

  /** How far apart the heartbeat rounds (onBeat) are: heartbeatTicks ticks. */
  get beatMs(): number {
    return this.o.tickMs * this.o.heartbeatTicks;
  }

  /**
   * Called at each heartbeat round this member starts as leader (every
   * heartbeatTicks ticks: 100 ms in production), once its heartbeats are
   * sent. Leader-only periodic work rides on it instead of a timer of its
   * own: on an idle leader every timer is an event-loop wake-up of its own,
   * and those wake-ups (not the JavaScript they run) were most of its CPU.
   */
  onBeat(fn: () => void): () => void {
    return this.events.onBeat(fn);
  }

  /** Called once when an applied configuration change removes this member. */
  onRemoved(fn: () => void): () => void {
    return this.events.onRemoved(fn);
  }

  /** Called when the member stops on its own: the log failed (disk, I/O) or an invariant broke. */
  onFatal(fn: (err: unknown) => void): () => void {
    return this.events.onFatal(fn);
  }

  // ---- the loop ----

  private assertRunning(): void {
    if (this.stopped) throw new ProposalFailedError('raft member stopped');
  }

  /** Asks for the loop to run soon (once, however many times it is asked). */
  private schedule(): void {
    this.planTicks();
    if (this.scheduled || this.processing || this.stopped) return;
    this.scheduled = true;
    this.clock.defer(() => {
      this.scheduled = false;
      this.process();
    });
  }

  private process(): void {
    if (this.processing || this.stopped) return;
    this.processing = true;
    this.loop();
  }

  /** Handles Readys until there are none; suspends while an asynchronous save is in progress. */
  private loop(): void {
    try {
      while (!this.stopped) {
        this.reads.requestPending((ctx) => this.node.readIndex(encoder.encode(ctx)), asProposalFailed);
        if (!this.node.hasReady()) break;
        const rd = this.node.ready();
        const sentFirst = this.beforeSave(rd);
        let suspended = false;
        let finishedInline = false;
        saveReady(this.saveDeps, rd, 0, () => {
          if (!suspended) {
            finishedInline = true;
            return;
          }
          this.resume(rd, sentFirst);
        });
        if (!finishedInline) {
          suspended = true;
          return;
        }
        this.afterSave(rd, sentFirst);
      }
    } catch (err) {
      this.fail(err);
      return;
    }
    this.endLoop();
  }

  private resume(rd: Ready, sentFirst: boolean): void {
    try {
      this.afterSave(rd, sentFirst);
    } catch (err) {
      this.fail(err);
      return;
    }
    this.loop();
  }

  private endLoop(): void {
    this.processing = false;
    if (!this.stopped) this.planTicks();
    if (this.stopped) for (const w of this.idleWaiters.splice(0)) w();
    else if (this.reads.hasPending || this.node.hasReady()) this.schedule();
  }

  private fail(err: unknown): void {
    this.processing = false;
    if (this.stopped) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    this.log.error({ err: (err as Error).message }, 'raft member failed; stopping');
    this.halt();
    this.events.failed(err);
  }

  /** The part of a Ready handled before its save: role change, the leader's early send, applying what is durable. Returns whether it sent. */
  private beforeSave(rd: Ready): boolean {
    if (rd.softState) {
      const term = rd.hardState?.term ?? this.node.term;
      this.log.info({ role: rd.softState.role, lead: rd.softState.lead, term }, 'raft role changed');
      if (rd.softState.role === 'leader') this.observer?.onBecomeLeader?.();
      if (rd.softState.lead !== this.leaderId) {
        this.leaderId = rd.softState.lead;
        this.events.leaderChanged(this.leaderId, term);
      }
    }
    // The leader sends before its own write; committed entries already durable are applied while the new ones are written (ready-order.ts).
    const sendFirst = sendsBeforeSave(rd, this.node, this.o.sendBeforePersist);
    if (sendFirst) this.send(rd);
    const early = durableCommittedCount(rd, this.o.applyBeforePersist);
    for (let k = 0; k < early; k++) this.applyOne(rd.committedEntries[k]!);
    return sendFirst;
  }

  /** The part of a Ready handled once its save is durable (the decision to send first was taken before the save: the role may have changed since). */
  private afterSave(rd: Ready, sentFirst: boolean): void {
    if (!sentFirst) this.send(rd);
    if (this.stopped) return;
    if (rd.snapshot && !isEmptySnapshot(rd.snapshot)) this.installSnapshot(rd.snapshot);
    for (let k = durableCommittedCount(rd, this.o.applyBeforePersist); k < rd.committedEntries.length; k++) this.applyOne(rd.committedEntries[k]!);
    for (const rs of rd.readStates) this.reads.answer(decoder.decode(rs.requestCtx), rs.index, this.applied);
    this.node.advance(rd);
    this.confWaiters.notifyApplied();
    this.reads.release(this.applied);
    this.snapshots.maybe(this.applied, this.confState);
    if (this.o.invariants) checkDriverInvariants(rd, { id: this.id, applied: this.applied, snapshotIndex: this.snapshots.index }, this.node, this.storage);
  }

  private send(rd: Ready): void {
    for (const m of rd.messages) {
      if (this.stopped) return;
      const queued = this.sendFn(m);
      if (!queued) this.node.reportUnreachable(m.to);
      // The snapshot left (or could not): the leader probes the follower again from here (etcd's ReportSnapshot).
      if (m.type === MessageType.MSG_SNAP) this.node.reportSnapshot(m.to, queued);
    }
  }

  private installSnapshot(snap: Snapshot): void {
    this.sm.restore(snap.data, snap);
    this.applied = snap.metadata.index;
    this.snapshots.index = snap.metadata.index;
    this.confState = snap.metadata.confState;
    this.observer?.afterInstallSnapshot?.(snap);
    this.log.info({ index: snap.metadata.index, term: snap.metadata.term }, 'installed snapshot');
  }

  private applyOne(e: Entry): void {
    if (e.index <= this.applied) return;
    this.observer?.beforeApply?.(e);
    if (e.type === EntryType.ENTRY_CONF_CHANGE) {
      const cc = decodeConfChange(e.data);
      const cs = this.node.applyConfChange(cc);
      this.confState = cs;
      this.sm.applyConfChange(cc, cs, e.index);
      if (cc.id) this.confWaiters.noteApplied(cc.id, cs);
      this.applied = e.index;
      if (cc.type === ConfChangeType.CONF_CHANGE_REMOVE_NODE && cc.nodeId === this.id) {
        this.events.wasRemoved();
      }
      return;
    }
    if (e.data.byteLength > 0) this.sm.applyEntry(e);
    this.applied = e.index;
  }
}

function asProposalFailed(err: unknown): unknown {
  return err instanceof ErrProposalDropped ? new ProposalFailedError(err.message, { cause: err }) : err;
}

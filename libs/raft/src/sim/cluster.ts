/**
 * A whole simulated cluster in one thread. Each member runs the production
 * driver (RaftDriver: the one Ready loop, with production's options) over a
 * storage model (memory, or the WAL on SimDisk from libs/wal), on a manual
 * clock and the simulated network, with a KV state machine. The simulator
 * adds clients, crashes and restarts, membership changes, transfers, and the
 * safety checkers, wired into every save, apply and election through the
 * driver's observer seam.
 */
import type { UnsafeTestBugs } from '../config.js';
import { RaftDriver } from '../driver/driver.js';
import { ManualClock } from '../driver/manual-clock.js';
import { ProposalFailedError } from '../driver/errors.js';
import type { StateMachine } from '../driver/seams.js';
import type { DriverOptions } from '../driver/options.js';
import { ErrProposalDropped } from '../errors.js';
import { coreOf, nodeOf } from '../internal.js';
import type { Raft } from '../raft.js';
import { Rng } from '../random.js';
import type { RawNode } from '../rawnode.js';
import { ConfChangeType, EntryType, type ConfChange, type ConfState, type Entry, type Snapshot, emptyConfState } from '../types.js';
import { bootstrapNewCluster } from '../bootstrap.js';
import { ReadOnlyOption } from '../read-only.js';
import { SafetyChecker } from './checkers.js';
import { KvStore, decodeOp, encodeOp, type HistoryOp, type KvOp } from './kv.js';
import { SimNetwork } from './network.js';
import { MemoryStorageModel, type SimStorage, type SimStorageModel } from './storage-model.js';

/** Milliseconds of the manual clock per simulated step (one Raft tick). */
const TICK_MS = 20;

export interface ClusterOptions {
  seed: number;
  /** Ids of the initial voters. */
  voters: number[];
  electionTick?: number;
  heartbeatTick?: number;
  preVote?: boolean;
  checkQuorum?: boolean;
  maxSizePerMsg?: number;
  maxInflightMsgs?: number;
  maxInflightBytes?: number;
  maxUncommittedEntriesSize?: number;
  /** Applied entries between snapshots (0 = never snapshot automatically). */
  snapshotInterval?: number;
  /** Entries kept in the log behind a snapshot. */
  snapshotKeep?: number;
  bugs?: UnsafeTestBugs;
  /** Prepares a node's storage instead of bootstrapping the initial voters (scenario tests). */
  init?: (id: number, storage: SimStorage) => void;
  readOnlyOption?: ReadOnlyOption;
  /** How members keep their logs (default: in memory). */
  storage?: SimStorageModel;
  /** Production's options of the driver (send before persist, early apply, forget-leader); default on. */
  productionOptions?: boolean;
  /** A learner may be promoted only within this many entries of the commit index (production: 1000). */
  maxLearnerLag?: number;
  /** Single driver options over productionOptions, to bisect a failure. */
  driverOverrides?: Pick<DriverOptions, 'sendBeforePersist' | 'applyBeforePersist' | 'eagerCampaignTicks'>;
}

interface PendingRead {
  op: HistoryOp;
}

/** One simulated member: its storage, its driver while it runs, and its state machine. */
export class SimNode implements StateMachine {
  readonly id: number;
  storage: SimStorage;
  driver: RaftDriver | null = null;
  kv = new KvStore();
  confState: ConfState = emptyConfState();
  /** Removed from the cluster: stopped for good. */
  removed = false;
  readonly reads = new Map<string, PendingRead>();
  /** Called when an applied change removes `nodeId` (the cluster schedules its shutdown). */
  onRemove: (nodeId: number) => void = () => {};

  constructor(id: number, storage: SimStorage) {
    this.id = id;
    this.storage = storage;
  }

  get up(): boolean {
    return this.driver !== null;
  }

  /** The member's RawNode (white-box, for tests and checkers), or null while it is down. */
  get raw(): RawNode | null {
    return this.driver ? nodeOf(this.driver) : null;
  }

  get applied(): number {
    return this.driver?.appliedIndex ?? this.storage.snapshot().metadata.index;
  }

  applyEntry(e: Entry): void {
    const op = decodeOp(e.data);
    if (op) this.kv.apply(op);
  }

  applyConfChange(cc: ConfChange, cs: ConfState): void {
    this.confState = cs;
    if (cc.type === ConfChangeType.CONF_CHANGE_REMOVE_NODE) this.onRemove(cc.nodeId);
  }

  snapshotData(): Uint8Array {
    return this.kv.snapshot();
  }

  restore(data: Uint8Array, snapshot: Snapshot): void {
    this.kv = KvStore.restore(data);
    this.confState = snapshot.metadata.confState;
  }
}

export class SimCluster {
  readonly rng: Rng;
  readonly net: SimNetwork;
  readonly clock = new ManualClock();
  readonly nodes = new Map<number, SimNode>();
  readonly checker = new SafetyChecker();
  readonly history: HistoryOp[] = [];
  /** Write op ids in committed-log order (first occurrence). */
  readonly writeOrder: number[] = [];
  now = 0;
  private nextOpId = 1;
  private readonly opsById = new Map<number, HistoryOp>();
  private readonly pendingWrites = new Map<number, { op: KvOp; lastTry: number; backoff: number }>();
  private readonly seenOps = new Set<number>();
  private readonly stopAt = new Map<number, number>();
  readonly model: SimStorageModel;
  readonly opts: Required<Omit<ClusterOptions, 'bugs' | 'init' | 'storage' | 'driverOverrides'>> & { bugs: UnsafeTestBugs };
  private readonly overrides: ClusterOptions['driverOverrides'];
  /** Jitter: probability that a live node ticks in a step. */
  tickProbability = 1;

  constructor(o: ClusterOptions) {
    this.opts = {
      seed: o.seed,
      voters: o.voters,
      electionTick: o.electionTick ?? 10,
      heartbeatTick: o.heartbeatTick ?? 1,
      preVote: o.preVote ?? true,
      checkQuorum: o.checkQuorum ?? true,
      maxSizePerMsg: o.maxSizePerMsg ?? 1024 * 1024,
      maxInflightMsgs: o.maxInflightMsgs ?? 256,
      maxInflightBytes: o.maxInflightBytes ?? 0,
      maxUncommittedEntriesSize: o.maxUncommittedEntriesSize ?? 0,
      snapshotInterval: o.snapshotInterval ?? 0,
      snapshotKeep: o.snapshotKeep ?? 5,
      bugs: o.bugs ?? {},
      readOnlyOption: o.readOnlyOption ?? ReadOnlyOption.Safe,
      productionOptions: o.productionOptions ?? true,
      maxLearnerLag: o.maxLearnerLag ?? 0,
    };
    this.model = o.storage ?? new MemoryStorageModel();
    this.overrides = o.driverOverrides;
    this.rng = new Rng(o.seed);
    this.net = new SimNetwork(this.rng.fork());
    this.checker.onNewCommitted = (e) => {
      if (e.type !== EntryType.ENTRY_NORMAL) return;
      const op = decodeOp(e.data);
      if (op && !this.seenOps.has(op.id)) {
        this.seenOps.add(op.id);
        this.writeOrder.push(op.id);
        const h = this.opsById.get(op.id);
        if (h && h.respond === Infinity) h.respond = this.now;
        this.pendingWrites.delete(op.id);
      }
    };
    for (const id of o.voters) {
      const n = this.newNode(id);
      if (o.init) o.init(id, n.storage);
      else bootstrapNewCluster(n.storage, o.voters);
      this.start(n);
    }
  }

  // ---- node lifecycle ----

  private newNode(id: number): SimNode {
    const n = new SimNode(id, this.model.open(id));
    n.onRemove = (nodeId) => {
      const target = this.nodes.get(nodeId);
      // A removed member shuts down a little later (after it had a chance to hand over).
      if (target && !target.removed && !this.stopAt.has(nodeId)) this.stopAt.set(nodeId, this.now + 20);
    };
    this.nodes.set(id, n);
    return n;
  }

  private start(n: SimNode): void {
    try {
      n.storage = this.model.open(n.id);
    } catch (err) {
      // A process cannot start on a full disk (opening the log writes): it stays down; a later restart tries again.
      if (this.model.isDiskFull?.(err)) return;
      throw err;
    }
    const snap = n.storage.snapshot();
    n.kv = KvStore.restore(snap.data);
    n.confState = snap.metadata.confState;
    n.reads.clear();
    const production = this.opts.productionOptions;
    const o = this.opts;
    const driver = new RaftDriver({
      id: n.id,
      storage: n.storage,
      send: (m) => this.net.send(m, this.now),
      clock: this.clock,
      stateMachine: n,
      random: this.rng.fork().fn(),
      tickMs: TICK_MS,
      electionTicks: o.electionTick,
      heartbeatTicks: o.heartbeatTick,
      snapshotEveryEntries: o.snapshotInterval,
      snapshotCatchUpEntries: o.snapshotKeep,
      sendBeforePersist: production,
      applyBeforePersist: production,
      eagerCampaignTicks: production ? 10 : 0,
      isDiskFull: (err) => this.model.isDiskFull?.(err) ?? false,
      ...this.overrides,
      core: {
        maxSizePerMsg: o.maxSizePerMsg,
        maxInflightMsgs: o.maxInflightMsgs,
        maxInflightBytes: o.maxInflightBytes,
        maxUncommittedEntriesSize: o.maxUncommittedEntriesSize,
        preVote: o.preVote,
        checkQuorum: o.checkQuorum,
        unsafeTestBugs: o.bugs,
        readOnlyOption: o.readOnlyOption,
        maxLearnerLag: o.maxLearnerLag,
      },
      observer: {
        onBecomeLeader: () => this.checker.onBecomeLeader(n.id, nodeOf(driver)),
        beforeSave: (s) => {
          if (s.snapshot) this.checker.onSnapshot(n.id, s.snapshot);
          if (s.entries.length > 0) this.checker.beforeAppend(n.id, n.storage, s.entries);
        },
        afterSave: (s) => {
          if (s.entries.length > 0) this.checker.afterAppend(n.id, n.storage, s.entries);
        },
        beforeApply: (e) => this.checker.onApply(n.id, e),
      },
    });
    driver.onFatal((err) => {
      if (this.model.isCrash(n.id, err)) return;
      this.checker.violations.push(`member ${n.id} stopped: ${(err as Error).message}`);
    });
    n.driver = driver;
  }

  /** Adds a brand-new (empty) node that will join once the leader adds it. */
  addEmptyNode(id: number): SimNode {
    const n = this.newNode(id);
    this.start(n);
    return n;
  }

  /**
   * Crashes a node: it loses everything not durable. With `partialPersist`
   * it dies inside its pending save (the model decides what a crash leaves:
   * on SimDisk torn and lost writes; in memory a prefix of the save), having
   * sent only what a leader sends before its save.
   */
  crash(id: number, partialPersist = false): void {
    const n = this.nodes.get(id);
    if (!n || !n.driver) return;
    const driver = n.driver;
    if (partialPersist && driver.hasWork && this.model.armCrash(id, this.rng.int(8))) {
      driver.wake();
      this.clock.runDeferred();
    }
    driver.halt();
    n.driver = null;
    this.model.crash(id, this.rng);
    this.net.dropTo(id);
    // The others see the connection close (production's transports report it): forget-leader runs.
    for (const other of this.nodes.values()) if (other.driver && other.id !== id) other.driver.peerUnreachable(id);
  }

  restart(id: number): void {
    const n = this.nodes.get(id);
    if (!n || n.driver || n.removed) return;
    this.start(n);
  }

  // ---- the clock ----

  /** One step: deliver due messages, tick, process every Ready, check. */
  step(): void {
    this.now++;
    this.clock.advance(TICK_MS);
    for (const m of this.net.due(this.now)) {
      const n = this.nodes.get(m.to);
      if (n?.driver) n.driver.receive(m);
    }
    for (const n of this.nodes.values()) {
      if (n.driver && (this.tickProbability >= 1 || this.rng.chance(this.tickProbability))) n.driver.tick();
    }
    this.processAll();
    for (const [id, at] of this.stopAt) {
      if (at <= this.now) {
        this.stopAt.delete(id);
        const n = this.nodes.get(id);
        if (n) {
          n.removed = true;
          this.crash(id);
        }
      }
    }
    for (const n of this.nodes.values()) if (n.driver) this.checker.observeRole(n.id, n.driver.role, n.driver.term);
    this.noticeStopped();
  }

  /** Runs every member's loop until no one has work (bounded). */
  processAll(): void {
    for (const n of this.nodes.values()) n.driver?.wake();
    this.clock.runDeferred();
    this.serveReads();
    this.noticeStopped();
  }

  /** A member whose driver stopped on its own (an armed disk killed it) is down: its disk keeps what survives. */
  private noticeStopped(): void {
    for (const n of this.nodes.values()) {
      if (n.driver?.isStopped) {
        n.driver = null;
        this.model.crash(n.id, this.rng);
        this.net.dropTo(n.id);
      }
    }
  }

  private serveReads(): void {
    for (const n of this.nodes.values()) {
      if (n.reads.size === 0 || !n.driver) continue;
      for (const [k, pr] of n.reads) {
        if (pr.op.respond !== Infinity) n.reads.delete(k);
      }
    }
  }

  // ---- clients ----

  /** A client write at node `via`. Returns the op id. */
  put(via: number, key: string): number {
    const id = this.nextOpId++;
    const op: KvOp = { id, key, value: `v${id}` };
    const h: HistoryOp = { kind: 'put', id, key, value: op.value, invoke: this.now, respond: Infinity };
    this.history.push(h);
    this.opsById.set(id, h);
    this.pendingWrites.set(id, { op, lastTry: this.now, backoff: 0 });
    this.tryPropose(via, op);
    return id;
  }

  private tryPropose(via: number, op: KvOp): boolean {
    const n = this.nodes.get(via);
    if (!n || !n.driver) return false;
    try {
      n.driver.propose(encodeOp(op));
      return true;
    } catch (e) {
      if (e instanceof ProposalFailedError) return false;
      throw e;
    }
  }

  /** A linearizable read through ReadIndex at node `via` (answered once the member has applied the read index). */
  get(via: number, key: string): number | undefined {
    const n = this.nodes.get(via);
    if (!n || !n.driver) return undefined;
    const id = this.nextOpId++;
    const h: HistoryOp = { kind: 'get', id, key, value: undefined, invoke: this.now, respond: Infinity };
    this.history.push(h);
    n.reads.set(`r${id}`, { op: h });
    const driver = n.driver;
    driver.readIndexThen((err) => {
      if (err || n.driver !== driver) return; // never answered: stays pending in the history
      h.value = n.kv.get(key);
      h.respond = this.now;
    });
    return id;
  }

  /**
   * Re-proposes writes that have not committed for `after` steps (the wait
   * doubles per retry, up to 4x more: clients back off), at the leader or at
   * a random live member of its configuration.
   */
  retryPending(after: number): void {
    if (this.pendingWrites.size === 0) return;
    const leader = this.leader();
    let live = this.liveMembers();
    if (leader) {
      const st = leader.driver!.status();
      live = live.filter((n) => st.voters.includes(n.id) || st.learners.includes(n.id));
    }
    if (live.length === 0) return;
    for (const p of this.pendingWrites.values()) {
      if (this.now - p.lastTry < after + p.backoff) continue;
      p.lastTry = this.now;
      p.backoff = Math.min(after * 4, p.backoff === 0 ? after : p.backoff * 2);
      this.tryPropose(leader && this.rng.chance(0.7) ? leader.id : this.rng.pick(live).id, p.op);
    }
  }

  /** Clients start retrying at the base pace again (the network was healed). */
  resetBackoff(): void {
    for (const p of this.pendingWrites.values()) p.backoff = 0;
  }

  get pendingWriteCount(): number {
    return this.pendingWrites.size;
  }

  isCompleted(opId: number): boolean {
    return (this.opsById.get(opId)?.respond ?? Infinity) !== Infinity;
  }

  // ---- queries ----

  /** The live leader with the highest term, if any. */
  leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const n of this.nodes.values()) {
      if (n.driver && n.driver.role === 'leader' && (!best || n.driver.term > best.driver!.term)) best = n;
    }
    return best;
  }

  liveMembers(): SimNode[] {
    return [...this.nodes.values()].filter((n) => n.driver && !n.removed);
  }

  proposeConfChange(cc: ConfChange): boolean {
    const l = this.leader();
    if (!l) return false;
    try {
      nodeOf(l.driver!).proposeConfChange(cc);
      l.driver!.wake();
      return true;
    } catch (e) {
      if (e instanceof ErrProposalDropped) return false;
      throw e;
    }
  }

  /** Runs steps until pred() holds or the budget runs out. Returns whether it held. */
  runUntil(pred: () => boolean, maxSteps: number): boolean {
    for (let k = 0; k < maxSteps; k++) {
      if (pred()) return true;
      this.step();
      if (!this.checker.ok) return false;
    }
    return pred();
  }

  /** Steps until no message is in flight and no node has work (or the budget runs out). */
  settle(maxSteps = 200): void {
    for (let k = 0; k < maxSteps && this.checker.ok; k++) {
      this.step();
      if (this.net.inFlight === 0 && ![...this.nodes.values()].some((n) => n.driver?.hasWork)) return;
    }
  }

  node(id: number): SimNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  /** The member's driver (throws while it is down). */
  driver(id: number): RaftDriver {
    const d = this.node(id).driver;
    if (!d) throw new Error(`node ${id} is down`);
    return d;
  }

  /** The member's RawNode (white-box, tests). */
  raw(id: number): RawNode {
    return nodeOf(this.driver(id));
  }

  /** The member's core (white-box, tests). */
  core(id: number): Raft {
    return coreOf(this.raw(id));
  }

  /** Makes `id` campaign and settles the network. */
  campaign(id: number): void {
    this.driver(id).campaign();
    this.settle();
  }

  run(steps: number): void {
    for (let k = 0; k < steps && this.checker.ok; k++) this.step();
  }
}

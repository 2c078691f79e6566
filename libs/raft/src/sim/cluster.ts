/**
 * A whole simulated cluster in one thread: nodes (RawNode + MemoryStorage +
 * a KV state machine), the simulated network, clients, crashes and
 * restarts, membership changes, transfers and snapshots, and the safety
 * checkers wired into every persist, apply and step.
 */
import type { UnsafeTestBugs } from '../config.js';
import { decodeConfChange } from '../confchange.js';
import { ErrProposalDropped } from '../errors.js';
import { MemoryStorage } from '../memory-storage.js';
import { Rng } from '../random.js';
import { RawNode, type Ready } from '../rawnode.js';
import { ConfChangeType, EntryType, MessageType, type ConfChange, type ConfState, type Entry, emptyConfState } from '../types.js';
import { bootstrapNewCluster } from '../bootstrap.js';
import { ReadOnlyOption } from '../read-only.js';
import { SafetyChecker } from './checkers.js';
import { KvStore, decodeOp, encodeOp, type HistoryOp, type KvOp } from './kv.js';
import { SimNetwork } from './network.js';

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
  init?: (id: number, storage: MemoryStorage) => void;
  readOnlyOption?: ReadOnlyOption;
}

interface PendingRead {
  op: HistoryOp;
  index: number;
}

export class SimNode {
  readonly id: number;
  readonly storage = new MemoryStorage();
  raw: RawNode | null = null;
  kv = new KvStore();
  confState: ConfState = emptyConfState();
  applied = 0;
  /** Removed from the cluster: stopped for good. */
  removed = false;
  readonly reads = new Map<string, PendingRead>();

  constructor(id: number) {
    this.id = id;
  }

  get up(): boolean {
    return this.raw !== null;
  }
}

export class SimCluster {
  readonly rng: Rng;
  readonly net: SimNetwork;
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
  readonly opts: Required<Omit<ClusterOptions, 'bugs' | 'init'>> & { bugs: UnsafeTestBugs };
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
    };
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
      const n = new SimNode(id);
      if (o.init) o.init(id, n.storage);
      else bootstrapNewCluster(n.storage, o.voters);
      this.nodes.set(id, n);
      this.start(n);
    }
  }

  // ---- node lifecycle ----

  private start(n: SimNode): void {
    const snap = n.storage.snapshot();
    n.kv = KvStore.restore(snap.data);
    n.confState = snap.metadata.confState;
    n.applied = snap.metadata.index;
    n.reads.clear();
    n.raw = new RawNode({
      id: n.id,
      electionTick: this.opts.electionTick,
      heartbeatTick: this.opts.heartbeatTick,
      storage: n.storage,
      random: this.rng.fork().fn(),
      applied: n.applied,
      maxSizePerMsg: this.opts.maxSizePerMsg,
      maxInflightMsgs: this.opts.maxInflightMsgs,
      maxInflightBytes: this.opts.maxInflightBytes,
      maxUncommittedEntriesSize: this.opts.maxUncommittedEntriesSize,
      preVote: this.opts.preVote,
      checkQuorum: this.opts.checkQuorum,
      unsafeTestBugs: this.opts.bugs,
      readOnlyOption: this.opts.readOnlyOption,
    });
  }

  /** Adds a brand-new (empty) node that will join once the leader adds it. */
  addEmptyNode(id: number): SimNode {
    const n = new SimNode(id);
    this.nodes.set(id, n);
    this.start(n);
    return n;
  }

  /**
   * Crashes a node: it loses everything not persisted. If it had work
   * pending, it may have persisted a prefix of it (entries in order, then
   * the hard state) without sending anything.
   */
  crash(id: number, partialPersist = false): void {
    const n = this.nodes.get(id);
    if (!n || !n.raw) return;
    if (partialPersist && n.raw.hasReady()) {
      const rd = n.raw.ready();
      if (rd.snapshot && this.rng.chance(0.5)) {
        n.storage.applySnapshot(rd.snapshot);
      } else if (!rd.snapshot && rd.entries.length > 0) {
        const k = this.rng.int(rd.entries.length + 1);
        const part = rd.entries.slice(0, k);
        this.checker.beforeAppend(id, n.storage, part);
        n.storage.append(part);
        this.checker.afterAppend(id, n.storage, part);
        if (k === rd.entries.length && rd.hardState && this.rng.chance(0.5)) n.storage.setHardState(rd.hardState);
      } else if (!rd.snapshot && rd.hardState && this.rng.chance(0.5)) {
        n.storage.setHardState(rd.hardState);
      }
    }
    n.raw = null;
    this.net.dropTo(id);
  }

  restart(id: number): void {
    const n = this.nodes.get(id);
    if (!n || n.raw || n.removed) return;
    this.start(n);
  }

  // ---- the clock ----

  /** One step: deliver due messages, tick, process every Ready, check. */
  step(): void {
    this.now++;
    for (const m of this.net.due(this.now)) {
      const n = this.nodes.get(m.to);
      if (!n || !n.raw) continue;
      try {
        n.raw.step(m);
      } catch (e) {
        if (!(e instanceof ErrProposalDropped) && !(e instanceof Error && e.name === 'ErrStepPeerNotFound')) throw e;
      }
    }
    for (const n of this.nodes.values()) {
      if (n.raw && (this.tickProbability >= 1 || this.rng.chance(this.tickProbability))) n.raw.tick();
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
    for (const n of this.nodes.values()) if (n.raw) this.checker.observeRole(n.id, n.raw);
  }

  processAll(): void {
    for (let round = 0; round < 4; round++) {
      let any = false;
      for (const n of this.nodes.values()) {
        while (n.raw && n.raw.hasReady()) {
          this.handleReady(n, n.raw.ready());
          any = true;
        }
      }
      if (!any) return;
    }
  }

  private handleReady(n: SimNode, rd: Ready): void {
    const raw = n.raw!;
    if (rd.softState?.role === 'leader') this.checker.onBecomeLeader(n.id, raw);
    // 1. persist
    if (rd.snapshot) {
      this.checker.onSnapshot(n.id, rd.snapshot);
      n.storage.applySnapshot(rd.snapshot);
    }
    if (rd.entries.length > 0) {
      this.checker.beforeAppend(n.id, n.storage, rd.entries);
      n.storage.append(rd.entries);
      this.checker.afterAppend(n.id, n.storage, rd.entries);
    }
    if (rd.hardState) n.storage.setHardState(rd.hardState);
    // 2. send
    for (const m of rd.messages) {
      const delivered = this.net.send(m, this.now);
      if (m.type === MessageType.MSG_SNAP) raw.reportSnapshot(m.to, delivered);
    }
    // 3. apply
    if (rd.snapshot) {
      n.kv = KvStore.restore(rd.snapshot.data);
      n.confState = rd.snapshot.metadata.confState;
      n.applied = rd.snapshot.metadata.index;
    }
    for (const e of rd.committedEntries) this.apply(n, e);
    for (const rs of rd.readStates) {
      const key = new TextDecoder().decode(rs.requestCtx);
      const pr = n.reads.get(key);
      if (pr) pr.index = rs.index;
    }
    raw.advance(rd);
    this.serveReads(n);
    this.maybeSnapshot(n);
  }

  private apply(n: SimNode, e: Entry): void {
    this.checker.onApply(n.id, e);
    if (e.type === EntryType.ENTRY_CONF_CHANGE) {
      const cc = decodeConfChange(e.data);
      n.confState = n.raw!.applyConfChange(cc);
      if (cc.type === ConfChangeType.CONF_CHANGE_REMOVE_NODE && !this.stopAt.has(cc.nodeId)) {
        const target = this.nodes.get(cc.nodeId);
        // A removed member shuts down a little later (after it had a chance to hand over).
        if (target && !target.removed) this.stopAt.set(cc.nodeId, this.now + 20);
      }
    } else if (e.data.byteLength > 0) {
      const op = decodeOp(e.data);
      if (op) n.kv.apply(op);
    }
    n.applied = e.index;
  }

  private serveReads(n: SimNode): void {
    if (n.reads.size === 0) return;
    for (const [k, pr] of n.reads) {
      if (pr.index >= 0 && n.applied >= pr.index) {
        pr.op.value = n.kv.get(pr.op.key);
        pr.op.respond = this.now;
        n.reads.delete(k);
      }
    }
  }

  private maybeSnapshot(n: SimNode): void {
    const every = this.opts.snapshotInterval;
    if (every <= 0) return;
    const snapIdx = n.storage.snapshot().metadata.index;
    if (n.applied - snapIdx < every) return;
    n.storage.createSnapshot(n.applied, n.confState, n.kv.snapshot());
    const compactTo = n.applied - this.opts.snapshotKeep;
    if (compactTo >= n.storage.firstIndex()) n.storage.compact(compactTo);
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
    if (!n || !n.raw) return false;
    try {
      n.raw.propose(encodeOp(op));
      return true;
    } catch (e) {
      if (e instanceof ErrProposalDropped) return false;
      throw e;
    }
  }

  /** A linearizable read through ReadIndex at node `via`. */
  get(via: number, key: string): number | undefined {
    const n = this.nodes.get(via);
    if (!n || !n.raw) return undefined;
    const id = this.nextOpId++;
    const h: HistoryOp = { kind: 'get', id, key, value: undefined, invoke: this.now, respond: Infinity };
    try {
      n.raw.readIndex(new TextEncoder().encode(`r${id}`));
    } catch (e) {
      if (e instanceof ErrProposalDropped) return undefined;
      throw e;
    }
    this.history.push(h);
    n.reads.set(`r${id}`, { op: h, index: -1 });
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
      const t = leader.raw!.raft.trk;
      live = live.filter((n) => t.isMember(n.id));
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
      if (n.raw && n.raw.raft.role === 'leader' && (!best || n.raw.raft.term > best.raw!.raft.term)) best = n;
    }
    return best;
  }

  liveMembers(): SimNode[] {
    return [...this.nodes.values()].filter((n) => n.raw && !n.removed);
  }

  proposeConfChange(cc: ConfChange): boolean {
    const l = this.leader();
    if (!l) return false;
    try {
      l.raw!.proposeConfChange(cc);
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
      if (this.net.inFlight === 0 && ![...this.nodes.values()].some((n) => n.raw?.hasReady())) return;
    }
  }

  node(id: number): SimNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  raw(id: number): RawNode {
    const r = this.node(id).raw;
    if (!r) throw new Error(`node ${id} is down`);
    return r;
  }

  /** Makes `id` campaign and settles the network. */
  campaign(id: number): void {
    this.raw(id).campaign();
    this.settle();
  }

  run(steps: number): void {
    for (let k = 0; k < steps && this.checker.ok; k++) this.step();
  }
}

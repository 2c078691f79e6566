/**
 * The world of the agent simulator: one manual clock (Raft drivers, the
 * effects' waits) kept in step with XState's SimulatedClock (lifecycle and
 * nominator machines), a simulated network between members with host-level
 * cuts, SimDisk per member, the store operations a host's ClusterClient
 * would make (sent to the leader it can reach, proposed through Raft and
 * answered when applied), and the lease clock the leader keeps.
 * Deterministic: one seeded Rng, no real time, no I/O.
 */
import { encodeCommand, type ApplyResult, type Command } from '@mgmt/kv';
import { ManualClock, Rng, type ConfChange, type ConfState, type Message } from '@mgmt/raft';
import { WalStorageModel } from '@mgmt/wal';
import { SimulatedClock } from 'xstate';
import { ClusterUnavailableError, type KeyValue } from '../cluster/cluster-client.js';
import { SIM_TICK_MS, SimMember } from './sim-member.js';
import type { SimHost } from './sim-host.js';
import type { ConfChangeHook } from './sim-nominator.js';

/** A proposal not applied within this long fails as unavailable (the client's deadline). */
const PROPOSAL_TIMEOUT_MS = 3_000;
/** How often the leader expires leases whose time is up. */
const LEASE_CHECK_MS = 500;

/** How many times a client call is tried when no leader takes it (ClusterClient: once per endpoint). */
const CLIENT_ATTEMPTS = 3;

/** No leader took the proposal (etcd's "no leader": the client tries elsewhere). */
export class NoLeaderError extends ClusterUnavailableError {}

const enc = new TextEncoder();
const dec = new TextDecoder();

interface InFlight {
  at: number;
  seq: number;
  m: Message;
}

/** Test-only switches of the world's members. */
export interface WorldBugs {
  /** The leader answers a write as soon as it has appended it, before a quorum has it (and without its revision). */
  ackOnAppend?: boolean;
}

/** The simulated world; see the file comment. */
export class SimWorld {
  readonly rng: Rng;
  readonly clock = new ManualClock();
  readonly xclock = new SimulatedClock();
  readonly model: WalStorageModel;
  readonly members = new Map<number, SimMember>();
  readonly hosts = new Map<string, SimHost>();
  /** Host addresses that cannot reach each other ("a|b" cuts a -> b). */
  private readonly cuts = new Set<string>();
  private queue: InFlight[] = [];
  private seq = 0;
  /** Lease id -> deadline (world ms), as the leader's lease clock keeps them. */
  private readonly leaseDeadlines = new Map<number, number>();
  private leaseLeader = 0;
  private lastLeaseCheckMs = 0;
  /** Called after every step (the checkers). */
  readonly afterStep: Array<() => void> = [];
  /** Told of every membership change a member applies: (member, before, after). */
  readonly onConfApplied: Array<(m: SimMember, voters: number[], learners: number[]) => void> = [];
  /** Told when an agent is about to stop its member on purpose (a leave, a removal), before it stops. */
  readonly onMemberLeaving: Array<(m: SimMember) => void> = [];
  /** Every membership change the agents propose passes these, outermost first (the checkers count; a planted bug meddles). */
  readonly confChangeHooks: ConfChangeHook[] = [];
  steps = 0;

  constructor(
    readonly seed: number,
    private readonly bugs: WorldBugs = {},
  ) {
    this.rng = new Rng(seed);
    this.model = new WalStorageModel(seed);
  }

  get nowMs(): number {
    return this.clock.nowMs();
  }

  // ---- network ----

  /** Cuts `a` from `b` in both directions (or one way with `oneWay`). */
  cut(a: string, b: string, oneWay = false): void {
    this.cuts.add(`${a}|${b}`);
    if (!oneWay) this.cuts.add(`${b}|${a}`);
  }

  heal(): void {
    this.cuts.clear();
  }

  /** Whether host `from` can reach host `to` now. */
  reaches(from: string, to: string): boolean {
    return !this.cuts.has(`${from}|${to}`);
  }

  private hostOf(memberId: number): string | undefined {
    return this.members.get(memberId)?.o.address;
  }

  /** A member's send: lost when the hosts are cut, else delivered 1-2 steps later. */
  send(m: Message): boolean {
    const from = this.hostOf(m.from);
    const to = this.hostOf(m.to);
    const target = this.members.get(m.to);
    if (!from || !to || !target || target.stopped || !this.reaches(from, to)) return false;
    this.queue.push({ at: this.steps + 1 + this.rng.int(2), seq: this.seq++, m });
    return true;
  }

  // ---- members ----

  /** Opens a member on its disk and registers it with the network. */
  openMember(o: { memberId: number; clusterId: string; hostname: string; address: string; peerUrls: string[]; bootstrap: boolean }): SimMember {
    const member: SimMember = new SimMember({
      ...o,
      model: this.model,
      clock: this.clock,
      rng: this.rng,
      send: (m) => this.send(m),
      proposeConfChange: (cc, propose) => this.throughHooks(member, cc, propose),
    });
    this.members.set(o.memberId, member);
    member.state.onConfChange(() => {
      const conf = member.driver.conf;
      for (const fn of this.onConfApplied) fn(member, [...conf.voters], [...conf.learners]);
    });
    return member;
  }

  private throughHooks(m: SimMember, cc: ConfChange, propose: (cc: ConfChange) => Promise<ConfState>, from = 0): Promise<ConfState> {
    const hook = this.confChangeHooks[from];
    return hook ? hook(m, cc, (next) => this.throughHooks(m, next, propose, from + 1)) : propose(cc);
  }

  /** A member's process died: it halts, and its disk keeps only what survives a power cut. */
  crashMember(id: number): void {
    const m = this.members.get(id);
    if (!m || m.stopped) return;
    m.halt();
    this.model.crash(id, this.rng);
    this.queue = this.queue.filter((f) => f.m.to !== id);
    for (const other of this.members.values()) if (!other.stopped && other.id !== id) other.driver.peerUnreachable(id);
  }

  /** Running members. */
  running(): SimMember[] {
    return [...this.members.values()].filter((m) => !m.stopped);
  }

  /** The leader `host` reaches (the newest term if two think they lead), if any. */
  leaderFor(host: string): SimMember | undefined {
    let best: SimMember | undefined;
    for (const m of this.running()) {
      if (!m.driver.isLeader || !this.reaches(host, m.o.address) || !this.reaches(m.o.address, host)) continue;
      if (!best || m.driver.term > best.driver.term) best = m;
    }
    return best;
  }

  /** The leader of the newest term among running members. */
  leader(): SimMember | undefined {
    let best: SimMember | undefined;
    for (const m of this.running()) if (m.driver.isLeader && (!best || m.driver.term > best.driver.term)) best = m;
    return best;
  }

  // ---- store operations (a host's client) ----

  /**
   * Proposes `command` through the leader `host` reaches; resolves when
   * applied there. With no leader (or one that refuses: a transfer under
   * way) it tries again on the next steps, up to CLIENT_ATTEMPTS times, as
   * ClusterClient tries each endpoint it knows in turn before giving up.
   */
  async propose(host: string, command: Command): Promise<ApplyResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.proposeOnce(host, command);
      } catch (err) {
        if (!(err instanceof NoLeaderError) || attempt >= CLIENT_ATTEMPTS) throw err;
        await new Promise<void>((r) => this.clock.after(SIM_TICK_MS, r));
      }
    }
  }

  private proposeOnce(host: string, command: Command): Promise<ApplyResult> {
    const leader = this.leaderFor(host);
    if (!leader) return Promise.reject(new NoLeaderError(`${host}: no leader reachable`));
    const id = this.rng.int(2 ** 30) + 1;
    return new Promise((resolve, reject) => {
      leader.state.expect(id, resolve);
      const cancel = this.clock.after(PROPOSAL_TIMEOUT_MS, () => {
        leader.state.forget(id);
        reject(new ClusterUnavailableError(`${host}: request timed out`));
      });
      try {
        leader.driver.propose(encodeCommand(command, id));
        if (this.bugs.ackOnAppend) {
          cancel();
          leader.state.forget(id);
          resolve({ ok: true, revision: 0, response: {} });
        }
      } catch (err) {
        cancel();
        leader.state.forget(id);
        reject(new NoLeaderError(`${host}: ${(err as Error).message}`));
      }
    });
  }

  /** Proposes and fails on an etcd error. */
  async write(host: string, command: Command): Promise<ApplyResult & { ok: true }> {
    const r = await this.propose(host, command);
    if (!r.ok) throw new Error(r.error.message);
    return r;
  }

  /** The keys under `prefix` (or the one `key`) as member `m` has them. */
  read(m: SimMember, key: string, prefix: boolean): KeyValue[] {
    const k = enc.encode(key);
    const end = prefix ? enc.encode(key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) + 1)) : undefined;
    const answer = m.state.kv.range({ key: k, ...(end ? { rangeEnd: end } : {}) });
    return answer.kvs.map((kv) => ({ key: dec.decode(kv.key ?? new Uint8Array()), value: dec.decode(kv.value ?? new Uint8Array()), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0) }));
  }

  // ---- leases (the leader's lease clock) ----

  /** A keep-alive from `host` for `lease`: its remaining life, 0 when the lease is gone or no leader answers. */
  renewLease(host: string, lease: number, ttlMs: number): number {
    const leader = this.leaderFor(host);
    if (!leader) return -1;
    if (!leader.state.kv.lease(lease)) return 0;
    this.leaseDeadlines.set(lease, this.nowMs + ttlMs);
    return ttlMs;
  }

  /** The leader expires leases whose time is up (a new leader restarts every countdown, as etcd's lessor does). */
  private expireLeases(ttlMs: number): void {
    const leader = this.leader();
    if (!leader) return;
    if (leader.id !== this.leaseLeader) {
      this.leaseLeader = leader.id;
      for (const id of this.leaseDeadlines.keys()) this.leaseDeadlines.set(id, this.nowMs + ttlMs);
    }
    if (this.nowMs - this.lastLeaseCheckMs < LEASE_CHECK_MS) return;
    this.lastLeaseCheckMs = this.nowMs;
    const due = [...this.leaseDeadlines].filter(([id, at]) => at <= this.nowMs && leader.state.kv.lease(id)).map(([id]) => id);
    if (due.length === 0) return;
    for (const id of due) this.leaseDeadlines.delete(id);
    void this.propose(leader.o.address, { leaseExpire: { IDs: due } }).catch(() => {
      for (const id of due) this.leaseDeadlines.set(id, this.nowMs);
    });
  }

  /** A lease granted through `host`, counted from now. */
  noteLease(id: number, ttlMs: number): void {
    this.leaseDeadlines.set(id, this.nowMs + ttlMs);
  }

  // ---- time ----

  /** One step: deliver due messages, tick every member, run their Readys, step the hosts, check. */
  async step(leaseTtlMs: number): Promise<void> {
    this.steps++;
    this.clock.advance(SIM_TICK_MS);
    this.xclock.increment(SIM_TICK_MS);
    const due = this.queue.filter((f) => f.at <= this.steps).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.queue = this.queue.filter((f) => f.at > this.steps);
    for (const f of due) {
      const from = this.hostOf(f.m.from);
      const to = this.hostOf(f.m.to);
      if (from && to && this.reaches(from, to)) this.members.get(f.m.to)?.receive(f.m, this.nowMs);
    }
    for (const m of this.running()) m.driver.tick();
    this.processAll();
    this.expireLeases(leaseTtlMs);
    for (const h of this.hosts.values()) h.step();
    await settle();
    this.processAll();
    await settle();
    for (const fn of this.afterStep) fn();
  }

  /** Runs every member's loop until no one has work. */
  processAll(): void {
    for (const m of this.running()) m.driver.wake();
    this.clock.runDeferred();
  }
}

/** Lets every promise chain that can move on do so (no real time passes in the world). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 1; i++) await new Promise<void>((r) => setImmediate(r));
}

/**
 * The etcd API's backend over our Raft member: writes are proposed through
 * Raft (forwarded to the leader by followers) and answered when applied
 * here; linearizable reads wait on ReadIndex; leases are timed by the
 * leader, which proposes their expiry through the log. Lease keep-alives and
 * time-to-live answers come from the leader: a follower forwards them to the
 * leader's client URL, as etcd forwards them over its peer port.
 */
import { ETCD_COMPATIBLE_VERSION, EtcdError, Errors, LeaseClock, type ApplyResult, type BackendStatus, type Command, type EtcdBackend, type HeaderInfo, type MemberInfo } from '@mgmt/kv';
import { ConfChangeType, ErrConfChangeRefused, ErrProposalDropped } from '@mgmt/raft';
import { randomInt } from 'node:crypto';
import { encodeMemberAttributes } from '../cluster/members.js';
import type { Logger } from '../log.js';
import type { Member } from '../raft/member.js';
import { ProposalTimeoutError, Proposer } from '../raft/proposer.js';
import { ProposalFailedError } from '../raft/raft-server.js';
import { defragmentMember } from '../raft/defragment.js';
import { LeaderForwarder } from './leader-forwarder.js';
import type { DialTls } from '../security/agent-tls.js';
import { applyGapRefusal } from './apply-gap.js';
import { CompactionTarget, DEFAULT_COMPACTION_POLICY } from './compaction-target.js';
import { MemberClientUrls } from './member-client-urls.js';


/** Options of the backend. */
export interface RaftBackendOptions {
  member: Member;
  /** The cluster id as etcd reports it (a number). */
  clusterIdNumber: number;
  logger: Logger;
  /** How often the leader checks for expired leases, in its heartbeat rounds (default LEASE_CHECK_BEATS). */
  leaseCheckBeats?: number;
  /**
   * Revisions of history kept: the leader compacts older ones (etcd's
   * --auto-compaction-mode=revision). The store is in memory, so unbounded
   * history would be unbounded memory. 0 turns it off.
   */
  autoCompactionRetention?: number;
  /** Revisions younger than this are kept too, up to 100,000 (compaction-target.ts; default 60 s). */
  autoCompactionMinAgeMs?: number;
  /** Bytes the member's data takes on disk (Status.dbSize); absent: the keyspace's size. */
  diskBytes?: () => number;
  /**
   * How often the leader considers compacting (default 5 s: under a write
   * load, history past the retention is memory held for nothing).
   */
  autoCompactionIntervalMs?: number;
  /** How long a read barrier or proposal may take before "request timed out". */
  requestTimeoutMs?: number;
  /** How to dial an `https://` leader for the lease calls a follower forwards (the agent's client identity). */
  dialTls?: DialTls;
  now?: () => number;
}

/** Maps an error from the Raft side to what an etcd client expects. */
export function toEtcdError(err: unknown): EtcdError {
  if (err instanceof EtcdError) return err;
  if (err instanceof ProposalTimeoutError) return Errors.timeout(err);
  if (err instanceof ProposalFailedError && err.cause instanceof ErrConfChangeRefused) err = err.cause;
  if (err instanceof ErrConfChangeRefused) return new EtcdError(Errors.memberNotEnoughStarted().code, `etcdserver: ${err.message}`, { cause: err });
  if (err instanceof ProposalFailedError || err instanceof ErrProposalDropped) return Errors.noLeader(err);
  return Errors.timeout(err);
}

/** EtcdBackend over a Raft member. */
/**
 * Leases expired by one proposal (one every lease check, 500 ms). Each takes
 * its keys with it, and each key's deletion goes to every watcher: a fleet
 * whose thousand leases lapsed together was one entry of thousands of
 * deletions times a thousand watchers, which stalled the members past an
 * election timeout (etcd also revokes in bounded batches, 1,000 a second).
 */
const LEASES_EXPIRED_PER_PROPOSAL = 100;
/** The leader checks for expired leases every this many heartbeat rounds (500 ms). */
const LEASE_CHECK_BEATS = 5;

export class RaftBackend implements EtcdBackend {
  readonly store;
  readonly leaseClock;
  private readonly member: Member;
  private readonly proposer: Proposer;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly requestTimeoutMs: number;
  private readonly stopLeaseChecks: () => void;
  private readonly compactTimer: NodeJS.Timeout;
  private readonly forwarder: LeaderForwarder;
  private readonly unsubscribe: () => void;
  private expiring = false;
  private readonly clientUrls: MemberClientUrls;

  constructor(private readonly options: RaftBackendOptions) {
    this.member = options.member;
    this.store = this.member.state.kv;
    this.log = options.logger;
    this.now = options.now ?? Date.now;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
    this.forwarder = new LeaderForwarder(options.dialTls);
    this.proposer = new Proposer(this.member.raft, this.member.state, this.requestTimeoutMs);
    this.leaseClock = new LeaseClock(this.store);
    this.clientUrls = new MemberClientUrls(this.store);
    // A new leader restarts every lease's countdown (etcd's lessor.Promote).
    this.unsubscribe = this.member.raft.onLeaderChange((lead) => {
      if (lead === this.member.identity.memberId) this.leaseClock.refreshAll(this.now());
    });
    if (this.member.raft.isLeader) this.leaseClock.refreshAll(this.now());
    // The checks ride on the leader's heartbeat rounds (no timer of their own: an idle leader's
    // wake-ups are most of its cost), and a follower makes none. A late round (a stall) credits the
    // stall to every lease; the due leases are picked after this turn's I/O (setImmediate runs after
    // the poll phase), so keep-alives already waiting on the sockets count first.
    const everyBeats = Math.max(1, options.leaseCheckBeats ?? LEASE_CHECK_BEATS);
    let beats = 0;
    this.stopLeaseChecks = this.member.raft.onBeat(() => {
      if (++beats % everyBeats !== 0) return;
      this.leaseClock.creditStall(this.now(), everyBeats * this.member.raft.beatMs);
      setImmediate(() => void this.expireLeases());
    });
    const retention = options.autoCompactionRetention ?? DEFAULT_COMPACTION_POLICY.retention;
    const compaction = new CompactionTarget({
      retention,
      minAgeMs: options.autoCompactionMinAgeMs ?? DEFAULT_COMPACTION_POLICY.minAgeMs,
      maxRetention: Math.max(retention, DEFAULT_COMPACTION_POLICY.maxRetention),
    });
    this.compactTimer = setInterval(() => void this.autoCompact(compaction), options.autoCompactionIntervalMs ?? 5_000);
    this.compactTimer.unref();
  }

  /** Stops the timers and closes forwarding connections. */
  close(): void {
    this.stopLeaseChecks();
    clearInterval(this.compactTimer);
    this.proposer.close();
    this.unsubscribe();
    this.forwarder.close();
  }

  async propose(command: Command): Promise<ApplyResult> {
    const refused = applyGapRefusal(this.member.raft.committedIndex, this.member.raft.appliedIndex);
    if (refused) throw refused;
    try {
      return await this.proposer.propose(command);
    } catch (err) {
      throw toEtcdError(err);
    }
  }

  async readIndex(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.member.raft.readIndex(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ProposalTimeoutError(this.requestTimeoutMs)), this.requestTimeoutMs);
        }),
      ]);
    } catch (err) {
      throw toEtcdError(err);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  async leaseKeepAlive(id: number): Promise<number> {
    if (this.member.raft.isLeader) return this.leaseClock.renew(id, this.now());
    return this.forwarder.keepAlive(this.leaderClientUrl(), id);
  }

  async leaseTimeToLive(id: number): Promise<{ ttlSeconds: number; grantedTtlSeconds: number }> {
    if (this.member.raft.isLeader) return this.leaseClock.timeToLive(id, this.now());
    return this.forwarder.timeToLive(this.leaderClientUrl(), id);
  }

  private async expireLeases(): Promise<void> {
    if (!this.member.raft.isLeader || this.expiring) return;
    const due = this.leaseClock.due(this.now(), LEASES_EXPIRED_PER_PROPOSAL);
    if (due.length === 0) return;
    this.expiring = true;
    try {
      await this.proposer.propose({ leaseExpire: { IDs: due } });
    } catch (err) {
      this.log.warn({ err: (err as Error).message, leases: due.length }, 'lease expiry not committed; will retry');
    } finally {
      this.expiring = false;
    }
  }

  /** On the leader: compacts the history the policy lets go (compaction-target.ts), through the log like any write. */
  private async autoCompact(compaction: CompactionTarget): Promise<void> {
    const now = performance.now();
    // Every member notes the revisions over time, so a new leader knows their age too.
    compaction.note(now, this.store.revision);
    if (!this.member.raft.isLeader) return;
    const target = compaction.target(now, this.store.revision, this.store.compactRevision);
    if (target === undefined) return;
    try {
      const r = await this.proposer.propose({ compaction: { revision: target } });
      if (r.ok) this.log.info({ revision: target }, 'auto-compacted history');
    } catch (err) {
      this.log.debug({ err: (err as Error).message }, 'auto-compaction not committed; will retry');
    }
  }

  /** The client URLs a member advertises (member-client-urls.ts: kept when its leased key goes). */
  private clientUrlsOf(name: string): string[] {
    return this.clientUrls.of(name);
  }

  private leaderClientUrl(): string {
    const lead = this.member.raft.leader;
    if (lead === 0) throw Errors.noLeader();
    const info = this.member.state.members.get(lead);
    const url = info ? this.clientUrlsOf(info.name)[0] : undefined;
    if (!url) throw Errors.noLeader();
    return url;
  }

  async members(): Promise<readonly MemberInfo[]> {
    const list = this.member.state.members.list();
    this.clientUrls.retain(new Set(list.map((m) => m.name)));
    return list.map((m) => ({ ...m, clientUrls: this.clientUrlsOf(m.name) }));
  }

  private async changeMembership(type: ConfChangeType, nodeId: number, context?: Uint8Array): Promise<readonly MemberInfo[]> {
    try {
      await this.member.raft.proposeConfChange({ type, nodeId, context });
    } catch (err) {
      throw toEtcdError(err);
    }
    return this.members();
  }

  async memberAdd(peerUrls: readonly string[], isLearner: boolean): Promise<{ member: MemberInfo; members: readonly MemberInfo[] }> {
    for (const m of this.member.state.members.list()) if (m.peerUrls.some((u) => peerUrls.includes(u))) throw Errors.peerUrlExists();
    const id = randomInt(1, 2 ** 47);
    const type = isLearner ? ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE : ConfChangeType.CONF_CHANGE_ADD_NODE;
    const members = await this.changeMembership(type, id, encodeMemberAttributes({ name: '', peerUrls: [...peerUrls] }));
    const member = members.find((m) => m.id === id) ?? { id, name: '', peerUrls: [...peerUrls], clientUrls: [], isLearner };
    return { member, members };
  }

  async memberRemove(id: number): Promise<readonly MemberInfo[]> {
    if (!this.member.state.members.has(id)) throw Errors.memberNotFound();
    return this.changeMembership(ConfChangeType.CONF_CHANGE_REMOVE_NODE, id);
  }

  async memberUpdate(id: number, peerUrls: readonly string[]): Promise<readonly MemberInfo[]> {
    const m = this.member.state.members.get(id);
    if (!m) throw Errors.memberNotFound();
    return this.changeMembership(ConfChangeType.CONF_CHANGE_UPDATE_NODE, id, encodeMemberAttributes({ name: m.name, peerUrls: [...peerUrls] }));
  }

  async memberPromote(id: number): Promise<readonly MemberInfo[]> {
    const m = this.member.state.members.get(id);
    if (!m) throw Errors.memberNotFound();
    if (!m.isLearner) throw Errors.memberNotLearner();
    if (!this.member.raft.isLeader) throw Errors.notLeader();
    const st = this.member.raft.status();
    const progress = st.progress.find((p) => p.id === id);
    // etcd's rule: a learner is ready when its match index is at least 90% of the leader's.
    if (!progress || progress.match < st.commit * 0.9) throw Errors.learnerNotReady();
    try {
      return await this.changeMembership(ConfChangeType.CONF_CHANGE_ADD_NODE, id);
    } catch (err) {
      if (err instanceof EtcdError && err.message.includes('learner')) throw Errors.learnerNotReady(err);
      throw err;
    }
  }

  async status(): Promise<BackendStatus> {
    const st = this.member.raft.status();
    const self = this.member.state.members.get(this.member.identity.memberId);
    const dbSizeBytes = this.options.diskBytes?.() || this.store.sizeBytes;
    return {
      version: ETCD_COMPATIBLE_VERSION,
      dbSizeBytes,
      // The keyspace's in-memory estimate can exceed its encoded snapshot
      // just after a defragment; etcd's in-use never exceeds its size (the
      // mixin's fragmentation panels divide one by the other).
      dbSizeInUseBytes: Math.min(this.store.sizeBytes, dbSizeBytes),
      leader: st.lead,
      raftIndex: st.commit,
      raftTerm: st.term,
      raftAppliedIndex: this.member.raft.appliedIndex,
      isLearner: self?.isLearner ?? false,
      errors: st.lead === 0 ? ['etcdserver: no leader'] : [],
    };
  }

  header(): HeaderInfo {
    return { clusterId: this.options.clusterIdNumber, memberId: this.member.identity.memberId, raftTerm: this.member.raft.term };
  }

  /** Maintenance.Defragment: a fresh snapshot, the log and snapshot files it supersedes removed (raft/defragment.ts). */
  async defragment(): Promise<void> {
    const beforeBytes = this.options.diskBytes?.();
    const snapshotted = await defragmentMember(this.member.raft, this.member.storage);
    this.log.info({ beforeBytes, afterBytes: this.options.diskBytes?.(), snapshotted }, 'defragmented');
  }

  async moveLeader(targetId: number): Promise<void> {
    if (!this.member.state.members.has(targetId)) throw Errors.badLeaderTransferee();
    if (!this.member.raft.isLeader) throw Errors.notLeader();
    this.member.raft.transferLeadership(targetId);
  }
}


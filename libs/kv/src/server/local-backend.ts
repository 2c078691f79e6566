import { randomInt } from 'node:crypto';
import { encodeCommand, MAX_REQUEST_BYTES } from '../command.js';
import { Errors } from '../errors.js';
import { LeaseClock } from '../lease-clock.js';
import { KvStore, type ApplyResult } from '../store.js';
import type { Command } from '../types.js';
import type { BackendStatus, EtcdBackend, HeaderInfo, MemberInfo } from './backend.js';

/** The etcd version LocalBackend reports (etcdctl 3.4 prints it). */
export const ETCD_COMPATIBLE_VERSION = '3.4.23';

/** Options of LocalBackend. */
export interface LocalBackendOptions {
  /** The store to serve (e.g. one restored from a snapshot); default a new empty one. */
  store?: KvStore;
  memberId?: number;
  clusterId?: number;
  name?: string;
  peerUrls?: string[];
  clientUrls?: string[];
  /** How often leases are checked for expiry (default 500 ms). */
  leaseCheckIntervalMs?: number;
  /** The clock, in ms (default Date.now); only the lease side reads it. */
  now?: () => number;
  maxRequestBytes?: number;
}

/**
 * A single-member backend in one process: each command is encoded as a Raft
 * entry would be and applied at once to the store, and this member is
 * always the leader (it expires leases itself, through the same
 * lease_expire command a Raft leader proposes). For tests of the API and for
 * a standalone agent before Raft is wired in.
 */
export class LocalBackend implements EtcdBackend {
  readonly store: KvStore;
  readonly leaseClock: LeaseClock;
  private readonly memberList: MemberInfo[];
  private readonly memberId: number;
  private readonly clusterId: number;
  private readonly now: () => number;
  private readonly maxRequestBytes: number;
  private nextProposalId = 1;
  private raftIndex = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(options: LocalBackendOptions = {}) {
    this.store = options.store ?? new KvStore();
    this.memberId = options.memberId ?? randomInt(1, 2 ** 47);
    this.clusterId = options.clusterId ?? randomInt(1, 2 ** 47);
    this.now = options.now ?? Date.now;
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.memberList = [
      {
        id: this.memberId,
        name: options.name ?? 'default',
        peerUrls: options.peerUrls ?? ['http://127.0.0.1:2380'],
        clientUrls: options.clientUrls ?? [],
        isLearner: false,
      },
    ];
    this.leaseClock = new LeaseClock(this.store);
    this.leaseClock.refreshAll(this.now());
    this.timer = setInterval(() => this.expireLeases(), options.leaseCheckIntervalMs ?? 500);
    this.timer.unref();
  }

  /** Sets the client URLs members() reports for this member (once the server listens). */
  setClientUrls(urls: string[]): void {
    const self = this.memberList[0]!;
    this.memberList[0] = { ...self, clientUrls: urls };
  }

  async propose(command: Command): Promise<ApplyResult> {
    const id = this.nextProposalId++;
    const entry = encodeCommand(command, id, this.maxRequestBytes);
    this.raftIndex++;
    const { result } = this.store.applyEntry(entry);
    // As the leader, start a granted lease's countdown now.
    if (result.ok && command.leaseGrant?.ID) this.leaseClock.renew(command.leaseGrant.ID, this.now());
    return result;
  }

  async readIndex(): Promise<void> {}

  async leaseKeepAlive(id: number): Promise<number> {
    return this.leaseClock.renew(id, this.now());
  }

  async leaseTimeToLive(id: number): Promise<{ ttlSeconds: number; grantedTtlSeconds: number }> {
    return this.leaseClock.timeToLive(id, this.now());
  }

  /** Proposes the expiry of every lease whose time is up; resolves when applied. */
  async expireLeases(): Promise<void> {
    const due = this.leaseClock.due(this.now());
    if (due.length > 0) await this.propose({ leaseExpire: { IDs: due } });
  }

  async members(): Promise<readonly MemberInfo[]> {
    return [...this.memberList];
  }

  async memberAdd(peerUrls: readonly string[], isLearner: boolean): Promise<{ member: MemberInfo; members: readonly MemberInfo[] }> {
    for (const m of this.memberList) if (m.peerUrls.some((u) => peerUrls.includes(u))) throw Errors.peerUrlExists();
    const member: MemberInfo = { id: randomInt(1, 2 ** 47), name: '', peerUrls: [...peerUrls], clientUrls: [], isLearner };
    this.memberList.push(member);
    return { member, members: [...this.memberList] };
  }

  async memberRemove(id: number): Promise<readonly MemberInfo[]> {
    const i = this.indexOf(id);
    if (id === this.memberId) throw Errors.memberNotEnoughStarted();
    this.memberList.splice(i, 1);
    return [...this.memberList];
  }

  async memberUpdate(id: number, peerUrls: readonly string[]): Promise<readonly MemberInfo[]> {
    const i = this.indexOf(id);
    this.memberList[i] = { ...this.memberList[i]!, peerUrls: [...peerUrls] };
    return [...this.memberList];
  }

  async memberPromote(id: number): Promise<readonly MemberInfo[]> {
    const i = this.indexOf(id);
    const m = this.memberList[i]!;
    if (!m.isLearner) throw Errors.memberNotLearner();
    // A learner here never starts, so it is never in sync (as etcd would say).
    throw Errors.learnerNotReady();
  }

  private indexOf(id: number): number {
    const i = this.memberList.findIndex((m) => m.id === id);
    if (i < 0) throw Errors.memberNotFound();
    return i;
  }

  async status(): Promise<BackendStatus> {
    return {
      version: ETCD_COMPATIBLE_VERSION,
      dbSizeBytes: this.store.sizeBytes,
      dbSizeInUseBytes: this.store.sizeBytes,
      leader: this.memberId,
      raftIndex: this.raftIndex,
      raftTerm: 1,
      raftAppliedIndex: this.raftIndex,
      isLearner: false,
      errors: [],
    };
  }

  header(): HeaderInfo {
    return { clusterId: this.clusterId, memberId: this.memberId, raftTerm: 1 };
  }

  /** Stops the lease timer. */
  close(): void {
    clearInterval(this.timer);
  }
}

import type { ApplyResult, KvStore } from '../store.js';
import type { Command } from '../types.js';

/** A cluster member as the Cluster API reports it. */
export interface MemberInfo {
  readonly id: number;
  /** Empty until the member has started. */
  readonly name: string;
  readonly peerUrls: readonly string[];
  /** Empty until the member has started. */
  readonly clientUrls: readonly string[];
  readonly isLearner: boolean;
}

/** What Maintenance.Status reports about this member. */
export interface BackendStatus {
  /** The etcd version clients see, e.g. "3.4.23" (etcdctl shows it). */
  readonly version: string;
  readonly dbSizeBytes: number;
  readonly dbSizeInUseBytes: number;
  /** The member id this member believes leads (0: none). */
  readonly leader: number;
  readonly raftIndex: number;
  readonly raftTerm: number;
  readonly raftAppliedIndex: number;
  readonly isLearner: boolean;
  /** Alarm and health messages; empty when healthy. */
  readonly errors: readonly string[];
}

/** The ids and term every response header carries. */
export interface HeaderInfo {
  readonly clusterId: number;
  readonly memberId: number;
  readonly raftTerm: number;
}

/**
 * What the etcd API server needs from the member it serves: the only seam
 * between the API and consensus. The agent implements it over Raft;
 * LocalBackend implements it in-process for tests and a standalone agent.
 * Failures are thrown as EtcdError (e.g. Errors.noLeader(), Errors.timeout(),
 * Errors.memberNotFound()) so clients see etcd's codes and messages.
 */
export interface EtcdBackend {
  /** This member's store: reads (after readIndex unless serializable) and watches. */
  readonly store: KvStore;
  /**
   * Replicates a command and resolves with the result of applying it on this
   * member (encodeCommand gives the entry bytes, with a proposal id the
   * backend picks and matches when the entry is applied).
   */
  propose(command: Command): Promise<ApplyResult>;
  /** Resolves once this member's store has applied everything committed when it was called (linearizable reads). */
  readIndex(): Promise<void>;
  /** Renews a lease on the leader; resolves with its TTL in seconds. Errors.leaseNotFound() when it is gone. */
  leaseKeepAlive(id: number): Promise<number>;
  /** A lease's remaining and granted TTL, from the leader. Errors.leaseNotFound() when it is gone. */
  leaseTimeToLive(id: number): Promise<{ ttlSeconds: number; grantedTtlSeconds: number }>;
  members(): Promise<readonly MemberInfo[]>;
  memberAdd(peerUrls: readonly string[], isLearner: boolean): Promise<{ member: MemberInfo; members: readonly MemberInfo[] }>;
  memberRemove(id: number): Promise<readonly MemberInfo[]>;
  memberUpdate(id: number, peerUrls: readonly string[]): Promise<readonly MemberInfo[]>;
  memberPromote(id: number): Promise<readonly MemberInfo[]>;
  status(): Promise<BackendStatus>;
  /** Cheap and synchronous: called for every response header. */
  header(): HeaderInfo;
  /** Maintenance.Defragment: gives back the disk space of deleted and compacted data; absent: nothing to do (in memory). */
  defragment?(): Promise<void>;
  /** Hands leadership to `targetId` (Maintenance.MoveLeader); absent: unimplemented. */
  moveLeader?(targetId: number): Promise<void>;
}

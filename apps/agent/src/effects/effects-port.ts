/**
 * The port behind which the lifecycle machine's effects run: everything they
 * need from the world, as an interface. Production (production-port.ts)
 * wires the gRPC ClusterClient, the agent's lease, a Peer on real sockets,
 * the data directory, node timers and crypto randomness; the agent
 * simulator wires simulated ones, so the same effects code runs in both.
 */
import type { lifecycleMachine } from '@mgmt/cluster-fsm';
import type { Actor } from 'xstate';
import type { KeyValue } from '../cluster/cluster-client.js';
import type { Logger } from '../log.js';

/** A lifecycle event, as the effects send it. */
export type LifecycleEvent = Parameters<Actor<typeof lifecycleMachine>['send']>[0];

/** A member as the cluster lists it (etcd's MemberListResponse entry). */
export interface ListedMember {
  ID?: number | string | { toString(): string } | null;
  name?: string | null;
  peerURLs?: string[] | null;
  clientURLs?: string[] | null;
  isLearner?: boolean | null;
}

/** The cluster client operations the effects call (ClusterClient's names and meanings). */
export interface ClusterOps {
  /** Reaches `url` alone; resolves with the cluster id it answers with ('' when none). */
  ping(url: string): Promise<string>;
  /** The keys under `prefix` as the member at `url` has them. */
  getPrefixAt(url: string, prefix: string): Promise<KeyValue[]>;
  get(key: string): Promise<KeyValue | undefined>;
  put(key: string, value: string, lease?: number): Promise<void>;
  delete(key: string): Promise<number>;
  putIfAbsent(key: string, value: string, lease?: number): Promise<{ created: boolean; existing?: KeyValue }>;
  memberList(linearizable?: boolean): Promise<ListedMember[]>;
  setEndpoints(endpoints: readonly string[]): void;
  setHome(url: string | undefined): void;
}

/** The agent's one lease (AgentLease). */
export interface LeaseOps {
  /** The lease id, granting one first when there is none. */
  ensure(): Promise<number>;
  /** The TTL of the lease, in seconds (as last granted or about to be). */
  readonly ttl: number;
  /** A write on lease `id` was refused because it is gone: forget it, so the next `ensure` grants a new one. */
  drop?(id: number): void;
}

/** The Raft member running on this host, as far as the effects look at it (a structural part of Peer). */
export interface LocalMember {
  readonly member: {
    readonly raft: {
      readonly id: number;
      readonly isLeader: boolean;
      readonly committedInTerm: boolean;
      status(): { progress: ReadonlyArray<{ id: number; match: number; isLearner: boolean }> };
      transferLeadership(to: number): void;
      onLeaderChange(fn: (lead: number, term: number) => void): () => void;
      onRemoved(fn: () => void): () => void;
      onFatal(fn: (err: unknown) => void): () => void;
    };
    readonly state: { readonly members: { get(id: number): { isLearner: boolean } | undefined } };
    readonly identity: { readonly clusterId: string };
  };
  /** Stops serving and stops the member; frees what it held. */
  stop(): Promise<void>;
}

/** A member known to the cluster, handed to a joining member so it can reach the leader. */
export interface KnownMember {
  id: number;
  name: string;
  peerUrls: string[];
  isLearner: boolean;
}

/** What starting the local member is told. */
export interface MemberStart {
  memberId: number;
  clusterId: string;
  /** A brand-new cluster of one. */
  bootstrap: boolean;
  knownMembers: KnownMember[];
}

/** Starting, watching and stopping this host's member. */
export interface MemberHost<M extends LocalMember> {
  start(o: MemberStart): Promise<M>;
  /** Subscriptions besides the lifecycle's (metrics); each returned function unsubscribes. */
  watch(member: M): Array<() => void>;
  /** Leadership of the local member changed: run or stop the nominator. */
  leading(member: M, isLeader: boolean): void;
  /** The member is about to stop: stop the nominator for good. */
  stopping(): void;
  /** A member restarted from disk makes sure the member list shows its advertised peer URLs (detached). */
  keepPeerUrlsCurrent(member: M): void;
}

/** The data directory's member identity. */
export interface MemberDisk {
  identity(): { clusterId: string; memberId: number } | undefined;
  /** Forgets the member (removed members start empty). */
  wipe(): void;
}

/** Which cluster this host belongs to (ClusterBelonging). */
export interface BelongingOps {
  readonly record: { clusterId: string; endpoints: string[] } | undefined;
  adopt(clusterId: string): void;
  save(update: { clusterId: string; memberId?: number; endpoints?: string[] }): void;
  belongTo(clusterId: string): void;
}

/** The `--bootstrap-expect` Hello side (bootstrap-hello.ts). */
export interface HelloOps {
  probeSeeds(expect: number): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Time, for the effects' waits and deadlines. */
export interface Clock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

/** Everything the effects need from the world. */
export interface EffectsPort<M extends LocalMember> {
  cluster: ClusterOps;
  lease: LeaseOps;
  /** Puts `key` on `lease`; a refusal because the lease is gone drops the lease. */
  putOnLease(key: string, value: string, lease: number): Promise<void>;
  members: MemberHost<M>;
  disk: MemberDisk;
  belonging: BelongingOps;
  hello: HelloOps;
  clock: Clock;
  /** A fresh random id (member and cluster ids), 1 ≤ id < 2^47. */
  randomId(): number;
  /** Points the cluster client at the endpoints the observation knows (the agent's refreshClientEndpoints). */
  refreshClientEndpoints(): void;
  send(event: LifecycleEvent): void;
  log: Logger;
}

/**
 * What the effects and the rest of the agent both know of this host, and
 * change: the running member, whether it was removed, and what the
 * observation saw.
 */
export interface HostFacts<M extends LocalMember> {
  peer: M | undefined;
  removed: boolean;
  promotedSent: boolean;
  /** Set once this agent's volunteer key is written on its own lease (or it bootstrapped the cluster). */
  ownsHostname: boolean;
  nominatedSeen: boolean;
  knownEndpoints: string[];
  /** Member ids this process ran and saw removed: a nomination is served only by a new member id. */
  readonly removedIds: Set<number>;
}

/** Facts of a host that has done nothing yet. */
export function newHostFacts<M extends LocalMember>(): HostFacts<M> {
  return { peer: undefined, removed: false, promotedSent: false, ownsHostname: false, nominatedSeen: false, knownEndpoints: [], removedIds: new Set() };
}

/** What the effects read of the agent's configuration. */
export interface EffectsConfig {
  hostname: string;
  seeds: string[];
  clientUrls: string[];
  serverUrls: string[];
  idealClusterSize: number;
  zone?: string;
  bootstrapExpect?: number;
}

/**
 * The effects' port as production wires it: the gRPC ClusterClient, the
 * agent's lease, a Peer on real sockets in the data directory, the
 * nominator while the member leads, node timers and crypto randomness.
 */
import { randomInt } from 'node:crypto';
import type { ClusterClient } from '../cluster/cluster-client.js';
import { NominatorRunner } from '../cluster/nominator-runner.js';
import { keepPeerUrlsCurrent } from '../cluster/restart-from-disk.js';
import type { IdealSizeReader } from '../cluster/view.js';
import type { Logger } from '../log.js';
import { Peer } from '../peer.js';
import { readMemberIdentity, wipeMemberData } from '../raft/member.js';
import type { AgentTls } from '../security/agent-tls.js';
import type { HelloHandler } from '../cluster/hello.js';
import type { AgentMetrics } from '../status/metrics.js';
import { peerMetricsOptions } from '../status/peer-metrics.js';
import type { Transport } from '@mgmt/transport';
import type { Clock, HostFacts, MemberDisk, MemberHost, MemberStart } from './effects-port.js';
import type { ConnectionLimits, FairQueueLimits } from '@mgmt/kv';

/** The clock of node's timers. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** A fresh member or cluster id from crypto randomness. */
export function cryptoRandomId(): number {
  return randomInt(1, 2 ** 47);
}

/** The member identity in the data directory. */
export function dataDirDisk(dataDir: string): MemberDisk {
  return { identity: () => readMemberIdentity(dataDir), wipe: () => wipeMemberData(dataDir) };
}

/** What a Peer is started with, besides what the effects decide. */
export interface PeerConfig {
  hostname: string;
  dataDir: string;
  seeds: string[];
  clientUrls: string[];
  serverUrls: string[];
  listenClientUrls?: string[];
  listenServerUrls?: string[];
  tickMs?: number;
  transportFor?: (memberId: number) => Transport;
  tls?: AgentTls;
  quotaBackendBytes?: number;
  connectionLimits?: Partial<ConnectionLimits>;
  fairQueue?: Partial<FairQueueLimits>;
  apiWorkers?: number;
}

/** Starts Peers, runs the nominator while the member leads, and wires the member's metrics. */
export class PeerHost implements MemberHost<Peer> {
  /** The nominator while (or since) this host's member leads. */
  nominator: NominatorRunner | undefined;
  private nominatorPeer: Peer | undefined;

  constructor(
    private readonly o: {
      config: PeerConfig;
      metrics: AgentMetrics;
      idealSize: IdealSizeReader;
      client: ClusterClient;
      facts: HostFacts<Peer>;
      hello: HelloHandler;
      log: Logger;
    },
  ) {}

  start(m: MemberStart): Promise<Peer> {
    const { config, metrics, log } = this.o;
    return Peer.start({
      dataDir: config.dataDir,
      hostname: config.hostname,
      memberId: m.memberId,
      clusterId: m.clusterId,
      peerUrls: config.serverUrls,
      clientUrls: config.clientUrls,
      listenPeerUrls: config.listenServerUrls,
      listenClientUrls: config.listenClientUrls,
      clusterIdNumber: parseInt(m.clusterId, 16),
      bootstrap: m.bootstrap,
      knownMembers: m.knownMembers,
      logger: log,
      tickMs: config.tickMs,
      transport: config.transportFor?.(m.memberId),
      ...peerMetricsOptions(metrics, config.hostname, config.quotaBackendBytes),
      connectionLimits: config.connectionLimits,
      fairQueue: config.fairQueue,
      apiWorkers: config.apiWorkers,
      tls: config.tls,
      hello: this.o.hello,
    });
  }

  watch(peer: Peer): Array<() => void> {
    const raft = peer.member.raft;
    const { metrics } = this.o;
    return [raft.roundTrips.subscribe((peerId, seconds) => metrics.etcd.peerRoundTrip(peerId, seconds)), raft.peerTraffic.subscribe(metrics.etcd.peerTraffic)];
  }

  leading(peer: Peer, isLeader: boolean): void {
    if (!isLeader) {
      this.nominator?.stop();
      return;
    }
    // One runner per member: kept across leadership changes of that member, new for a new member.
    if (!this.nominator || this.nominatorPeer !== peer) {
      this.nominator = new NominatorRunner(peer.member, this.o.idealSize, this.o.log.child({ part: 'nominator' }));
      this.nominatorPeer = peer;
    }
    this.nominator.start();
  }

  stopping(): void {
    this.nominator?.stop();
    this.nominator = undefined;
    this.nominatorPeer = undefined;
  }

  /** A member restarted on a new address gets the member list to show it (see restart-from-disk.ts). */
  keepPeerUrlsCurrent(peer: Peer): void {
    const id = peer.member.raft.id;
    const { config, facts } = this.o;
    void keepPeerUrlsCurrent({
      memberId: id,
      advertised: config.serverUrls,
      registered: () => peer.member.state.members.get(id)?.peerUrls,
      others: () => [...facts.knownEndpoints, ...config.seeds].filter((u) => !config.clientUrls.includes(u)),
      running: () => facts.peer === peer,
      client: this.o.client,
      log: this.o.log,
    });
  }
}

/**
 * A peer: what runs while this host is a member of the cluster. The Raft
 * member, the etcd API over it on the client URLs, and the lease timer.
 * Starting it binds the peer and client ports; stopping it frees both, so
 * the same host can be nominated again later in the same process (the
 * original failed there with "bind: address already in use").
 */
import path from 'node:path';
import { createEtcdServer, serveFromWorkers, type ConnectionLimits, type EtcdServerOptions, type FairQueueLimits } from '@mgmt/kv';
import { HelloService, helloHandlers, type HelloHandler } from './cluster/hello.js';
import { RaftBackend } from './etcd/raft-backend.js';
import type { Logger } from './log.js';
import { directoryBytes } from './etcd/disk-usage.js';
import { instrumentBackend, type RequestObserver } from './status/instrument.js';
import { Member, type MemberOptions } from './raft/member.js';
import type { AgentTls } from './security/agent-tls.js';
import { keepAgentIdentities } from './security/identity-keeper.js';
import { addJoinService, type JoinSigner } from './security/join-service.js';
import { isRevokedIn, REVOKED_PREFIX } from './security/revocation.js';
import { AGENT_PERMISSIONS } from './security/agent-identities.js';
import type { Server } from '@grpc/grpc-js';
import type { ClusterGuardOptions, LimitRefusal } from '@mgmt/kv';
import { JoinTokenFollower } from './security/join-token-follower.js';

/** Options of a peer: the member's, plus where to serve clients. */
export interface PeerOptions extends MemberOptions {
  clientUrls: string[];
  /** Where to serve clients when it differs from the advertised `clientUrls` (a wildcard address). */
  listenClientUrls?: string[];
  clusterIdNumber: number;
  /** Told of every proposal and linearizable read the etcd API serves (metrics). */
  observeRequest?: RequestObserver;
  /** Told as each of those requests begins (etcd's pending proposals). */
  observeRequestStart?: (kind: string) => void;
  /** Answers mgmt's Hello beside the etcd API (who is here, which cluster). */
  hello?: HelloHandler;
  /** TLS for `https://` client and peer URLs; with a signer the client URLs also admit joiners. */
  tls?: AgentTls;
  /** etcd's API server extras: gRPC call metrics, /metrics on the client port, the NOSPACE quota. */
  etcdServer?: Pick<EtcdServerOptions, 'observeCall' | 'metrics' | 'quotaBackendBytes' | 'traffic' | 'onConnectionLimit'>;
  /** What one client connection may hold (absent fields: the defaults); a connection's first refusal is logged, every one counted. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Fair admission of unary KV and Lease calls between connections (absent fields: the defaults). */
  fairQueue?: Partial<FairQueueLimits>;
  /**
   * Worker threads that serve the etcd API (kv's workers/api-pool.ts), each
   * over a replica of the store; Raft, the WAL and apply stay on this
   * thread. 0 (the default): the API is served on this thread.
   */
  apiWorkers?: number;
}

/** What a peer serves clients with: the API server on this thread, or the API workers. */
interface ClientServer {
  listen(address: string): Promise<number>;
  /** Adds a unary service beside the etcd API (Hello, Join). */
  addService: Server['addService'];
  updateTlsIdentity(cert: Buffer, key: Buffer): void;
  close(): Promise<void>;
}

/** Rate limit of the "refused a caller from another cluster" line, per caller cluster id. */
const FOREIGN_LOG_EVERY_MS = 60_000;

/** A running peer. */
export class Peer {
  private stopped = false;
  private readonly onStop: Array<() => void> = [];

  private constructor(
    readonly member: Member,
    readonly backend: RaftBackend,
    private readonly servers: ClientServer[],
    private readonly log: Logger,
  ) {}

  /** Opens the member and serves the etcd API on every client URL. */
  static async start(o: PeerOptions): Promise<Peer> {
    const member = await Member.open({ ...o, peerTls: o.peerTls ?? o.tls?.peer, peerNats: o.peerNats ?? o.tls?.nats });
    const backend = new RaftBackend({ member, clusterIdNumber: o.clusterIdNumber, logger: o.logger.child({ part: 'etcd' }), diskBytes: () => directoryBytes(path.join(o.dataDir, 'wal')), ...(o.tls ? { dialTls: o.tls.dial } : {}) });
    const servers: ClientServer[] = [];
    const signer = o.tls?.signer;
    const tokenFollower = signer
      ? new JoinTokenFollower({ kv: member.state.kv, signer, dataDir: o.dataDir, log: o.logger.child({ part: 'join' }), barrier: () => backend.readIndex() })
      : undefined;
    const foreignLogged = new Map<string, number>();
    const clusterGuard = {
      clusterId: () => o.clusterIdNumber,
      onRefused: (theirs: string, ours: string) => {
        const now = Date.now();
        if ((foreignLogged.get(theirs) ?? 0) + FOREIGN_LOG_EVERY_MS > now) return;
        foreignLogged.set(theirs, now);
        o.logger.warn({ clusterId: ours, callerClusterId: theirs }, `refused a client of cluster ${theirs}: this member belongs to cluster ${ours}`);
      },
    };
    try {
      for (const url of o.listenClientUrls ?? o.clientUrls) {
        const https = url.startsWith('https://');
        if (https && !o.tls?.client) throw new Error(`client URL ${url} is https but this agent has no TLS certificate for it`);
        const server = clientServer(o, member, backend, clusterGuard, https);
        if (o.hello) server.addService(HelloService, helloHandlers(o.hello));
        if (https && signer && tokenFollower) {
          addJoinService(server, signer, o.logger.child({ part: 'join' }), {
            isMember: (name) => member.state.members.list().some((m) => m.name === name),
            isRevoked: (serial) => isRevokedIn(member.state.kv, serial),
            currentToken: () => tokenFollower.current(),
          });
        }
        servers.push(server);
        await server.listen(new URL(url).host);
      }
    } catch (err) {
      backend.close();
      for (const s of servers) await s.close();
      await member.stop();
      throw err;
    }
    o.logger.info({ member: o.memberId, clientUrls: o.clientUrls, peerUrls: o.peerUrls, listenClientUrls: o.listenClientUrls, listenPeerUrls: o.listenPeerUrls }, 'peer started');
    const peer = new Peer(member, backend, servers, o.logger);
    if (o.tls?.renewals) {
      const unsubscribe = o.tls.renewals.subscribe(({ cert, key }) => {
        for (const s of servers) s.updateTlsIdentity(cert, key);
        member.renewPeerTls(cert, key);
      });
      peer.onStop.push(unsubscribe);
    }
    if (o.tls?.signer) {
      // With auth on, each agent is the user of its host name (security/agent-identities.ts).
      peer.onStop.push(keepAgentIdentities({ backend, isLeader: () => member.raft.isLeader, signer: o.tls.signer, dataDir: o.dataDir, log: o.logger.child({ part: 'auth' }) }));
      peer.fetchCaKey(o.tls.signer);
      if (tokenFollower) peer.onStop.push(tokenFollower.follow());
    }
    return peer;
  }

  /**
   * A member of a token cluster that joined as a client holds no CA key:
   * it fetches it (as a member, with its certificate) so it can admit
   * joiners too. Until then its join service answers "cannot sign yet".
   */
  private fetchCaKey(signer: JoinSigner): void {
    if (signer.caKeyPem || !signer.fetchCaKey) return;
    const fetch = signer.fetchCaKey;
    const attempt = async (left: number): Promise<void> => {
      if (this.stopped || signer.caKeyPem) return;
      const key = await fetch();
      if (key) {
        signer.caKeyPem = key;
        this.log.info({}, 'tls: fetched the cluster CA key; this member can admit joiners');
      } else if (left > 0) {
        setTimeout(() => void attempt(left - 1), 2_000).unref();
      } else this.log.warn({}, 'tls: could not fetch the cluster CA key; joiners must use another seed');
    };
    void attempt(30);
  }

  /** Stops serving clients, then the member; frees every port. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const fn of this.onStop.splice(0)) fn();
    this.backend.close();
    for (const s of this.servers) await this.slowStep('closing a client server', s.close());
    await this.slowStep('stopping the raft member', this.member.stop());
    this.log.info({ member: this.member.identity.memberId }, 'peer stopped');
  }

  /** Awaits one step of stopping; says so in the log if it takes more than 2 s (a stop should take milliseconds). */
  private async slowStep(what: string, step: Promise<void>): Promise<void> {
    const timer = setTimeout(() => this.log.warn({ step: what }, 'peer stop: still waiting'), 2_000);
    try {
      await step;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The etcd API server of one client URL: on this thread, or from `o.apiWorkers` worker threads. */
function clientServer(o: PeerOptions, member: Member, backend: RaftBackend, clusterGuard: ClusterGuardOptions, https: boolean): ClientServer {
  const api = o.observeRequest ? instrumentBackend(backend, o.observeRequest, o.observeRequestStart) : backend;
  const options = {
    ...o.etcdServer,
    connectionLimits: o.connectionLimits,
    fairQueue: o.fairQueue,
    onConnectionLimit: (refusal: LimitRefusal) => {
      o.etcdServer?.onConnectionLimit?.(refusal);
      if (refusal.first) o.logger.warn({ client: refusal.peer, limit: refusal.kind }, `client ${refusal.peer} reached its connection's limit of ${refusal.kind}: refused with "too many requests" (logged once per connection)`);
    },
    logError: (message: string, error: unknown) => o.logger.error({ err: String(error) }, message),
    clusterGuard,
  };
  const tls = https && o.tls?.client ? o.tls.client : undefined;
  if (o.apiWorkers) {
    // A token cluster's agents act as built-in users (security/agent-identities.ts): the workers' replicas check them too.
    const implicitUsers = o.tls?.signer ? { implicitUsers: AGENT_PERMISSIONS } : {};
    const pool = serveFromWorkers(api, { ...options, ...implicitUsers, workers: o.apiWorkers, ...(tls ? { tls: { ...tls, revokedSerialPrefix: REVOKED_PREFIX } } : {}) });
    return {
      listen: (address) => pool.listen(address),
      addService: (definition, implementation) => pool.services.add(definition, implementation),
      updateTlsIdentity: (cert, key) => void pool.updateTlsIdentity(cert, key).catch((err: unknown) => o.logger.warn({ err: String(err) }, 'tls: an API worker did not take the renewed certificate')),
      close: () => pool.close(),
    };
  }
  const server = createEtcdServer(api, { ...options, ...(tls ? { tls: { ...tls, isRevoked: (cert) => isRevokedIn(member.state.kv, cert.serialNumber) } } : {}) });
  return {
    listen: (address) => server.listen(address),
    addService: (definition, implementation) => server.grpc.addService(definition, implementation),
    updateTlsIdentity: (cert, key) => server.updateTlsIdentity(cert, key),
    close: () => server.close(),
  };
}

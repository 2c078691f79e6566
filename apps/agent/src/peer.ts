/**
 * A peer: what runs while this host is a member of the cluster. The Raft
 * member, the etcd API over it on the client URLs, and the lease timer.
 * Starting it binds the peer and client ports; stopping it frees both, so
 * the same host can be nominated again later in the same process (the
 * original failed there with "bind: address already in use").
 */
import { createEtcdServer, type EtcdServer } from '@mgmt/kv';
import { HelloService, helloHandlers, type HelloHandler } from './cluster/hello.js';
import { RaftBackend } from './etcd/raft-backend.js';
import type { Logger } from './log.js';
import { instrumentBackend, type RequestObserver } from './status/instrument.js';
import { Member, type MemberOptions } from './raft/member.js';

/** Options of a peer: the member's, plus where to serve clients. */
export interface PeerOptions extends MemberOptions {
  clientUrls: string[];
  clusterIdNumber: number;
  /** Told of every proposal and linearizable read the etcd API serves (metrics). */
  observeRequest?: RequestObserver;
  /** Answers mgmt's Hello beside the etcd API (who is here, which cluster). */
  hello?: HelloHandler;
}

/** Rate limit of the "refused a caller from another cluster" line, per caller cluster id. */
const FOREIGN_LOG_EVERY_MS = 60_000;

/** A running peer. */
export class Peer {
  private constructor(
    readonly member: Member,
    readonly backend: RaftBackend,
    private readonly servers: EtcdServer[],
    private readonly log: Logger,
  ) {}

  /** Opens the member and serves the etcd API on every client URL. */
  static async start(o: PeerOptions): Promise<Peer> {
    const member = await Member.open(o);
    const backend = new RaftBackend({ member, clusterIdNumber: o.clusterIdNumber, logger: o.logger.child({ part: 'etcd' }) });
    const servers: EtcdServer[] = [];
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
      for (const url of o.clientUrls) {
        const server = createEtcdServer(o.observeRequest ? instrumentBackend(backend, o.observeRequest) : backend, {
          logError: (message, error) => o.logger.error({ err: String(error) }, message),
          clusterGuard,
        });
        if (o.hello) server.grpc.addService(HelloService, helloHandlers(o.hello));
        servers.push(server);
        await server.listen(new URL(url).host);
      }
    } catch (err) {
      backend.close();
      for (const s of servers) await s.close();
      await member.stop();
      throw err;
    }
    o.logger.info({ member: o.memberId, clientUrls: o.clientUrls, peerUrls: o.peerUrls }, 'peer started');
    return new Peer(member, backend, servers, o.logger);
  }

  /** Stops serving clients, then the member; frees every port. */
  async stop(): Promise<void> {
    this.backend.close();
    for (const s of this.servers) await s.close();
    await this.member.stop();
    this.log.info({ member: this.member.identity.memberId }, 'peer stopped');
  }
}

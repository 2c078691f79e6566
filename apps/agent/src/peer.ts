/**
 * A peer: what runs while this host is a member of the cluster. The Raft
 * member, the etcd API over it on the client URLs, and the lease timer.
 * Starting it binds the peer and client ports; stopping it frees both, so
 * the same host can be nominated again later in the same process (the
 * original failed there with "bind: address already in use").
 */
import { createEtcdServer, type EtcdServer } from '@mgmt/kv';
import { RaftBackend } from './etcd/raft-backend.js';
import type { Logger } from './log.js';
import { instrumentBackend, type RequestObserver } from './status/instrument.js';
import { Member, type MemberOptions } from './raft/member.js';

/** Options of a peer: the member's, plus where to serve clients. */
export interface PeerOptions extends MemberOptions {
  clientUrls: string[];
  /** Where to serve clients when it differs from the advertised `clientUrls` (a wildcard address). */
  listenClientUrls?: string[];
  clusterIdNumber: number;
  /** Told of every proposal and linearizable read the etcd API serves (metrics). */
  observeRequest?: RequestObserver;
}

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
    try {
      for (const url of o.listenClientUrls ?? o.clientUrls) {
        const server = createEtcdServer(o.observeRequest ? instrumentBackend(backend, o.observeRequest) : backend, { logError: (message, error) => o.logger.error({ err: String(error) }, message) });
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

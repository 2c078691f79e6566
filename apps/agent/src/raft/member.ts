/**
 * One running Raft member of an agent: the durable log in its data
 * directory, the transport on its peer URLs, the Raft driver and the
 * replicated state. Opening it recovers snapshot + log from disk; a new
 * member either bootstraps a cluster (the first agent) or starts empty and
 * learns everything from the leader (a nominated volunteer).
 */
import { ConfChangeType, isEmptySnapshot } from '@mgmt/raft';
import { certificateNames, createNatsTransport, createTcpTransport, NatsTransport, parsePeerUrl, TcpTransport, type TcpTlsOptions, type Transport, type TransportLogger } from '@mgmt/transport';
import { DurableStorage, NodeFileSystem, type FileSystem } from '@mgmt/wal';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { encodeMemberAttributes, type MemberInfo } from '../cluster/members.js';
import { AgentState, bootstrapSave } from './agent-state.js';
import { FAULT_FILE_ENV, withFaultFile } from './fault-file.js';
import { isRevokedIn } from '../security/revocation.js';
import { RaftServer } from './raft-server.js';

/** How to open a member. */
export interface MemberOptions {
  dataDir: string;
  hostname: string;
  memberId: number;
  clusterId: string;
  /** This member's peer URLs; the first is listened on (tcp) or selects NATS. */
  peerUrls: string[];
  /** Where to listen when it differs from the advertised `peerUrls` (a wildcard address). */
  listenPeerUrls?: string[];
  /** Start a brand-new cluster with this member as its only voter. */
  bootstrap: boolean;
  /** Members already in the cluster (a joining member needs to reach the leader before it has a snapshot). */
  knownMembers?: MemberInfo[];
  logger: Logger;
  /** Overrides for tests and benchmarks. */
  tickMs?: number;
  electionTicks?: number;
  snapshotEveryEntries?: number;
  /** A transport made by the caller (the worker transport of an agent thread); by default one is made from `peerUrls`. */
  transport?: Transport;
  /** Wrap the transport (fault injection in chaos tests). */
  wrapTransport?: (t: Transport) => Transport;
  /** Mutual TLS for `https://` peer URLs (TCP); peers must also be named by their certificate. */
  peerTls?: PeerTls;
  /** NATS peer URLs: TLS to the server (`tls://`), the member identity (certificate, key, cluster CA) that authenticates every message, or a cluster key. */
  peerNats?: {
    tls?: { ca?: string; cert?: string; key?: string };
    authKey?: Uint8Array;
    credentials?: { creds?: Uint8Array; user?: string; pass?: string };
    memberAuth?: { cert: string; key: string; ca: string };
  };
  /** The WAL's file system (default node:fs; the agent times its fsyncs for etcd's disk metrics). */
  fileSystem?: FileSystem;
}

/** What identifies a member's data directory. */
export interface MemberIdentity {
  clusterId: string;
  memberId: number;
  hostname: string;
}

const IDENTITY_FILE = 'member.json';

/** Reads the identity of a member data directory, if it holds one. */
export function readMemberIdentity(dataDir: string): MemberIdentity | undefined {
  const file = path.join(dataDir, IDENTITY_FILE);
  if (!fs.existsSync(file)) return undefined;
  const v = JSON.parse(fs.readFileSync(file, 'utf8')) as MemberIdentity;
  return v;
}

/** Writes the identity of a member data directory (atomically, durably). */
export function writeMemberIdentity(dataDir: string, id: MemberIdentity): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, IDENTITY_FILE);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  fs.writeSync(fd, JSON.stringify(id));
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  const dfd = fs.openSync(dataDir, 'r');
  fs.fsyncSync(dfd);
  fs.closeSync(dfd);
}

/** Removes a member's data (it was removed from the cluster: its id is never reused). */
export function wipeMemberData(dataDir: string): void {
  fs.rmSync(path.join(dataDir, 'wal'), { recursive: true, force: true });
  fs.rmSync(path.join(dataDir, IDENTITY_FILE), { force: true });
}

function transportLogger(log: Logger): TransportLogger {
  return {
    warn: (fields, message) => log.warn(fields, message),
    info: (fields, message) => log.debug(fields, message),
    debug: (fields, message) => log.trace(fields, message),
  };
}

/** Mutual TLS of the peer transport, and how a peer's certificate must name it. */
export type PeerTls = Omit<TcpTlsOptions, 'authorizePeer'> & {
  /** Only the member's host name counts (certificates of the token PKI always carry it); else an address of its peer URLs does too. */
  hostnameOnly?: boolean;
};

/** The transport the peer URLs select: NATS for nats://, direct TCP for http://, https:// (TLS) and tcp://. */
function makeTransport(o: MemberOptions, state: AgentState): Transport {
  const url = parsePeerUrl((o.listenPeerUrls ?? o.peerUrls)[0] ?? '');
  const common = { localId: o.memberId, logger: transportLogger(o.logger.child({ part: 'transport' })) };
  // Without client certificates (operator TLS without --peer-client-cert-auth) there is no name to check.
  const authorizePeer =
    o.peerTls?.requireClientCert === false
      ? undefined
      : (fromId: number, cert: Parameters<typeof certificateNames>[0]) =>
          isRevokedIn(state.kv, cert?.serialNumber) ? 'its certificate was revoked' : peerCertificateProblem(state.members.get(fromId) ?? o.knownMembers?.find((m) => m.id === fromId), fromId, certificateNames(cert), o.peerTls?.hostnameOnly ?? false);
  const tls = o.peerTls && url.scheme === 'https' ? { ...o.peerTls, authorizePeer } : undefined;
  // NATS: a member's peer URLs name the NATS servers, not the member, so only its host name counts.
  const memberAuth = o.peerNats?.memberAuth && {
    ...o.peerNats.memberAuth,
    authorizePeer: (fromId: number, peer: { names: string[]; serialNumber: string }) =>
      isRevokedIn(state.kv, peer.serialNumber) ? 'its certificate was revoked' : peerCertificateProblem(state.members.get(fromId) ?? o.knownMembers?.find((m) => m.id === fromId), fromId, peer.names, true),
  };
  return url.kind === 'nats'
    ? createNatsTransport({ ...common, servers: o.peerUrls.filter((u) => parsePeerUrl(u).kind === 'nats'), clusterId: o.clusterId, tls: o.peerNats?.tls, authKey: o.peerNats?.authKey, credentials: o.peerNats?.credentials, memberAuth })
    : createTcpTransport({ ...common, clusterId: o.clusterId, listenUrl: url.url, tls });
}

/**
 * Why a peer connection claiming to come from member `fromId` must be closed,
 * or undefined when its certificate names that member (its host name, or the
 * host of one of its peer URLs). `member` is what the registry (voters and
 * joining learners) says of `fromId`, or, on a new member whose registry is
 * still empty, what the cluster told it when it joined.
 */
export function peerCertificateProblem(member: MemberInfo | undefined, fromId: number, names: readonly string[], hostnameOnly: boolean): string | undefined {
  if (!member) return `member ${fromId.toString(16)} is not a current member`;
  const hosts = hostnameOnly ? [] : member.peerUrls.map((u) => new URL(u).hostname.replace(/^\[(.*)\]$/, '$1'));
  if (names.includes(member.name) || hosts.some((h) => names.includes(h))) return undefined;
  return `its certificate names ${names.join(', ') || 'nothing'}, not member ${member.name} (${hosts.join(', ')})`;
}

/** A running member. */
export class Member {
  private constructor(
    readonly identity: MemberIdentity,
    readonly state: AgentState,
    readonly raft: RaftServer,
    readonly transport: Transport,
    readonly storage: DurableStorage,
    private readonly log: Logger,
  ) {}

  /** Opens (recovering, bootstrapping or starting empty) and starts the member. */
  static async open(o: MemberOptions): Promise<Member> {
    const identity: MemberIdentity = { clusterId: o.clusterId, memberId: o.memberId, hostname: o.hostname };
    const existing = readMemberIdentity(o.dataDir);
    if (!existing) writeMemberIdentity(o.dataDir, identity);
    const storage = DurableStorage.open({ fs: o.fileSystem ?? new NodeFileSystem(), dir: path.join(o.dataDir, 'wal'), identity: { clusterId: o.clusterId, memberId: o.memberId } });
    const state = new AgentState();
    const fresh = storage.lastIndex() === 0 && isEmptySnapshot(storage.snapshot());
    if (fresh && o.bootstrap) {
      await storage.save(bootstrapSave({ id: o.memberId, name: o.hostname, peerUrls: o.peerUrls, isLearner: false }));
    }
    const snap = storage.snapshot();
    if (!isEmptySnapshot(snap)) state.restore(snap.data, snap);

    const base: Transport = o.transport ?? makeTransport(o, state);
    let transport: Transport = base;
    if (o.wrapTransport) transport = o.wrapTransport(transport);
    // testing hook (chaos runner): peer-traffic faults from a rules file, see fault-file.ts
    const faultFile = process.env[FAULT_FILE_ENV];
    if (faultFile) transport = withFaultFile(transport, faultFile, transportLogger(o.logger.child({ part: 'fault-file' })));

    const raft = new RaftServer({
      id: o.memberId,
      storage,
      transport,
      stateMachine: state,
      logger: o.logger.child({ part: 'raft' }),
      tickMs: o.tickMs,
      electionTicks: o.electionTicks,
      snapshotEveryEntries: o.snapshotEveryEntries,
    });
    const member = new Member(identity, state, raft, transport, storage, o.logger);
    if (base instanceof TcpTransport) member.renewPeerTls = (cert, key) => base.updateTlsIdentity(cert, key);
    if (base instanceof NatsTransport) member.renewPeerTls = (cert, key) => base.updateMemberIdentity(cert.toString('utf8'), key.toString('utf8'));
    member.syncPeers(o.knownMembers ?? []);
    state.onConfChange((cc) => {
      member.syncPeers([]);
      if (cc.type === ConfChangeType.CONF_CHANGE_REMOVE_NODE) transport.removePeer(cc.nodeId);
    });
    state.onRestore(() => member.syncPeers([]));
    await transport.start();
    raft.start();
    if (fresh && o.bootstrap) raft.campaign();
    return member;
  }

  /** Presents a renewed peer certificate on new peer connections (TCP over TLS only). */
  renewPeerTls: (cert: Buffer, key: Buffer) => void = () => {};

  /** Points the transport at every member the registry (and `extra`) knows, except this one. */
  syncPeers(extra: readonly MemberInfo[]): void {
    const known = new Map<number, MemberInfo>();
    for (const m of extra) known.set(m.id, m);
    for (const m of this.state.members.list()) known.set(m.id, m);
    for (const m of known.values()) {
      if (m.id === this.identity.memberId || m.peerUrls.length === 0) continue;
      this.transport.addPeer(m.id, m.peerUrls[0]!);
    }
  }

  /** Stops Raft, the transport and the log, in that order. */
  async stop(): Promise<void> {
    await this.raft.stop();
    await this.transport.close();
    await this.storage.close();
    this.log.info({ member: this.identity.memberId }, 'member stopped');
  }
}

/** Re-exported so callers can propose membership changes with attributes. */
export { encodeMemberAttributes };

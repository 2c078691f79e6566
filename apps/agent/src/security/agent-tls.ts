/**
 * What an agent needs for TLS, however it got it (an operator's files with
 * etcd's flag names, or the automatic PKI of a join token): the identity it
 * serves its `https://` client URLs with, the one it speaks to peers with,
 * and what it presents and trusts when it dials the cluster as a client.
 * `http://` URLs stay plaintext whatever is here.
 */
import type { EtcdServerTls } from '@mgmt/kv';
import type { MemberOptions, PeerTls } from '../raft/member.js';
import type { TlsIdentityHub } from './identity-hub.js';
import type { JoinSigner } from './join-service.js';

/** A PEM certificate (chain) and its key. */
export interface TlsIdentity {
  cert: Buffer;
  key: Buffer;
}

/** How the agent's own etcd client dials `https://` endpoints. */
export interface DialTls {
  /** CA certificates the server must chain to (default: the system's roots). */
  ca?: Buffer;
  /** The client certificate to present, if any. */
  identity?: TlsIdentity;
  /** Announces a renewed identity: clients then reconnect with it. */
  renewals?: TlsIdentityHub;
}

/** TLS of one agent. */
export interface AgentTls {
  /** Serves `https://` client URLs. */
  client?: EtcdServerTls;
  /** Mutual TLS on `https://` peer URLs (TCP). */
  peer?: PeerTls;
  /** NATS peer URLs: TLS to the server, and the member identity that authenticates every Raft message. */
  nats?: MemberOptions['peerNats'];
  /** The agent's own client. */
  dial: DialTls;
  /** Set with a join token: this agent can admit joiners (it holds the token and the cluster CA). */
  signer?: JoinSigner;
  /** Announces a renewed certificate (token PKI). */
  renewals?: TlsIdentityHub;
}

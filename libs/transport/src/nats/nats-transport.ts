/**
 * NATS transport: every member subscribes to its own subject
 * `<prefix>.<clusterId>.raft.<memberId>` on a real nats-server (or NATS
 * cluster) and publishes to the subject of the member it sends to. The NATS
 * client reconnects by itself (to any server of the cluster it knows) and
 * re-subscribes; while it is disconnected our per-peer queues hold a bounded
 * backlog and every peer is reported unreachable once.
 *
 * Back-pressure while connected: at most `maxUnflushedBytes` are published
 * before a PING/PONG round trip (`flush`) confirms the server has them; until
 * then messages wait in the bounded per-peer queues.
 */
import { createRequire } from 'node:module';
import type * as Nats from 'nats';
import type { ConnectionOptions, NatsConnection, Subscription } from 'nats';
import { Backoff } from '../core/backoff.js';
import { BaseTransport, PeerLink } from '../core/base-transport.js';
import { assert, PeerUrlError, TransportError, TransportStartError } from '../core/errors.js';
import type { CommonTransportOptions } from '../core/options.js';
import { parsePeerUrls } from '../core/peer-url.js';
import { decodeChunkHeader, encodeChunks, ENVELOPE_BYTES, Reassembler } from './envelope.js';
import { AUTH_TAG_BYTES, openChunk, sealChunk } from './message-auth.js';
import { MemberAuthenticator, type MemberAuthOptions } from './member-auth.js';

/** The nats client, loaded when a NATS transport is first used (a host that peers over TCP, or a client agent, never needs its ~6 MB). */
function nats(): typeof Nats {
  return createRequire(import.meta.url)('nats') as typeof Nats;
}

/** Options of the NATS transport. */
export interface NatsTransportOptions extends CommonTransportOptions {
  /** NATS server URLs (`nats://host:port`); several for a NATS cluster. */
  servers: string[];
  /** Cluster id; namespaces the subjects so clusters can share a NATS server. */
  clusterId: string;
  /** First subject token. Default `mgmt`. */
  subjectPrefix?: string;
  /** Bytes published before waiting for a flush round trip. Default 2 x maxMessageBytes. */
  maxUnflushedBytes?: number;
  /** Connection name shown by the NATS server. */
  connectionName?: string;
  /** How long `start` keeps trying to reach a first server before it fails. Default 30000 ms. */
  startTimeoutMs?: number;
  /** TLS to the NATS server (required by `tls://` URLs): PEM CA to verify it with, and a client certificate if it asks for one. */
  tls?: { ca?: string; cert?: string; key?: string };
  /** Cluster key: every chunk is sent with an HMAC tag and chunks without a good one are dropped (logged). */
  authKey?: Uint8Array;
  /** Credentials the NATS server requires: a `.creds` file's bytes (JWT + nkey seed), or a user and password. */
  credentials?: { creds?: Uint8Array; user?: string; pass?: string };
  /** Member identity: every chunk is authenticated as its sending member (member-auth.ts); takes the place of `authKey`. */
  memberAuth?: MemberAuthOptions;
}

/** Claimed senders of unauthenticated chunks that were logged (bounded, so a flood logs little). */
const MAX_LOGGED_STRANGERS = 64;

const SUBJECT_TOKEN = /^[A-Za-z0-9_-]+$/;

/** The subject member `memberId` of `clusterId` listens on. */
export function raftSubject(prefix: string, clusterId: string, memberId: number): string {
  return `${prefix}.${clusterId}.raft.${memberId}`;
}

/** Raft messages through NATS. */
export class NatsTransport extends BaseTransport<PeerLink> {
  readonly kind = 'nats';
  readonly clusterId: string;
  private readonly servers: string[];
  private readonly prefix: string;
  private readonly maxUnflushedBytes: number;
  private readonly connectionName: string;
  private readonly startTimeoutMs: number;
  private readonly reassembler: Reassembler;
  private nc: NatsConnection | undefined;
  private subscription: Subscription | undefined;
  private statusLoop: Promise<void> | undefined;
  private stopStatus: (() => void) | undefined;
  private connected = false;
  private unflushedBytes = 0;
  private flushing = false;
  private seq = 0;
  private droppedMalformed = 0;
  private droppedUnauthenticatedCount = 0;
  private readonly tls: NatsTransportOptions['tls'];
  private readonly authKey: Uint8Array | undefined;
  private readonly credentials: NatsTransportOptions['credentials'];
  private readonly strangersLogged = new Set<number>();
  private readonly memberAuth: MemberAuthenticator | undefined;
  private authSubscription: Subscription | undefined;
  private authTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: NatsTransportOptions) {
    super(options);
    const { kind, urls } = parsePeerUrls(options.servers);
    if (kind !== 'nats') throw new PeerUrlError(options.servers.join(','), 'the nats transport needs nats:// or tls:// URLs');
    // tls:// means TLS to the server, with the system's CAs unless `tls.ca` says otherwise.
    this.tls = options.tls ?? (urls.some((u) => u.scheme === 'tls') ? {} : undefined);
    this.authKey = options.authKey;
    this.credentials = options.credentials;
    this.servers = urls.map((u) => `${u.host.includes(':') ? `[${u.host}]` : u.host}:${u.port}`);
    this.prefix = options.subjectPrefix ?? 'mgmt';
    if (!SUBJECT_TOKEN.test(options.clusterId)) throw new TransportError(`cluster id ${JSON.stringify(options.clusterId)} is not a NATS subject token`);
    assert(SUBJECT_TOKEN.test(this.prefix), 'subject prefix must be one NATS subject token');
    this.clusterId = options.clusterId;
    this.maxUnflushedBytes = options.maxUnflushedBytes ?? 2 * this.maxMessageBytes;
    this.connectionName = options.connectionName ?? `mgmt-${this.clusterId}-${this.localId}`;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.reassembler = new Reassembler(this.maxMessageBytes);
    this.memberAuth = options.memberAuth
      ? new MemberAuthenticator(this.localId, this.clusterId, this.prefix, options.memberAuth, {
          publish: (subject, data) => this.publishControl(subject, data),
          nowMs: () => Date.now(),
          logger: this.logger,
          onPeerReady: (id) => {
            const link = this.links.get(id);
            if (link !== undefined && link.queue.length > 0) this.flush(link);
          },
        })
      : undefined;
  }

  /** A renewed member certificate (with `memberAuth`): later hellos carry it. */
  updateMemberIdentity(cert: string, key: string): void {
    this.memberAuth?.updateIdentity(cert, key);
  }

  private publishControl(subject: string, data: Uint8Array): void {
    if (this.nc === undefined || !this.connected) return;
    try {
      this.nc.publish(subject, data);
    } catch (cause) {
      this.logger.debug({ subject, err: String(cause) }, 'nats publish failed');
    }
  }

  /** The subject this member receives on. */
  get subject(): string {
    return raftSubject(this.prefix, this.clusterId, this.localId);
  }

  /** `host:port` of the NATS server the client is connected to, if any. */
  get connectedServer(): string | undefined {
    return this.connected ? this.nc?.getServer() : undefined;
  }

  /** Chunks dropped because their authentication tag did not check (with `authKey` or `memberAuth`). */
  get droppedUnauthenticated(): number {
    return this.droppedUnauthenticatedCount + (this.memberAuth?.droppedUnauthenticated ?? 0);
  }

  /** Messages dropped on receipt (malformed envelope, gap in a chunked message, too large). */
  get droppedOnReceipt(): number {
    return this.droppedMalformed;
  }

  protected async startCarrier(): Promise<void> {
    const nc = await this.connectFirst();
    this.nc = nc;
    this.connected = true;
    this.subscription = nc.subscribe(this.subject, { callback: (err, msg) => (err === null ? this.onChunk(msg.data) : undefined) });
    const auth = this.memberAuth;
    if (auth !== undefined) {
      this.authSubscription = nc.subscribe(auth.subject, { callback: (err, msg) => (err === null ? auth.onHello(msg.data) : undefined) });
      this.authTimer = setInterval(() => auth.tick([...this.links.values()].filter((l) => l.queue.length > 0).map((l) => l.id)), 1_000);
      this.authTimer.unref();
    }
    this.statusLoop = this.watchStatus(nc);
    await nc.flush(); // the subscription is registered on the server before start resolves
  }

  /**
   * Connects to the first reachable server, retrying with backoff until
   * `startTimeoutMs`. Our own loop (not the client's waitOnFirstConnect) so a
   * failed or closed start leaves nothing retrying in the background.
   */
  private async connectFirst(): Promise<NatsConnection> {
    const deadline = Date.now() + this.startTimeoutMs;
    const backoff = new Backoff(this.options.reconnectDelayMsMin, this.options.reconnectDelayMsMax, this.options.random);
    for (;;) {
      try {
        const nc = await nats().connect({
          servers: this.servers,
          name: this.connectionName,
          reconnect: true,
          maxReconnectAttempts: -1,
          reconnectTimeWait: this.options.reconnectDelayMsMax,
          reconnectJitter: this.options.reconnectDelayMsMin,
          pingInterval: 5_000,
          maxPingOut: 2,
          timeout: Math.min(5_000, this.startTimeoutMs),
          ...(this.tls ? { tls: this.tls } : {}),
          ...this.credentialOptions(),
        });
        if (this.isClosed) {
          await nc.close();
          throw new TransportStartError('transport closed while starting');
        }
        return nc;
      } catch (cause) {
        if (cause instanceof TransportStartError) throw cause;
        // A server that refuses our credentials will go on refusing them: say so now, not after startTimeoutMs.
        const code = (cause as { code?: string }).code;
        if (code === nats().ErrorCode.AuthorizationViolation || code === nats().ErrorCode.AuthenticationExpired || code === nats().ErrorCode.BadCreds) {
          const what = this.credentials ? "refused this member's credentials" : 'requires credentials and this member has none';
          throw new TransportStartError(`the NATS server at ${this.servers.join(',')} ${what} (${code})`, { cause });
        }
        const delayMs = backoff.nextDelayMs();
        if (this.isClosed || Date.now() + delayMs > deadline) {
          throw new TransportStartError(`cannot connect to NATS at ${this.servers.join(',')}`, { cause });
        }
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  private credentialOptions(): Partial<ConnectionOptions> {
    const c = this.credentials;
    if (c?.creds) return { authenticator: nats().credsAuthenticator(c.creds) };
    if (c?.user !== undefined) return { user: c.user, pass: c.pass };
    return {};
  }

  protected async closeCarrier(): Promise<void> {
    const nc = this.nc;
    this.nc = undefined;
    this.connected = false;
    if (this.authTimer !== undefined) clearInterval(this.authTimer);
    if (nc === undefined) return;
    this.subscription?.unsubscribe();
    this.authSubscription?.unsubscribe();
    await nc.close();
    // nats.js does not end status iterators on close; stop ours so the loop ends.
    this.stopStatus?.();
    await this.statusLoop;
  }

  protected createLink(id: number, address: string): PeerLink {
    const link = new PeerLink(id, address, this.options.maxQueuedMessagesPerPeer, this.options.maxQueuedBytesPerPeer);
    link.connected = this.connected;
    return link;
  }

  protected destroyLink(link: PeerLink): void {
    this.memberAuth?.forget(link.id);
  }

  protected flush(link: PeerLink): void {
    const nc = this.nc;
    if (nc === undefined || !this.connected) return;
    const subject = raftSubject(this.prefix, this.clusterId, link.id);
    const chunkBytes = Math.max(1024, (nc.info?.max_payload ?? 1024 * 1024) - ENVELOPE_BYTES - (this.authKey || this.memberAuth ? AUTH_TAG_BYTES : 0));
    const key = this.authKey;
    const auth = this.memberAuth;
    // With member authentication, messages wait in the queue until the pair key with this peer is ready.
    if (auth !== undefined && !auth.isReady(link.id)) {
      auth.requestKey(link.id);
      return;
    }
    while (link.queue.length > 0 && this.unflushedBytes < this.maxUnflushedBytes) {
      const bytes = link.queue.shift();
      assert(bytes !== undefined, 'queue length and contents disagree');
      this.seq = (this.seq + 1) >>> 0;
      try {
        for (const chunk of encodeChunks(this.localId, this.seq, bytes, chunkBytes)) {
          nc.publish(subject, auth ? (auth.seal(link.id, subject, chunk) ?? chunk) : key ? sealChunk(key, subject, chunk) : chunk);
        }
      } catch (cause) {
        // The client refuses publishes once closed or while it cannot write; Raft will resend.
        link.droppedLinkDown += 1;
        this.logger.debug({ peerId: link.id, err: String(cause) }, 'nats publish failed');
        continue;
      }
      this.unflushedBytes += bytes.byteLength + ENVELOPE_BYTES;
      link.countSent(bytes.byteLength);
    }
    if (this.unflushedBytes >= this.maxUnflushedBytes) this.startFlush(nc);
  }

  private startFlush(nc: NatsConnection): void {
    if (this.flushing) return;
    this.flushing = true;
    nc.flush().then(
      () => {
        this.flushing = false;
        this.unflushedBytes = 0;
        this.flushAll();
      },
      () => {
        // Disconnected or closed: the reconnect handler resets the window.
        this.flushing = false;
      },
    );
  }

  private flushAll(): void {
    for (const link of this.links.values()) if (link.queue.length > 0) this.flush(link);
  }

  private onChunk(data: Uint8Array): void {
    if (this.memberAuth !== undefined) {
      const opened = this.memberAuth.open(this.subject, data);
      if (opened !== undefined) this.acceptChunk(opened);
      return;
    }
    const chunk = this.authKey ? openChunk(this.authKey, this.subject, data) : data;
    if (chunk === undefined) {
      this.droppedUnauthenticatedCount += 1;
      const claimed = decodeChunkHeader(data)?.from ?? 0;
      if (!this.strangersLogged.has(claimed) && this.strangersLogged.size < MAX_LOGGED_STRANGERS) {
        this.strangersLogged.add(claimed);
        this.logger.warn({ claimedFrom: claimed, subject: this.subject }, 'nats message ignored: not authenticated with the cluster key');
      }
      return;
    }
    this.acceptChunk(chunk);
  }

  private acceptChunk(chunk: Uint8Array): void {
    const result = this.reassembler.accept(chunk);
    if (result.kind === 'message') this.deliver(result.from, result.bytes);
    else if (result.kind === 'dropped') this.droppedMalformed += 1;
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    const statuses = nc.status();
    this.stopStatus = () => (statuses as { stop?: () => void }).stop?.();
    for await (const status of statuses) {
      if (status.type === nats().Events.Disconnect) {
        if (!this.connected) continue;
        this.connected = false;
        this.logger.warn({ server: String(status.data) }, 'nats disconnected; reconnecting');
        for (const link of this.links.values()) {
          link.connected = false;
          this.reportUnreachable(link);
        }
      } else if (status.type === nats().Events.Reconnect) {
        this.connected = true;
        this.unflushedBytes = 0;
        this.logger.info({ server: String(status.data) }, 'nats reconnected');
        for (const link of this.links.values()) {
          link.connected = true;
          link.reconnects += 1;
        }
        this.flushAll();
      }
    }
  }
}

/** Creates (but does not start) a NATS transport. */
export function createNatsTransport(options: NatsTransportOptions): NatsTransport {
  return new NatsTransport(options);
}

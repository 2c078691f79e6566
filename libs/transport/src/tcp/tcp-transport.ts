/**
 * Direct TCP transport: each member listens on its peer URL; to send to a
 * peer it dials that peer's URL, says hello (who, to whom, which cluster) and
 * streams length-prefixed frames. One connection per direction per pair, so
 * messages from one member to another stay in order.
 *
 * Failure policy: a broken or refused connection drops what was queued for
 * that peer (Raft retransmits), reports the peer unreachable, and retries with
 * jittered exponential backoff while there is something to send (at most
 * 100 ms apart for a peer never reached yet: core/reconnect-delay.ts).
 */
import net from 'node:net';
import type tls from 'node:tls';
import { Backoff } from '../core/backoff.js';
import { reconnectDelayMs } from '../core/reconnect-delay.js';
import { BaseTransport, PeerLink } from '../core/base-transport.js';
import { assert, HandshakeError, PeerUrlError, TransportError, TransportStartError } from '../core/errors.js';
import type { CommonTransportOptions } from '../core/options.js';
import { parsePeerUrl } from '../core/peer-url.js';
import type { PeerUrl } from '../core/peer-url.js';
import { encodeFrame, encodeFrameHeader, FrameDecoder } from './frame.js';
import { decodeHello, decodeHelloAck, encodeHello, encodeHelloAck, judgeHello } from './handshake.js';
import { connectTls, createTlsServer, renewTlsServer, type TcpTlsOptions } from './tls.js';

/** Options of the TCP transport. */
export interface TcpTransportOptions extends CommonTransportOptions {
  /** Cluster id every connection must agree on. */
  clusterId: string;
  /** Where to listen: `http://host:port` or `tcp://host:port` (port 0 picks a free one). */
  listenUrl: string;
  /** Time allowed to connect and finish the handshake. Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Bound on accepted connections. Default 256. */
  maxInboundConnections?: number;
  /** A peer that takes no bytes for this long while we have more to write is dropped. Default 10000 ms. */
  writeStallTimeoutMs?: number;
  /** Mutual TLS on every connection (required by `https://` URLs); plain TCP without. */
  tls?: TcpTlsOptions;
}

/** TCP keep-alive on every connection, so half-open ones (a peer that lost power) end. */
const KEEPALIVE_DELAY_MS = 10_000;

/** Payloads at least this big are written without copying them into a frame. */
const LARGE_PAYLOAD_BYTES = 64 * 1024;
const HANDSHAKE_MAX_BYTES = 512;

type LinkState = 'idle' | 'connecting' | 'open' | 'backoff';

/** One outbound connection to a peer. */
class TcpLink extends PeerLink {
  state: LinkState = 'idle';
  socket: net.Socket | undefined;
  timer: NodeJS.Timeout | undefined;
  backoff: Backoff;
  target: PeerUrl;
  waitingDrain = false;
  everOpened = false;
  warnedDown = false;

  constructor(id: number, address: string, maxMessages: number, maxBytes: number, backoff: Backoff) {
    super(id, address, maxMessages, maxBytes);
    this.target = parsePeerUrl(address);
    this.backoff = backoff;
  }
}

/** Raft messages over direct TCP connections. */
export class TcpTransport extends BaseTransport<TcpLink> {
  readonly kind = 'tcp';
  readonly clusterId: string;
  private readonly listen: PeerUrl;
  private readonly connectTimeoutMs: number;
  private readonly maxInboundConnections: number;
  private server: net.Server | undefined;
  private readonly inbound = new Set<net.Socket>();
  /** The live inbound connection of each peer; a new hello from the same peer replaces it. */
  private readonly inboundByPeer = new Map<number, net.Socket>();
  private readonly writeStallTimeoutMs: number;
  private tls: TcpTlsOptions | undefined;
  private boundPort = 0;

  constructor(options: TcpTransportOptions) {
    super(options);
    this.clusterId = options.clusterId;
    this.listen = parsePeerUrl(options.listenUrl);
    if (this.listen.kind !== 'tcp') throw new PeerUrlError(options.listenUrl, 'the tcp transport listens on http:// or tcp:// URLs');
    this.connectTimeoutMs = options.connectTimeoutMs ?? 2000;
    this.maxInboundConnections = options.maxInboundConnections ?? 256;
    this.writeStallTimeoutMs = options.writeStallTimeoutMs ?? 10_000;
    this.tls = options.tls;
    if (this.listen.scheme === 'https' && this.tls === undefined) throw new PeerUrlError(options.listenUrl, 'an https:// peer URL needs TLS certificates');
  }

  /** Presents a renewed certificate on new connections, as listener and as dialer (no-op without TLS). */
  updateTlsIdentity(cert: Buffer | string, key: Buffer | string): void {
    if (this.tls === undefined) return;
    this.tls = { ...this.tls, cert, key };
    if (this.server !== undefined) renewTlsServer(this.server, this.tls);
  }

  /** Accepted connections currently open (handshaking or established). */
  get inboundConnectionCount(): number {
    return this.inbound.size;
  }

  /** The URL peers should dial (with the real port once started). */
  get listenUrl(): string {
    const port = this.boundPort !== 0 ? this.boundPort : this.listen.port;
    const host = this.listen.host.includes(':') ? `[${this.listen.host}]` : this.listen.host;
    return `${this.listen.scheme}://${host}:${port}`;
  }

  protected startCarrier(): Promise<void> {
    const server = this.tls ? createTlsServer(this.tls, (socket) => this.onInbound(socket)) : net.createServer({ noDelay: true }, (socket) => this.onInbound(socket));
    // A dialer without a certificate the CA signed never gets to say hello.
    server.on('tlsClientError', (err: Error, socket: tls.TLSSocket) => {
      this.logger.warn({ remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`, err: err.message }, 'tcp connection closed: TLS handshake failed');
    });
    server.maxConnections = this.maxInboundConnections;
    this.server = server;
    return new Promise((resolve, reject) => {
      const onError = (cause: Error): void => {
        this.server = undefined;
        reject(new TransportStartError(`cannot listen on ${this.listen.url}: ${cause.message}`, { cause }));
      };
      server.once('error', onError);
      server.listen({ host: this.listen.host, port: this.listen.port }, () => {
        server.off('error', onError);
        server.on('error', (err) => this.logger.warn({ err: err.message }, 'tcp listener error'));
        const address = server.address();
        assert(address !== null && typeof address === 'object', 'tcp server has no address');
        this.boundPort = address.port;
        resolve();
      });
    });
  }

  protected async closeCarrier(): Promise<void> {
    for (const socket of this.inbound) socket.destroy();
    this.inbound.clear();
    this.inboundByPeer.clear();
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  protected createLink(id: number, address: string): TcpLink {
    const { maxQueuedMessagesPerPeer, maxQueuedBytesPerPeer, reconnectDelayMsMin, reconnectDelayMsMax, random } = this.options;
    const backoff = new Backoff(reconnectDelayMsMin, reconnectDelayMsMax, random);
    return new TcpLink(id, address, maxQueuedMessagesPerPeer, maxQueuedBytesPerPeer, backoff);
  }

  override addPeer(id: number, address: string): void {
    parsePeerUrl(address); // a bad URL throws PeerUrlError before anything changes
    super.addPeer(id, address);
  }

  protected override onAddressChanged(link: TcpLink): void {
    link.target = parsePeerUrl(link.address);
    this.resetLink(link);
    if (link.queue.length > 0 && this.isStarted) this.flush(link);
  }

  protected destroyLink(link: TcpLink): void {
    this.resetLink(link);
  }

  /**
   * Resets the connection (RST, not FIN): closing it would leave what the
   * kernel still holds to be sent, and retransmitted for as long as a
   * partition lasts. A TLS socket cannot be reset, only closed.
   */
  protected override discardCarried(link: TcpLink): void {
    const socket = link.socket;
    if (socket === undefined) return;
    link.socket = undefined; // its close is ours, not the peer's: nothing to report
    this.resetLink(link);
    try {
      socket.resetAndDestroy();
    } catch {
      socket.destroy();
    }
  }

  protected flush(link: TcpLink): void {
    if (link.state === 'idle') {
      this.connect(link);
      return;
    }
    if (link.state !== 'open' || link.waitingDrain) return;
    const socket = link.socket;
    assert(socket !== undefined, 'open link has no socket');
    let writable = true;
    // Corked: everything written in this loop goes out in one writev.
    socket.cork();
    while (writable && link.queue.length > 0) {
      const payload = link.queue.shift();
      assert(payload !== undefined, 'queue length and contents disagree');
      if (payload.byteLength >= LARGE_PAYLOAD_BYTES) {
        socket.write(encodeFrameHeader(payload));
        writable = socket.write(payload);
      } else {
        writable = socket.write(encodeFrame(payload));
      }
      link.countSent(payload.byteLength);
    }
    socket.uncork();
    if (!writable) {
      link.waitingDrain = true;
      // A peer that stops reading (hung, or gone without a reset) must not hold the link forever.
      socket.setTimeout(this.writeStallTimeoutMs);
      socket.once('drain', () => {
        link.waitingDrain = false;
        socket.setTimeout(0);
        if (link.socket === socket) this.flush(link);
      });
    }
  }

  private connect(link: TcpLink): void {
    assert(link.state === 'idle' && link.socket === undefined, 'connect from a busy link');
    link.state = 'connecting';
    const socket = this.tls ? connectTls(this.tls, link.target.host, link.target.port) : net.connect({ host: link.target.host, port: link.target.port, noDelay: true });
    link.socket = socket;
    // One timeout handler for the socket's life: first the connect deadline, later the write-stall deadline.
    socket.setTimeout(this.connectTimeoutMs);
    socket.on('timeout', () => {
      socket.destroy(link.state === 'open' ? new TransportError('peer stopped reading') : new HandshakeError('connect or handshake timed out'));
    });
    const decoder = new FrameDecoder(HANDSHAKE_MAX_BYTES);
    socket.on(this.tls ? 'secureConnect' : 'connect', () => {
      socket.write(encodeFrame(encodeHello({ fromId: this.localId, toId: link.id, clusterId: this.clusterId })));
    });
    socket.on('data', (chunk: Buffer) => {
      if (link.state !== 'connecting' || link.socket !== socket) return; // the listener sends nothing after its ack
      const { frames, error } = decoder.feed(chunk);
      const first = frames[0];
      if (error !== undefined) return void socket.destroy(error);
      if (first === undefined) return;
      let status;
      try {
        status = decodeHelloAck(first);
      } catch (cause) {
        return void socket.destroy(cause as Error);
      }
      if (status !== 'ok') return void socket.destroy(new HandshakeError(`peer ${link.id} refused the connection: ${status}`));
      this.onOpen(link, socket);
    });
    socket.on('error', (err) => {
      if (link.socket === socket && !link.warnedDown) {
        link.warnedDown = true;
        this.logger.warn({ peerId: link.id, address: link.address, err: err.message }, 'tcp peer unreachable');
      }
    });
    socket.on('close', () => {
      if (link.socket === socket) this.onLinkDown(link);
    });
  }

  private onOpen(link: TcpLink, socket: net.Socket): void {
    socket.setTimeout(0);
    socket.setKeepAlive(true, KEEPALIVE_DELAY_MS);
    link.state = 'open';
    link.connected = true;
    if (link.everOpened) link.reconnects += 1;
    link.everOpened = true;
    if (link.warnedDown) this.logger.info({ peerId: link.id, address: link.address }, 'tcp peer reachable again');
    link.warnedDown = false;
    link.backoff.reset();
    this.flush(link);
  }

  private onLinkDown(link: TcpLink): void {
    link.socket = undefined;
    link.connected = false;
    link.waitingDrain = false;
    link.droppedLinkDown += link.queue.clear();
    if (this.isClosed || link.removed) {
      link.state = 'idle';
      return;
    }
    link.state = 'backoff';
    this.reportUnreachable(link);
    link.timer = setTimeout(() => {
      link.timer = undefined;
      link.state = 'idle';
      if (link.queue.length > 0 && !this.isClosed && !link.removed) this.connect(link);
    }, reconnectDelayMs(link.backoff.nextDelayMs(), link.everOpened));
    link.timer.unref();
  }

  /** Drops the connection and any timer; the link goes back to idle. */
  private resetLink(link: TcpLink): void {
    if (link.timer !== undefined) clearTimeout(link.timer);
    link.timer = undefined;
    const socket = link.socket;
    link.socket = undefined;
    link.state = 'idle';
    link.connected = false;
    link.waitingDrain = false;
    socket?.destroy();
  }

  private onInbound(socket: net.Socket): void {
    if (this.isClosed) return void socket.destroy();
    this.inbound.add(socket);
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    let decoder = new FrameDecoder(HANDSHAKE_MAX_BYTES);
    let fromId = 0;
    let warned = false;
    const reject = (reason: string, err?: Error): void => {
      if (!warned) {
        warned = true;
        this.logger.warn({ remote, fromId: fromId || undefined, err: err?.message }, `tcp connection closed: ${reason}`);
      }
      socket.destroy();
    };
    socket.setTimeout(this.connectTimeoutMs, () => reject('no hello in time'));
    socket.on('data', (chunk: Buffer) => {
      const { frames, error } = decoder.feed(chunk);
      for (let i = 0; i < frames.length; i += 1) {
        const frame = frames[i];
        assert(frame !== undefined, 'frame index in range');
        if (socket.destroyed) return;
        if (fromId !== 0) {
          this.deliver(fromId, frame);
          continue;
        }
        if (i !== frames.length - 1) return reject('data sent before the hello was answered');
        let hello;
        try {
          hello = decodeHello(frame);
        } catch (cause) {
          return reject('bad hello', cause as Error);
        }
        const status = judgeHello(hello, this.localId, this.clusterId);
        const unauthorized = status === 'ok' ? this.tls?.authorizePeer?.(hello.fromId, (socket as tls.TLSSocket).getPeerCertificate()) : undefined;
        if (unauthorized !== undefined) return reject(`certificate of ${hello.fromId} refused: ${unauthorized}`);
        socket.write(encodeFrame(encodeHelloAck(status)));
        if (status !== 'ok') {
          const clusters = status === 'wrong-cluster' ? `: it belongs to cluster ${JSON.stringify(hello.clusterId)}, this member to cluster ${JSON.stringify(this.clusterId)}` : '';
          return reject(`refused hello from ${hello.fromId} (${status})${clusters}`);
        }
        if (decoder.partialBytes > 0) return reject('data sent before the hello was answered');
        fromId = hello.fromId;
        socket.setTimeout(0);
        socket.setKeepAlive(true, KEEPALIVE_DELAY_MS);
        // The peer dialled again (it restarted, or lost our side): its old connection is dead.
        this.inboundByPeer.get(fromId)?.destroy();
        this.inboundByPeer.set(fromId, socket);
        // From here on frames carry Raft messages, up to the message limit.
        decoder = new FrameDecoder(this.maxMessageBytes);
      }
      if (error !== undefined) reject(fromId === 0 ? 'bad handshake frame' : 'bad frame', error);
    });
    socket.on('end', () => {
      const error = decoder.end();
      if (error !== undefined) reject('truncated frame', error);
    });
    socket.on('error', (err) => {
      // A peer that restarts resets its connections; that is not worth a warning.
      this.logger.debug({ remote, fromId: fromId || undefined, err: err.message }, 'tcp inbound socket error');
      socket.destroy();
    });
    socket.on('close', () => {
      this.inbound.delete(socket);
      if (this.inboundByPeer.get(fromId) === socket) this.inboundByPeer.delete(fromId);
    });
  }
}

/** Creates (but does not start) a TCP transport. */
export function createTcpTransport(options: TcpTransportOptions): TcpTransport {
  return new TcpTransport(options);
}

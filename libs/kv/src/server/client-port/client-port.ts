/**
 * One TCP port for gRPC and HTTP/1.1, as etcd's client port: each
 * connection's first bytes say which it is (the HTTP/2 preface `PRI *
 * HTTP/2.0` means gRPC; anything else is HTTP/1.1 for /health, /metrics,
 * the JSON gateway...). HTTP/1.1 connections go to a node:http server,
 * gRPC ones to grpc-js through its connection injector. With `tls`, the
 * handshake comes first (tls-front.ts) and the decrypted connection is
 * told apart the same way.
 *
 * URL-form endpoints (see authority-rewriter.ts) without a cost on the
 * fast path: a gRPC connection's opening is read here until its first
 * request's headers. Go clients send no request before the server's
 * SETTINGS, so this port answers the preface with an empty SETTINGS frame
 * (all defaults; the real one follows from nghttp2) and takes the client's
 * ACK of it out of the stream. If the first request's `:authority` is one
 * nghttp2 accepts, the bytes read so far are put back and the socket itself
 * goes to grpc-js (native reads from then on); otherwise the whole
 * connection runs through the AuthorityRewriter.
 */
import type { ConnectionInjector, ServerCredentials } from '@grpc/grpc-js';
import type { Server as HttpServer } from 'node:http';
import net from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { AuthorityRewriter, HTTP2_PREFACE } from './authority-rewriter.js';
import type { ClientTraffic } from './client-traffic.js';
import { TlsFront } from './tls-front.js';

/** Bytes waited for before a connection that sends nothing recognisable is called HTTP/1.1. */
const SNIFF_BYTES = HTTP2_PREFACE.length;
/** An HTTP/2 SETTINGS frame with no parameters, on stream 0. */
const EMPTY_SETTINGS = Buffer.from([0, 0, 0, 0x4, 0, 0, 0, 0, 0]);
/** A connection that has not shown its first request's headers within this many bytes is rewritten throughout. */
const MAX_OPENING_BYTES = 256 * 1024;

/** Which protocol a connection speaks, from its first bytes; undefined while it is too early to tell. */
export function sniffProtocol(first: Buffer): 'http2' | 'http1' | undefined {
  const n = Math.min(first.length, SNIFF_BYTES);
  if (first.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n))) return n === SNIFF_BYTES ? 'http2' : undefined;
  return 'http1';
}

/** A socket seen by the HTTP/2 server through the AuthorityRewriter. */
class RewrittenConnection extends Duplex {
  constructor(
    private readonly socket: net.Socket,
    private readonly rewriter: AuthorityRewriter,
    opening: readonly Buffer[],
  ) {
    super({ allowHalfOpen: false });
    for (const piece of opening) this.push(piece);
    socket.on('data', (chunk: Buffer) => this.forward(chunk));
    socket.on('end', () => this.push(null));
    // Never emit 'error' on this stream: Node's HTTP/2 session wraps it in a
    // JSStreamSocket whose error path trips an internal assertion
    // (ERR_INTERNAL_ASSERTION in socketOnError) and kills the process. A
    // socket error (a client reset) simply closes the connection.
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }
  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }
  get remoteFamily(): string | undefined {
    return this.socket.remoteFamily;
  }
  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }
  get localPort(): number | undefined {
    return this.socket.localPort;
  }
  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delayMs?: number): this {
    this.socket.setKeepAlive(enable, delayMs);
    return this;
  }
  setTimeout(ms: number, callback?: () => void): this {
    this.socket.setTimeout(ms, callback);
    return this;
  }

  private forward(chunk: Buffer): void {
    let more = true;
    for (const piece of this.rewriter.push(chunk)) more = this.push(piece) && more;
    if (!more) this.socket.pause();
  }

  override _read(): void {
    this.socket.resume();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // A failed write shows as the socket's error and close (above), not as this stream's error.
    if (this.socket.destroyed) return callback();
    this.socket.write(chunk, () => callback());
  }
  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(() => callback());
  }
  override _destroy(_error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(null);
  }
}

/** What a client port serves. */
export interface ClientPortHandlers {
  /** grpc-js's injector for plaintext connections. */
  readonly grpc: ConnectionInjector;
  /** Serves HTTP/1.1 requests. */
  readonly http: HttpServer;
  /** TLS server credentials: the port does the handshake first (then `grpc` must be a plaintext injector: tls-front.ts). */
  readonly tls?: ServerCredentials;
  /** Counts the bytes of every accepted connection (etcd's client gRPC bytes metrics). */
  readonly traffic?: ClientTraffic;
}

/** A listening client port. */
export class ClientPort {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private readonly tls: TlsFront | undefined;

  constructor(private readonly handlers: ClientPortHandlers) {
    this.tls = handlers.tls ? new TlsFront(handlers.tls, (socket) => this.onConnection(socket)) : undefined;
    this.server = net.createServer({ noDelay: true }, (socket) => {
      handlers.traffic?.track(socket);
      if (!this.tls) return this.onConnection(socket);
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      this.tls.accept(socket);
    });
  }

  /**
   * Listens on host:port (port 0: a free one); resolves with the port. With
   * `reusePort` (SO_REUSEPORT; Node 22.12 and later), other threads can
   * listen on the same port too and the kernel spreads the connections
   * between them (the API workers: server/workers/api-pool.ts).
   */
  listen(host: string, port: number, reusePort = false): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host, port, ...(reusePort ? { reusePort } : {}) }, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops listening and ends every connection (gRPC sessions are the injector's to end). */
  close(): Promise<void> {
    // Resolves once the port is released and every connection it accepted has
    // closed. (Not the net server's own close callback: it waits on a count
    // of connections that sockets handed to grpc-js or the HTTP server can
    // keep up long after they are destroyed.)
    this.server.close();
    this.tls?.close();
    this.handlers.http.closeAllConnections();
    const closed = [...this.sockets].map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
    for (const socket of this.sockets) socket.destroy();
    return Promise.all(closed).then(() => undefined);
  }

  private onConnection(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let first: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      first = first.length === 0 ? chunk : Buffer.concat([first, chunk]);
      const protocol = sniffProtocol(first);
      if (!protocol) return;
      socket.off('data', onData);
      if (protocol === 'http2') this.openGrpc(socket, first);
      else {
        socket.pause();
        socket.unshift(first);
        this.handlers.http.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  }

  /** Reads a gRPC connection's opening, then hands the socket (or its rewritten stream) to grpc-js. */
  private openGrpc(socket: net.Socket, first: Buffer): void {
    socket.write(EMPTY_SETTINGS);
    const rewriter = new AuthorityRewriter(true);
    const opening: Buffer[] = [];
    let openingBytes = 0;
    const onData = (chunk: Buffer) => {
      for (const piece of rewriter.push(chunk)) {
        opening.push(piece);
        openingBytes += piece.length;
      }
      const seenFirstRequest = rewriter.headerBlocks > 0 && rewriter.droppedSettingsAck;
      if (!seenFirstRequest && openingBytes <= MAX_OPENING_BYTES) return;
      socket.off('data', onData);
      socket.pause();
      this.sockets.delete(socket); // the injector's sessions end gracefully on the gRPC server's shutdown
      if (seenFirstRequest && rewriter.rewrittenBlocks === 0) {
        socket.unshift(Buffer.concat([...opening, ...rewriter.unflushed()]));
        // A TLS client that spoke HTTP/2 without negotiating it (no ALPN, or
        // http/1.1): Node's HTTP/2 server would take it for HTTP/1.1.
        if (socket instanceof TLSSocket && socket.alpnProtocol !== 'h2') socket.alpnProtocol = 'h2';
        this.handlers.grpc.injectConnection(socket);
      } else this.handlers.grpc.injectConnection(new RewrittenConnection(socket, rewriter, opening));
    };
    socket.on('data', onData);
    onData(first);
  }
}

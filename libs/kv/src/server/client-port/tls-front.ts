/**
 * TLS in front of a client port, as etcd serves an `https://` client URL:
 * this process does the handshake (the server credentials' certificate,
 * client-certificate rules and CA), then the decrypted connection is told
 * apart like a plaintext one (client-port.ts): gRPC to grpc-js, HTTP/1.1
 * to /health, /metrics... ALPN offers `http/1.1` before `h2`, so a client
 * that offers both (curl, browsers) gets HTTP/1.1 and a gRPC client (it
 * offers `h2` only) gets HTTP/2; the first bytes still decide.
 *
 * grpc-js takes the decrypted TLSSocket through a connection injector with
 * plaintext credentials that carry the TLS credentials' interceptors (the
 * per-call client-certificate check), and its getAuthContext() still finds
 * the peer certificate: the HTTP/2 session's socket is the TLSSocket.
 * A certificate renewal (updateIdentity) reaches the handshake through the
 * credentials' watcher, as it reaches a grpc-js-bound port.
 */
import { ServerCredentials, type ServerInterceptor } from '@grpc/grpc-js';
import type net from 'node:net';
import tls from 'node:tls';

/** Plaintext server credentials with interceptors (the injector behind the TLS front). */
export class DecryptedCredentials extends ServerCredentials {
  constructor(private readonly interceptors: ServerInterceptor[]) {
    super(null);
  }

  override _getInterceptors(): ServerInterceptor[] {
    return this.interceptors;
  }

  _equals(other: ServerCredentials): boolean {
    return other === this;
  }
}

/** The handshake of a TLS client port. */
export class TlsFront {
  private readonly server: tls.Server;
  private readonly watcher = (options: tls.SecureContextOptions | null) => {
    if (options) this.server.setSecureContext(options);
  };

  /** `secured` gets each connection once its handshake is done. */
  constructor(
    private readonly credentials: ServerCredentials,
    secured: (socket: tls.TLSSocket) => void,
  ) {
    this.server = tls.createServer({ ...credentials._getConstructorOptions(), ...credentials._getSecureContextOptions(), ALPNProtocols: ['http/1.1', 'h2'] }, secured);
    // A failed handshake (no or a bad client certificate...) closes that connection only.
    this.server.on('tlsClientError', () => {});
    credentials._addWatcher(this.watcher);
  }

  /** Starts the handshake on a new TCP connection. */
  accept(socket: net.Socket): void {
    this.server.emit('connection', socket);
  }

  close(): void {
    this.credentials._removeWatcher(this.watcher);
  }
}

/**
 * Mutual TLS for the TCP transport: both ends present a certificate signed by
 * the cluster's CA (or the operator's peer CA), and the listener may also ask
 * whether the certificate names the member that says hello (a stranger's
 * certificate from the same CA does not make it a member).
 */
import net from 'node:net';
import tls from 'node:tls';

/** TLS of the TCP transport (`https://` peer URLs). */
export interface TcpTlsOptions {
  /** PEM certificate chain this member presents, as listener and as dialer. */
  cert: Buffer | string;
  /** PEM private key of `cert`. */
  key: Buffer | string;
  /** PEM CA certificates the other member's certificate must chain to. */
  ca: Buffer | string;
  /** Refuse dialers without a certificate the CA signed (etcd --peer-client-cert-auth). Default true. */
  requireClientCert?: boolean;
  /**
   * Asked once per inbound connection, after its hello: whether the dialer's
   * certificate may speak for member `fromId`. A reason closes the
   * connection (logged once); undefined accepts it.
   */
  authorizePeer?: (fromId: number, cert: tls.PeerCertificate | undefined) => string | undefined;
}

/** The names a certificate carries: its CN and every DNS and IP subject alternative name. */
export function certificateNames(cert: tls.PeerCertificate | undefined): string[] {
  if (cert === undefined || Object.keys(cert).length === 0) return [];
  const names: string[] = [];
  const cn = cert.subject?.CN;
  if (typeof cn === 'string') names.push(cn);
  for (const part of (cert.subjectaltname ?? '').split(/,\s*/)) {
    const m = /^(DNS|IP Address):(.+)$/.exec(part.trim());
    if (m?.[2] !== undefined) names.push(m[2]);
  }
  return names;
}

/** Presents a renewed certificate on a TLS listener's new connections. */
export function renewTlsServer(server: net.Server, options: TcpTlsOptions): void {
  if (server instanceof tls.Server) server.setSecureContext({ cert: options.cert, key: options.key, ca: options.ca, minVersion: 'TLSv1.2' });
}

/** A TLS listener in place of a plain one. */
export function createTlsServer(options: TcpTlsOptions, onSocket: (socket: net.Socket) => void): net.Server {
  const requireClientCert = options.requireClientCert ?? true;
  const server = tls.createServer(
    { cert: options.cert, key: options.key, ca: options.ca, requestCert: true, rejectUnauthorized: requireClientCert, minVersion: 'TLSv1.2', noDelay: true },
    onSocket,
  );
  return server;
}

/** Dials `host:port` with TLS, verifying the listener's certificate against the CA and the host. */
export function connectTls(options: TcpTlsOptions, host: string, port: number): tls.TLSSocket {
  const servername = net.isIP(host) === 0 ? host : undefined;
  const socket = tls.connect({ host, port, servername, cert: options.cert, key: options.key, ca: options.ca, minVersion: 'TLSv1.2' });
  socket.setNoDelay(true);
  return socket;
}

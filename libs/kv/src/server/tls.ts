/**
 * TLS for the etcd API server: the gRPC server credentials for an `https://`
 * client URL, and who must show a client certificate.
 *
 * - `clientCert: 'none'`: TLS, no client certificate asked for (etcd without
 *   `--client-cert-auth`).
 * - `'handshake'`: a client without a certificate signed by `ca` fails the
 *   TLS handshake (etcd `--client-cert-auth`).
 * - `'per-call'`: a certificate is asked for but the handshake accepts its
 *   absence; every call without a verified one is refused with
 *   UNAUTHENTICATED, except the methods in `openMethodPaths` (mgmt's join
 *   service: a joiner has no certificate yet, it comes to get one).
 */
import {
  ServerCredentials,
  ServerInterceptingCall,
  status as GrpcStatus,
  type ServerInterceptingCallInterface,
  type ServerInterceptor,
  type ServerMethodDefinition,
} from '@grpc/grpc-js';
import type { SecureServerOptions } from 'node:http2';
import type { IncomingMessage } from 'node:http';
import { rootCertificates as tlsRootCertificates, type PeerCertificate, type SecureContextOptions, type TLSSocket } from 'node:tls';

/** TLS of the etcd API server. */
export interface EtcdServerTls {
  /** PEM certificate chain the server presents. */
  cert: Buffer;
  /** PEM private key of `cert`. */
  key: Buffer;
  /** PEM CA certificates client certificates must chain to (default: the system's roots). */
  ca?: Buffer;
  clientCert: 'none' | 'handshake' | 'per-call';
  /** Full method paths (`/pkg.Service/Method`) callable without a client certificate in 'per-call' mode. */
  openMethodPaths?: readonly string[];
  /** Whether a verified client certificate was revoked: its calls are refused with UNAUTHENTICATED (checked per call). */
  isRevoked?: (cert: PeerCertificate) => boolean;
}

/**
 * Server credentials for one mode: whether a client certificate is asked
 * for, whether the handshake fails without one, and (per call) the
 * interceptor that checks it. The certificate can be replaced while the
 * server runs (renewal): new connections get the new one.
 */
export class EtcdTlsCredentials extends ServerCredentials {
  private context: SecureContextOptions;

  constructor(
    constructorOptions: SecureServerOptions,
    context: SecureContextOptions,
    private readonly interceptors: ServerInterceptor[],
  ) {
    super(constructorOptions, context);
    this.context = context;
  }

  /** Serves `cert`/`key` to new connections from now on. */
  updateIdentity(cert: Buffer, key: Buffer): void {
    this.context = { ...this.context, cert, key };
    this.updateSecureContextOptions(this.context);
  }

  override _getInterceptors(): ServerInterceptor[] {
    return this.interceptors;
  }

  _equals(other: ServerCredentials): boolean {
    return other === this;
  }
}

/** The message a call without a client certificate gets in 'per-call' mode. */
export const CLIENT_CERT_REQUIRED = 'a client certificate signed by the cluster CA is required';
/** The message a call with a revoked client certificate gets. */
export const CLIENT_CERT_REVOKED = 'the client certificate was revoked';

function refuse(call: ServerInterceptingCallInterface, details: string): ServerInterceptingCall {
  return new ServerInterceptingCall(call, {
    start: (next) => {
      next({
        onReceiveMetadata: () => call.sendStatus({ code: GrpcStatus.UNAUTHENTICATED, details }),
        onReceiveMessage: () => {},
        onReceiveHalfClose: () => {},
      });
    },
  });
}

/**
 * Refuses calls per call: without a verified client certificate (when
 * `required`), except the open methods; with a revoked one, always.
 */
export function checkClientCertificate(required: boolean, openMethodPaths: readonly string[], isRevoked?: (cert: PeerCertificate) => boolean): ServerInterceptor {
  const open = new Set(openMethodPaths);
  return (method: ServerMethodDefinition<unknown, unknown>, call: ServerInterceptingCallInterface) => {
    const cert = call.getAuthContext().sslPeerCertificate;
    if (cert !== undefined && isRevoked?.(cert)) return refuse(call, CLIENT_CERT_REVOKED);
    if (!required || cert !== undefined || open.has(method.path)) return new ServerInterceptingCall(call);
    return refuse(call, CLIENT_CERT_REQUIRED);
  };
}

/** The grpc-js server credentials for `tls`. */
export function serverCredentials(tls: EtcdServerTls): EtcdTlsCredentials {
  const context: SecureContextOptions = { ca: tls.ca ?? tlsRootCertificates.join('\n'), cert: tls.cert, key: tls.key };
  const revoked = tls.isRevoked ? [checkClientCertificate(false, [], tls.isRevoked)] : [];
  if (tls.clientCert === 'none') return new EtcdTlsCredentials({ requestCert: false }, context, []);
  if (tls.clientCert === 'handshake') return new EtcdTlsCredentials({ requestCert: true, rejectUnauthorized: true }, context, revoked);
  return new EtcdTlsCredentials({ requestCert: true, rejectUnauthorized: false }, context, [checkClientCertificate(true, tls.openMethodPaths ?? [], tls.isRevoked)]);
}

/**
 * The same rules for HTTP requests on a TLS client port (tls-front.ts): in
 * 'per-call' mode a request without a verified client certificate is
 * refused, and a revoked certificate always; undefined when nothing is
 * checked.
 */
export function httpClientCertificateCheck(tls: EtcdServerTls): ((req: IncomingMessage) => string | undefined) | undefined {
  if (tls.clientCert !== 'per-call' && !tls.isRevoked) return undefined;
  return (req) => {
    const socket = req.socket as TLSSocket;
    const cert = socket.authorized ? socket.getPeerCertificate() : undefined;
    if (cert && tls.isRevoked?.(cert)) return CLIENT_CERT_REVOKED;
    return cert || tls.clientCert !== 'per-call' ? undefined : CLIENT_CERT_REQUIRED;
  };
}

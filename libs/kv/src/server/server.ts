import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { Authorizer } from '../auth/authorizer.js';
import { MAX_REQUEST_BYTES } from '../command.js';
import { MAX_TXN_OPS } from '../validate.js';
import { adminChecks, asMaintenanceError, clusterChecks, guard, identifyCall, kvChecks, leaseChecks, type Check, type ServerAuth } from './auth-guard.js';
import { authHandlers } from './auth-service.js';
import type { EtcdBackend } from './backend.js';
import { clusterGuardInterceptor, type ClusterGuardOptions } from './cluster-guard.js';
import { clusterHandlers } from './cluster-service.js';
import { kvHandlers } from './kv-service.js';
import { leaseHandlers } from './lease-service.js';
import { maintenanceHandlers } from './maintenance-service.js';
import { Headers, type ErrorLog } from './rpc.js';
import { KeyValueBytes } from './key-value-bytes.js';
import { AuthService, ClusterService, KvService, LeaseService, MaintenanceService, WatchService } from './services.js';
import { watchHandlers } from './watch-service.js';
import { httpClientCertificateCheck, serverCredentials, type EtcdServerTls } from './tls.js';
import { ClientPort } from './client-port/client-port.js';
import { createServer as createHttpServer } from 'node:http';
import { splitHostPort } from './client-port/host-port.js';
import { Alarms, withAlarms } from './alarms.js';
import { callObserverInterceptor, type CallObserver } from './call-observer.js';
import { loadConcurrencyRoot } from './concurrency/concurrency-proto.js';
import { concurrencyServices, electionHandlers, lockHandlers } from './concurrency/concurrency-services.js';
import { asConcurrencyError, concurrencyChecks, guardElection } from './concurrency/concurrency-auth.js';
import { DecryptedCredentials } from './client-port/tls-front.js';
import { InternalPort } from './client-port/internal-port.js';
import type { ClientTraffic } from './client-port/client-traffic.js';
import { Gateway } from './http/gateway.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './limits/connection-budget.js';
import { DEFAULT_FAIR_QUEUE_LIMITS, type FairQueueLimits } from './limits/fair-queue.js';
import { ConnectionRegistry, type ConnectionTotals, type LimitRefusal } from './limits/connection-registry.js';
import { createHttpHandler, type MetricsSource } from './http/http-handler.js';

/** etcd's allowance for gRPC framing on top of --max-request-bytes. */
const GRPC_OVERHEAD_BYTES = 512 * 1024;
/** Maintenance calls that need root once auth is on (etcd 3.4's authMaintenanceServer). */
const MAINTENANCE_ADMIN_METHODS = ['Defragment', 'Snapshot', 'Hash', 'HashKV', 'MoveLeader'];
/** How long close() waits for calls to finish before cutting them. */
const SHUTDOWN_GRACE_MS = 1000;

/** Options of the etcd API server; each defaults to etcd's default. */
export interface EtcdServerOptions {
  /** Largest request accepted (etcd --max-request-bytes, 1.5 MiB). */
  maxRequestBytes?: number;
  /** Most operations per txn branch (etcd --max-txn-ops, 128). */
  maxTxnOps?: number;
  /** Shortest lease TTL granted, in seconds (etcd: 2 with default timeouts). */
  minLeaseTtlSeconds?: number;
  /** Idle progress notifications for watchers that asked (etcd: 10 minutes). */
  progressNotifyIntervalMs?: number;
  /** Where unexpected errors go (default: console.error). */
  logError?: ErrorLog;
  /** Refuse calls whose `mgmt-cluster-id` metadata names another cluster (see cluster-guard.ts). */
  clusterGuard?: ClusterGuardOptions;
  /** Serve TLS (an `https://` client URL); plaintext without. */
  tls?: EtcdServerTls;
  /** Keyspace size past which writes raise the NOSPACE alarm (etcd --quota-backend-bytes); 0: no quota. */
  quotaBackendBytes?: number;
  /** What /metrics on the client port serves (absent: 404). */
  metrics?: MetricsSource;
  /** Told of every gRPC call (etcd's grpc_server_* metrics). */
  observeCall?: CallObserver;
  /** Counts the bytes of the client ports' connections (etcd_network_client_grpc_{sent,received}_bytes_total). */
  traffic?: ClientTraffic;
  /**
   * etcd's auth, served by default as etcd does: the Auth service, and its
   * rules on every call once a root user turns it on (`false`: no Auth
   * service). `certCommonNameIsUser` is etcd's --client-cert-auth (default:
   * whenever `tls` asks for client certificates).
   */
  auth?: { tokenTtlMs?: number; certCommonNameIsUser?: boolean } | false;
  /**
   * What one client connection may hold at once (limits/connection-budget.ts;
   * each absent field keeps its default). Past a limit: etcd's "too many requests".
   * `false`: no limits and no interceptor (the A/B benchmark of their cost).
   */
  connectionLimits?: Partial<ConnectionLimits> | false;
  /** Told of every refusal for a connection limit (default: one console line per connection). */
  onConnectionLimit?: (refusal: LimitRefusal) => void;
  /** Fair admission of unary KV and Lease calls between connections (limits/fair-queue.ts); each absent field keeps its default. */
  fairQueue?: Partial<FairQueueLimits>;
}

/** The default report of a connection limit: one line per connection, at its first refusal. */
function logFirstRefusal(refusal: LimitRefusal): void {
  if (refusal.first) console.warn(`etcd API: client ${refusal.peer} reached its connection's limit of ${refusal.kind}; refusing with "too many requests" (logged once per connection)`);
}

/** The cluster version /version reports (etcd 3.4's). */
const CLUSTER_VERSION = '3.4.0';

/** The address a gateway dials to reach a port listening on `host` (a wildcard means this machine). */
function loopbackTarget(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `127.0.0.1:${port}`;
  if (host === '::') return `[::1]:${port}`;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A running etcd v3 API server. */
export interface EtcdServer {
  /** The underlying grpc-js server (to add services, e.g. health). */
  readonly grpc: Server;
  /**
   * Listens on `address` ("127.0.0.1:0" for a free port); resolves with the
   * port. `reusePort`: other threads may listen on the same port (see
   * ClientPort.listen).
   */
  listen(address: string, options?: { reusePort?: boolean }): Promise<number>;
  /** Ends open streams, stops listening; resolves when done. */
  close(): Promise<void>;
  /** Serves a renewed certificate to new TLS connections (no-op without TLS). */
  updateTlsIdentity(cert: Buffer, key: Buffer): void;
  /** Authentication and permission checks (with `options.auth`), for other APIs on the same store (the HTTP gateway). */
  readonly authorizer?: Authorizer;
  /** What the open client connections hold now (see `connectionLimits`). */
  connectionTotals(): ConnectionTotals;
}

/**
 * The etcd v3 gRPC API (KV, Watch, Lease, Cluster, Maintenance) over a
 * backend: etcdctl and etcd clients work against it unchanged.
 */
export function createEtcdServer(backend: EtcdBackend, options: EtcdServerOptions = {}): EtcdServer {
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const log: ErrorLog = options.logError ?? ((message, error) => console.error(message, error));
  const connections = new ConnectionRegistry({ ...DEFAULT_CONNECTION_LIMITS, ...(options.connectionLimits || {}) }, options.onConnectionLimit ?? logFirstRefusal, {
    ...DEFAULT_FAIR_QUEUE_LIMITS,
    ...options.fairQueue,
  });
  const grpc = new Server({
    'grpc.max_receive_message_length': maxRequestBytes + GRPC_OVERHEAD_BYTES,
    'grpc.max_send_message_length': 2 ** 31 - 1,
    interceptors: [
      ...(options.observeCall ? [callObserverInterceptor(options.observeCall)] : []),
      ...(options.connectionLimits === false ? [] : [connections.interceptor()]),
      ...(options.clusterGuard ? [clusterGuardInterceptor(options.clusterGuard)] : []),
    ],
  });
  const headers = new Headers(backend);
  // One cache of KeyValue encodings for Range responses and watch events alike (key-value-bytes.ts).
  const kvBytes = new KeyValueBytes();
  const alarms = new Alarms(backend);
  const alarmed = withAlarms(backend, alarms, options.quotaBackendBytes ?? 0);
  const streams = new Set<{ end(): void }>();
  const track = (stream: { end(): void }) => {
    streams.add(stream);
    return () => streams.delete(stream);
  };
  const authOptions = options.auth ?? {};
  const auth: ServerAuth | undefined =
    authOptions === false
      ? undefined
      : {
          authorizer: new Authorizer(backend.store, { readIndex: () => backend.readIndex(), ...(authOptions.tokenTtlMs === undefined ? {} : { tokenTtlMs: authOptions.tokenTtlMs }) }),
          certCommonNameIsUser: authOptions.certCommonNameIsUser ?? (options.tls !== undefined && options.tls.clientCert !== 'none'),
        };
  // Without auth the handlers are served as they are; with it each goes through its check (auth-guard.ts).
  const guardedBy = (handlers: UntypedServiceImplementation, checks: (a: ServerAuth) => Record<string, Check>, mapError?: (e: unknown) => unknown) =>
    auth ? guard(handlers, auth, checks(auth), mapError) : handlers;
  const mayWatch = auth
    ? async (call: object, req: { key?: Uint8Array | null; rangeEnd?: Uint8Array | null }) => {
        const user = await identifyCall(auth, call as Parameters<typeof identifyCall>[1]).catch(() => undefined);
        if (user === undefined) return false;
        try {
          auth.authorizer.checkRange(user, req.key, req.rangeEnd, 'read');
          return true;
        } catch {
          return false;
        }
      }
    : undefined;
  grpc.addService(KvService, guardedBy(kvHandlers(alarmed, headers, log, { kvBytes, maxTxnOps: options.maxTxnOps ?? MAX_TXN_OPS, ...(auth ? { auth: auth.authorizer } : {}) }), kvChecks));
  grpc.addService(WatchService, watchHandlers(backend, headers, log, { kvBytes, progressNotifyIntervalMs: options.progressNotifyIntervalMs ?? 10 * 60_000, track, budgetOf: (call) => connections.budgetOf(call), ...(mayWatch ? { mayWatch } : {}) }));
  grpc.addService(LeaseService, guardedBy(leaseHandlers(alarmed, headers, log, { minLeaseTtlSeconds: options.minLeaseTtlSeconds ?? 2, track, budgetOf: (call) => connections.budgetOf(call) }), leaseChecks));
  grpc.addService(ClusterService, guardedBy(clusterHandlers(backend, headers, log), (a) => clusterChecks(a, () => backend.members())));
  grpc.addService(MaintenanceService, guardedBy(maintenanceHandlers(backend, headers, log, { alarms }), (a) => adminChecks(a, MAINTENANCE_ADMIN_METHODS), asMaintenanceError));
  if (auth) grpc.addService(AuthService, authHandlers(backend, headers, log, auth));
  const concurrency = concurrencyServices(loadConcurrencyRoot());
  grpc.addService(concurrency.lock, guardedBy(lockHandlers(alarmed, headers, log), (a) => concurrencyChecks(a).lock, asConcurrencyError));
  grpc.addService(concurrency.election, auth ? guardElection(electionHandlers(alarmed, headers, log), auth) : electionHandlers(alarmed, headers, log));
  const tlsCredentials = options.tls ? serverCredentials(options.tls) : undefined;
  const ports: Array<ClientPort | InternalPort> = [];
  const gateways: Gateway[] = [];
  const maxMessageBytes = maxRequestBytes + GRPC_OVERHEAD_BYTES;

  return {
    grpc,
    listen: (address, listenOptions) => {
      const reusePort = listenOptions?.reusePort ?? false;
      if (!tlsCredentials) {
        // Plaintext: gRPC and HTTP/1.1 share the port, as on etcd (see client-port.ts).
        const http = createHttpServer();
        const port = new ClientPort({ grpc: grpc.createConnectionInjector(ServerCredentials.createInsecure()), http, traffic: options.traffic });
        ports.push(port);
        const { host, port: portNumber } = splitHostPort(address);
        return port.listen(host, portNumber, reusePort).then((bound) => {
          const gateway = new Gateway({ target: loopbackTarget(host, bound), maxBodyBytes: Math.ceil((maxMessageBytes * 4) / 3) + 64 * 1024, maxMessageBytes });
          gateways.push(gateway);
          http.on('request', createHttpHandler({ backend, alarms, gateway, clusterVersion: CLUSTER_VERSION, metrics: options.metrics, logError: log }));
          return bound;
        });
      }
      // TLS: the port does the handshake, then gRPC and HTTP/1.1 share it as above (client-port/tls-front.ts).
      const http = createHttpServer();
      const port = new ClientPort({ grpc: grpc.createConnectionInjector(new DecryptedCredentials(tlsCredentials._getInterceptors())), http, tls: tlsCredentials, traffic: options.traffic });
      ports.push(port);
      const { host, port: portNumber } = splitHostPort(address);
      const refuse = options.tls ? httpClientCertificateCheck(options.tls) : undefined;
      const internal = new InternalPort(grpc.createConnectionInjector(new DecryptedCredentials([])));
      ports.push(internal);
      return internal.listen().then(async () => {
        const gateway = new Gateway({ target: internal.target, maxBodyBytes: Math.ceil((maxMessageBytes * 4) / 3) + 64 * 1024, maxMessageBytes });
        gateways.push(gateway);
        http.on('request', createHttpHandler({ backend, alarms, gateway, clusterVersion: CLUSTER_VERSION, metrics: options.metrics, logError: log, ...(refuse ? { refuse } : {}) }));
        return port.listen(host, portNumber, reusePort);
      });
    },
    updateTlsIdentity: (cert, key) => tlsCredentials?.updateIdentity(cert, key),
    connectionTotals: () => connections.totals(),
    ...(auth ? { authorizer: auth.authorizer } : {}),
    close: () =>
      new Promise((resolve) => {
        for (const stream of [...streams]) stream.end();
        for (const gateway of gateways) gateway.close();
        // Calls in flight get a grace period; after it the ports drop every
        // connection themselves. grpc-js's tryShutdown can wait forever on a
        // session (a member that left the cluster once stayed in
        // `unnominated: stopping`, here), and its forceShutdown does not end
        // the sessions of connections handed to it by the port.
        let closing = false;
        const closePorts = () => {
          if (closing) return;
          closing = true;
          clearTimeout(timer);
          void Promise.all(ports.map((p) => p.close())).then(() => resolve());
        };
        const timer = setTimeout(() => {
          grpc.forceShutdown();
          closePorts();
        }, SHUTDOWN_GRACE_MS);
        grpc.tryShutdown(closePorts);
      }),
  };
}

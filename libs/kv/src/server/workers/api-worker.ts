/**
 * Inside an API worker thread: the whole etcd API server (gRPC, HTTP/1.1,
 * the gateway, TLS, auth, the connection limits) over a ReplicaBackend, on
 * the client port every worker of the member shares. The owner drives it
 * through comlink control calls (api-pool.ts).
 *
 * This module starts the worker when it is loaded in a thread started by
 * the pool (the bundled command loads its one file in each worker, so the
 * start is a side effect of loading, not an entry of its own).
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { expose } from 'comlink';
import { nodeEndpoint } from '@mgmt/transport';
import { createEtcdServer, type EtcdServer, type EtcdServerOptions } from '../server.js';
import type { ConnectionTotals } from '../limits/connection-registry.js';
import type { EtcdServerTls } from '../tls.js';
import { ReplicaBackend, type OwnerAbilities } from './replica-backend.js';
import { isRevokedUnder } from '../revoked-serials.js';
import { implicitPolicy, type ImplicitPermission } from '../../auth/implicit-users.js';
import { WorkerHooks, type WorkerHookFlags } from './worker-hooks.js';

/** The workerData key of an API worker. */
export const API_WORKER_DATA_KEY = 'mgmtApiWorker';

/** TLS for the workers: the server's, with revocations read from the replica instead of a callback. */
export type WorkerTls = Omit<EtcdServerTls, 'isRevoked'> & {
  /** Certificates whose serial is a key under this prefix are refused (revoked-serials.ts). */
  revokedSerialPrefix?: string;
};

/** The server options that can cross threads (no callbacks: those are the hooks, worker-hooks.ts). */
export type WorkerServerOptions = Omit<EtcdServerOptions, 'logError' | 'metrics' | 'observeCall' | 'traffic' | 'onConnectionLimit' | 'clusterGuard' | 'tls'> & {
  tls?: WorkerTls;
};

/** What the pool gives a worker. */
export interface ApiWorkerData {
  readonly index: number;
  readonly relayPort: MessagePort;
  readonly abilities: OwnerAbilities;
  readonly options: WorkerServerOptions;
  readonly hooks: WorkerHookFlags;
  /** The permissions of users the store does not hold (AuthState.implicitUserPermissions), as the owner's store has them. */
  readonly implicitUsers?: readonly ImplicitPermission[];
}

/** What the owner can ask of a worker. */
export interface ApiWorkerControl {
  /** Listens on `address` (with SO_REUSEPORT when other workers share the port); resolves with the port. */
  listen(address: string, reusePort: boolean): Promise<number>;
  close(): Promise<void>;
  updateTlsIdentity(cert: Uint8Array, key: Uint8Array): void;
  connectionTotals(): ConnectionTotals;
  /** The replica's feed position and revision (tests). */
  replica(): { seq: number; revision: number };
}

/** Builds the worker's server and exposes its control calls on parentPort. */
export function runApiWorker(data: ApiWorkerData): void {
  const backend = new ReplicaBackend(data.relayPort, data.abilities);
  if (data.implicitUsers) backend.store.auth.implicitUserPermissions = implicitPolicy(data.implicitUsers);
  const hooks = new WorkerHooks(data.relayPort, backend, data.hooks);
  const { tls, ...rest } = data.options;
  const server: EtcdServer = createEtcdServer(backend, {
    ...rest,
    ...hooks.serverOptions(),
    logError: (message, error) => backend.log(message, error),
    ...(tls ? { tls: workerTls(tls, backend) } : {}),
  });
  hooks.addOwnerServices(server.grpc);
  const control: ApiWorkerControl = {
    async listen(address, reusePort) {
      // Nothing is served before the replica holds the owner's state.
      await backend.whenReady();
      return server.listen(address, { reusePort });
    },
    async close() {
      await server.close();
      hooks.close();
      backend.close();
      data.relayPort.close();
    },
    updateTlsIdentity(cert, key) {
      server.updateTlsIdentity(Buffer.from(cert), Buffer.from(key));
    },
    connectionTotals: () => server.connectionTotals(),
    replica: () => ({ seq: backend.appliedSeq, revision: backend.store.revision }),
  };
  expose(control, nodeEndpoint(parentPort!));
}

/** The server's TLS options from the workers': certificates as Buffers, revocations read from the replica. */
function workerTls(tls: WorkerTls, backend: ReplicaBackend): EtcdServerTls {
  const { revokedSerialPrefix, ...rest } = tls;
  return {
    ...rest,
    cert: Buffer.from(tls.cert),
    key: Buffer.from(tls.key),
    ...(tls.ca ? { ca: Buffer.from(tls.ca) } : {}),
    ...(revokedSerialPrefix === undefined ? {} : { isRevoked: (cert) => isRevokedUnder(backend.store, revokedSerialPrefix, cert.serialNumber) }),
  };
}

const started = !isMainThread && (workerData as Record<string, unknown> | null)?.[API_WORKER_DATA_KEY];
if (started) runApiWorker(started as ApiWorkerData);

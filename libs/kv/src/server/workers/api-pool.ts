/**
 * The etcd API served from worker threads, off the member's own thread
 * (issue 21). The member's thread keeps Raft, the WAL and apply: it owns
 * the state. Each API worker runs the whole API server (HTTP/2, gRPC,
 * protobuf, TLS, auth, the gateway) over a replica of the store that the
 * owner feeds after every apply (replica-feed.ts), so serializable reads
 * and watches never cross threads; proposals, read barriers, leases and
 * membership cross over one MessagePort per worker (backend-host.ts,
 * replica-backend.ts), and control calls (listen, close, certificate
 * renewal) over comlink.
 *
 * Why a replica per worker and not shared memory: the store is a
 * deterministic state machine over the entries Raft already replicates, so
 * a replica is exact by construction (the same bytes in the same order) and
 * needs no locking or a second store format; its cost is memory, one
 * keyspace and history per worker.
 *
 * One port for all of them: with more than one worker every one listens on
 * the client port with SO_REUSEPORT and the kernel spreads the connections.
 * Node 20 has no SO_REUSEPORT (`reusePort` came with 22.12), so there one
 * worker serves: on this 2-core machine that is the right count anyway,
 * one core for the member and one for its API.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { releaseProxy, wrap, type Remote } from 'comlink';
import { nodeEndpoint } from '@mgmt/transport';
import type { EtcdBackend } from '../backend.js';
import type { ConnectionTotals } from '../limits/connection-registry.js';
import type { ErrorLog } from '../rpc.js';
import type { EtcdServerOptions } from '../server.js';
import type { ImplicitPermission } from '../../auth/implicit-users.js';
import { API_WORKER_DATA_KEY, type ApiWorkerControl, type ApiWorkerData, type WorkerServerOptions, type WorkerTls } from './api-worker.js';
import { hostBackend } from './backend-host.js';
import { hostHooks, OwnerServices, type OwnerHooks } from './hooks-host.js';
import type { WorkerHookFlags } from './worker-hooks.js';
import { ReplicaFeed } from './replica-feed.js';

/** Whether this Node can share a listening port between threads (SO_REUSEPORT: 22.12 and 23.1 on). */
export function canSharePort(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

/**
 * The default number of API workers for a member: one per core but the
 * member's own, as many as can share the port; none on a machine of two
 * cores or fewer. There the member and its clients already take every core
 * (tools:bench on this 2-core machine, 3 members and the load generator:
 * puts 0.85-0.93x and reads 0.82-0.93x of the API on the member's thread,
 * 45 MB more per member), and a worker only adds the crossing between
 * threads and a second apply of every entry.
 */
export function defaultApiWorkers(cores = availableParallelism(), sharePort = canSharePort()): number {
  if (cores <= 2) return 0;
  return sharePort ? cores - 1 : 1;
}

/** Options of the pool: the server's (callbacks run on this thread; TLS revocations are read from the replicas) and how many workers. */
export type ApiPoolOptions = Omit<EtcdServerOptions, 'tls'> & {
  tls?: WorkerTls;
  /** How many API worker threads (default defaultApiWorkers(), at least 1). */
  workers?: number;
  /** The permissions of users the store does not hold, when the owner's store has such a policy (auth/implicit-users.ts). */
  implicitUsers?: readonly ImplicitPermission[];
};

/** A running pool, as the member's thread sees it. */
export interface ApiPool {
  readonly workers: number;
  /** Every worker listens on `address` ("127.0.0.1:0": a free port, then the same one for the others); resolves with the port. */
  listen(address: string): Promise<number>;
  /** Closes every worker's server and ends the threads. */
  close(): Promise<void>;
  /** Serves a renewed certificate to new TLS connections. */
  updateTlsIdentity(cert: Buffer, key: Buffer): Promise<void>;
  /** What the open client connections of all workers hold. */
  connectionTotals(): Promise<ConnectionTotals>;
  /** Unary services this thread serves on the same port (add them before listen): the agent's Hello and Join. */
  readonly services: OwnerServices;
  /** Ends worker `index` as a crash would (tests): the pool starts another in its place. */
  terminateWorker(index: number): Promise<void>;
  /** Each worker's replica: feed position and revision (tests). */
  replicas(): Promise<Array<{ seq: number; revision: number }>>;
}

interface RunningWorker {
  readonly worker: Worker;
  readonly control: Remote<ApiWorkerControl>;
  readonly exited: Promise<void>;
  markClosing(): void;
}

/** The options that cross to the workers, and the hooks that stay here. */
function splitOptions(options: Omit<ApiPoolOptions, 'workers'>, services: OwnerServices): { server: WorkerServerOptions; flags: Omit<WorkerHookFlags, 'ownerPaths'>; hooks: OwnerHooks } {
  const { logError: _log, metrics, observeCall, traffic, onConnectionLimit, clusterGuard, tls, ...server } = options;
  if (tls && 'isRevoked' in tls) throw new Error('API workers read revocations from their replica: give tls.revokedSerialPrefix, not tls.isRevoked');
  return {
    server: { ...server, ...(tls ? { tls } : {}) },
    flags: { observeCalls: !!observeCall, traffic: !!traffic, connectionLimits: !!onConnectionLimit, clusterGuard: !!clusterGuard, metrics: !!metrics },
    hooks: {
      services,
      ...(observeCall ? { observeCall } : {}),
      ...(traffic ? { traffic } : {}),
      ...(onConnectionLimit ? { onConnectionLimit } : {}),
      ...(clusterGuard ? { onRefused: clusterGuard.onRefused } : {}),
    },
  };
}

/** Starts a worker from this module's own file: the bundle when bundled, else the sources through bootstrap.mjs. */
function startWorker(data: ApiWorkerData, index: number): Worker {
  const here = import.meta.url;
  const name = `mgmt-api-${index}`;
  const transferList = [data.relayPort];
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(here), { workerData: { [API_WORKER_DATA_KEY]: data }, transferList, name });
  const entry = new URL(`./api-worker${here.slice(here.lastIndexOf('.'))}`, here).href;
  return new Worker(new URL('./bootstrap.mjs', here), { workerData: { [API_WORKER_DATA_KEY]: data, mgmtApiWorkerEntry: entry }, transferList, name });
}

/** Serves the etcd API for `backend` (whose `store` is the member's) from worker threads. */
export function serveFromWorkers(backend: EtcdBackend, options: ApiPoolOptions = {}): ApiPool {
  const { workers: requested, implicitUsers, ...rest } = options;
  const count = requested ?? Math.max(1, defaultApiWorkers());
  if (!Number.isInteger(count) || count < 1) throw new Error(`API workers must be a whole number of at least 1, not ${requested}`);
  if (count > 1 && !canSharePort()) throw new Error(`${count} API workers need SO_REUSEPORT to share the client port (Node 22.12 or later; this is ${process.versions.node}): use 1`);
  const log: ErrorLog = options.logError ?? ((message, error) => console.error(message, error));
  const services = new OwnerServices();
  const split = splitOptions(rest, services);
  const feed = new ReplicaFeed(backend.store, () => backend.header());
  const abilities = { defragment: backend.defragment !== undefined, moveLeader: backend.moveLeader !== undefined };
  const running: RunningWorker[] = [];
  let tls = split.server.tls;
  let closing = false;
  /** Where the workers listen, once the first has bound the port. */
  let listenAt: { address: string; reusePort: boolean } | undefined;

  const spawn = (index: number): RunningWorker => {
    const { port1, port2 } = new MessageChannel();
    const workerOptions = { ...split.server, ...(tls ? { tls } : {}) };
    const worker = startWorker({ index, relayPort: port2, abilities, options: workerOptions, hooks: { ...split.flags, ownerPaths: services.paths }, ...(implicitUsers ? { implicitUsers } : {}) }, index);
    const unhostBackend = hostBackend(backend, feed, port1, log, options.metrics);
    const unhostHooks = hostHooks(split.hooks, port1, log);
    feed.attach(port1);
    let stopping = false;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('error', (error) => log(`API worker ${index} failed`, error));
    const w: RunningWorker = {
      worker,
      control: wrap<ApiWorkerControl>(nodeEndpoint(worker)),
      exited,
      markClosing: () => {
        stopping = true;
      },
    };
    void exited.then(() => {
      feed.detach(port1);
      unhostBackend();
      unhostHooks();
      port1.close();
      if (stopping || closing) return;
      log(`API worker ${index} ended; starting another`, 'its connections are gone');
      void replace(index, w, 0);
    });
    return w;
  };

  /** Starts a worker in place of one that ended, listening where it did (the port stays the member's). */
  const replace = async (index: number, old: RunningWorker, attempt: number): Promise<void> => {
    old.control[releaseProxy]();
    await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
    if (closing || !listenAt) return;
    const w = spawn(index);
    running[index] = w;
    try {
      await w.control.listen(listenAt.address, listenAt.reusePort);
    } catch (error) {
      log(`API worker ${index} could not listen again; retrying`, error);
      w.markClosing();
      await w.worker.terminate();
      void replace(index, w, attempt + 1);
    }
  };

  let closed: Promise<void> | undefined;
  return {
    workers: count,
    services,
    async listen(address) {
      if (running.length > 0) throw new Error('the API workers listen once');
      // Workers start here, once the owner's services are known (they are registered in the workers' servers).
      for (let index = 0; index < count; index++) running.push(spawn(index));
      const reusePort = count > 1;
      const first = await running[0]!.control.listen(address, reusePort);
      listenAt = { address: `${address.slice(0, address.lastIndexOf(':'))}:${first}`, reusePort };
      await Promise.all(running.slice(1).map((w) => w.control.listen(listenAt!.address, reusePort)));
      return first;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        await Promise.all(
          running.map(async (w) => {
            w.markClosing();
            await Promise.race([w.control.close().catch(() => undefined), w.exited]);
            w.control[releaseProxy]();
            await w.worker.terminate();
          }),
        );
        feed.close();
      })();
      return closed;
    },
    async terminateWorker(index) {
      await running[index]?.worker.terminate();
    },
    async updateTlsIdentity(cert, key) {
      // A worker started later (in place of one that ended) gets the renewed one too.
      if (tls) tls = { ...tls, cert, key };
      await Promise.all(running.map((w) => w.control.updateTlsIdentity(cert, key)));
    },
    async connectionTotals() {
      const all = await Promise.all(running.map((w) => w.control.connectionTotals()));
      return all.reduce((sum, t) => {
        const out: Record<string, number> = { ...sum };
        for (const [k, v] of Object.entries(t)) out[k] = (out[k] ?? 0) + (v as number);
        return out as unknown as ConnectionTotals;
      });
    },
    replicas: () => Promise.all(running.map((w) => w.control.replica())),
  };
}

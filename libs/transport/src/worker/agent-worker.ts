/**
 * Agents as worker threads: `spawnAgentWorker` (main thread) starts a worker
 * from a .ts or .js entry, attaches it to a WorkerHub and returns a comlink
 * proxy for its control calls; inside the worker, `agentWorkerContext`,
 * `createAgentWorkerTransport` and `exposeAgentControl` are all the entry
 * needs.
 */
import { MessageChannel, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MessagePort, ResourceLimits } from 'node:worker_threads';
import { expose, releaseProxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import { assert, TransportError } from '../core/errors.js';
import type { WorkerHub } from './hub.js';
import { nodeEndpoint } from './node-endpoint.js';
import { AGENT_WORKER_DATA_KEY } from './protocol.js';
import type { AgentWorkerData } from './protocol.js';
import { createWorkerTransport } from './worker-transport.js';
import type { WorkerTransport, WorkerTransportOptions } from './worker-transport.js';

/**
 * A suggested control surface for an agent worker (the lead's apps/agent
 * defines the real one). Every call crosses threads, so results are promises.
 */
export interface AgentControl {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<unknown>;
  propose(data: Uint8Array): Promise<unknown>;
}

/** Options of spawnAgentWorker. */
export interface SpawnAgentWorkerOptions {
  /** Member id of the agent (its Raft id). */
  memberId: number;
  /** Anything structured-cloneable for the entry; read it with `agentWorkerContext().data`. */
  data?: unknown;
  /** Ports or buffers inside `data` to transfer. */
  transferList?: readonly (ArrayBuffer | MessagePort)[];
  /** Thread name (shows in debuggers). Default `agent-<memberId>`. */
  name?: string;
  resourceLimits?: ResourceLimits;
}

/** A running agent worker, as the main thread sees it. */
export interface AgentWorkerHandle<T> {
  readonly memberId: number;
  readonly worker: Worker;
  /** comlink proxy: `await handle.control.status()`. */
  readonly control: Remote<T>;
  /** Resolves with the exit code when the thread ends. */
  readonly exited: Promise<number>;
  /**
   * Settles like `call`, unless the thread ends first: then it rejects with
   * AgentWorkerExitedError (a comlink call to a dead worker never settles).
   * Use it around control calls: `await handle.untilExit(handle.control.start())`.
   */
  untilExit<R>(call: Promise<R>): Promise<R>;
  /** Detaches from the hub, releases the proxy and terminates the thread. */
  terminate(): Promise<void>;
}

/** An agent worker ended while the main thread was waiting on it. */
export class AgentWorkerExitedError extends TransportError {
  readonly memberId: number;
  readonly exitCode: number;
  constructor(memberId: number, exitCode: number, cause: unknown) {
    super(`agent worker ${memberId} exited with code ${exitCode}${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'AgentWorkerExitedError';
    this.memberId = memberId;
    this.exitCode = exitCode;
  }
}

const BOOTSTRAP_URL = new URL('./bootstrap.mjs', import.meta.url);

/** Starts an agent worker from `entry` (a .ts, .mts, .js or .mjs file URL) and attaches it to `hub`. */
export function spawnAgentWorker<T = AgentControl>(hub: WorkerHub, entry: URL | string, options: SpawnAgentWorkerOptions): AgentWorkerHandle<T> {
  const entryUrl = entry instanceof URL ? entry.href : new URL(entry).href;
  const { port1, port2 } = new MessageChannel();
  const data: AgentWorkerData = { entryUrl, memberId: options.memberId, transportPort: port2, user: options.data };
  const worker = new Worker(BOOTSTRAP_URL, {
    workerData: { [AGENT_WORKER_DATA_KEY]: data },
    transferList: [port2, ...(options.transferList ?? [])],
    name: options.name ?? `agent-${options.memberId}`,
    ...(options.resourceLimits === undefined ? {} : { resourceLimits: options.resourceLimits }),
  });
  hub.attach(options.memberId, port1);
  const control = wrap<T>(nodeEndpoint(worker));
  const exited = new Promise<number>((resolve) => {
    worker.once('exit', (code) => {
      hub.detach(options.memberId, port1); // not a newer worker that took the same id
      resolve(code);
    });
  });
  // An uncaught error in the entry ends the thread; `exited` reports it, this keeps it from crashing the main thread.
  let lastError: unknown;
  worker.on('error', (err) => {
    lastError = err;
  });
  let terminating: Promise<void> | undefined;
  return {
    memberId: options.memberId,
    worker,
    control,
    exited,
    untilExit<R>(call: Promise<R>): Promise<R> {
      return Promise.race([
        call,
        exited.then((code) => {
          throw new AgentWorkerExitedError(options.memberId, code, lastError);
        }),
      ]);
    },
    terminate() {
      terminating ??= (async () => {
        control[releaseProxy]();
        hub.detach(options.memberId, port1);
        await worker.terminate();
        await exited;
      })();
      return terminating;
    },
  };
}

/** What the agent entry gets from spawnAgentWorker. */
export interface AgentWorkerContext {
  readonly memberId: number;
  /** Port to hand to `createWorkerTransport` as `hubPort`. */
  readonly transportPort: MessagePort;
  /** The `data` given to spawnAgentWorker. */
  readonly data: unknown;
}

/** Inside an agent worker: what spawnAgentWorker passed. Throws when not in one. */
export function agentWorkerContext(): AgentWorkerContext {
  const data = (workerData as Record<string, unknown> | null)?.[AGENT_WORKER_DATA_KEY] as AgentWorkerData | undefined;
  if (data === undefined) throw new TransportError('not inside a worker started by spawnAgentWorker');
  return { memberId: data.memberId, transportPort: data.transportPort, data: data.user };
}

/** Inside an agent worker: a worker transport for this member (not yet started). */
export function createAgentWorkerTransport(options: Omit<WorkerTransportOptions, 'hubPort' | 'localId'> = {}): WorkerTransport {
  const context = agentWorkerContext();
  return createWorkerTransport({ ...options, localId: context.memberId, hubPort: context.transportPort });
}

/** Inside an agent worker: serves `api` to the main thread's `handle.control` proxy. */
export function exposeAgentControl<T extends object>(api: T): void {
  assert(parentPort !== null, 'exposeAgentControl must run inside a worker thread');
  expose(api, nodeEndpoint(parentPort));
}

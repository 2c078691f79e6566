/**
 * The owner's side of the API server's own hooks: the services the owner
 * serves itself beside the etcd API (unary calls whose handlers hold state
 * of the member's thread, as the agent's Hello and Join), and the reports
 * the workers' servers make (gRPC call counts, client bytes, connection
 * limits, callers from another cluster) for the owner's metrics and logs.
 */
import { Metadata, status, type ServerUnaryCall, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { MessagePort } from 'node:worker_threads';
import type { CallObserver } from '../call-observer.js';
import type { ClientTraffic } from '../client-port/client-traffic.js';
import type { LimitRefusal } from '../limits/connection-registry.js';
import type { ErrorLog } from '../rpc.js';
import type { OwnerMessage, UnaryCallMessage, WorkerMessage } from './relay-protocol.js';

type UnaryHandler = (call: ServerUnaryCall<unknown, unknown>, callback: (error: unknown, value?: unknown) => void) => void;

interface OwnerMethod {
  readonly decode: (bytes: Buffer) => unknown;
  readonly encode: (value: unknown) => Buffer;
  readonly handler: UnaryHandler;
}

/** Unary services served on the owner's thread, reached through the workers' port. */
export class OwnerServices {
  private readonly methods = new Map<string, OwnerMethod>();

  /** Serves `definition`'s methods with `implementation` (unary methods only). */
  add(definition: ServiceDefinition, implementation: UntypedServiceImplementation): void {
    for (const [name, method] of Object.entries(definition)) {
      if (method.requestStream || method.responseStream) throw new Error(`${method.path}: only unary methods can be served from the member's thread`);
      const handler = implementation[name];
      if (typeof handler !== 'function') throw new Error(`${method.path} has no handler`);
      this.methods.set(method.path, { decode: method.requestDeserialize as (b: Buffer) => unknown, encode: method.responseSerialize as (v: unknown) => Buffer, handler: handler as UnaryHandler });
    }
  }

  /** The paths the workers route here. */
  get paths(): string[] {
    return [...this.methods.keys()];
  }

  /** Runs one call; resolves with the answer's bytes or a gRPC status. */
  call(message: UnaryCallMessage): Promise<{ response?: Uint8Array; error?: { code: number; details: string } }> {
    const method = this.methods.get(message.path);
    if (!method) return Promise.resolve({ error: { code: status.UNIMPLEMENTED, details: `${message.path} is not served here` } });
    return new Promise((resolve) => {
      const fail = (error: unknown) => {
        const e = error as { code?: number; details?: string; message?: string };
        resolve({ error: { code: typeof e.code === 'number' ? e.code : status.UNKNOWN, details: e.details ?? e.message ?? String(error) } });
      };
      let request: unknown;
      try {
        request = method.decode(Buffer.from(message.request));
      } catch (error) {
        return fail({ code: status.INTERNAL, details: `cannot decode the request: ${(error as Error).message}` });
      }
      const metadata = new Metadata();
      for (const [key, value] of Object.entries(message.metadata)) metadata.set(key, typeof value === 'string' ? value : Buffer.from(value));
      const call = {
        request,
        metadata,
        cancelled: false,
        getPeer: () => message.peer,
        getPath: () => message.path,
        getDeadline: () => Infinity,
        getAuthContext: () => (message.peerCertificate === undefined ? {} : { transportSecurityType: 'ssl', sslPeerCertificate: message.peerCertificate }),
        on: () => call,
        once: () => call,
        sendMetadata: () => undefined,
      } as unknown as ServerUnaryCall<unknown, unknown>;
      try {
        method.handler(call, (error, value) => {
          if (error) return fail(error);
          try {
            resolve({ response: method.encode(value) });
          } catch (e) {
            fail(e);
          }
        });
      } catch (error) {
        fail(error);
      }
    });
  }
}

/** What the owner does with the workers' reports (each absent: not reported). */
export interface OwnerHooks {
  readonly services: OwnerServices;
  readonly observeCall?: CallObserver;
  readonly traffic?: ClientTraffic;
  readonly onConnectionLimit?: (refusal: LimitRefusal) => void;
  readonly onRefused?: (callerClusterId: string, thisClusterId: string) => void;
}

/** Serves the hooks of the worker at the other end of `port`; returns the function that stops it (its traffic stays counted). */
export function hostHooks(hooks: OwnerHooks, port: MessagePort, log: ErrorLog): () => void {
  const source = {};
  const onMessage = (message: WorkerMessage) => {
    try {
      switch (message.t) {
        case 'unary':
          void hooks.services.call(message).then((answer) => {
            const reply: OwnerMessage = { t: 'unaryReply', id: message.id, ...answer };
            port.postMessage(reply);
          });
          return;
        case 'stats':
          hooks.traffic?.report(source, message.traffic);
          if (hooks.observeCall) replayCalls(hooks.observeCall, message.calls);
          return;
        case 'limit':
          return hooks.onConnectionLimit?.(message.refusal);
        case 'refused':
          return hooks.onRefused?.(message.theirs, message.ours);
      }
    } catch (error) {
      log(`API worker report (${message.t}) failed`, error);
    }
  };
  port.on('message', onMessage);
  return () => {
    port.off('message', onMessage);
    hooks.traffic?.retire(source);
  };
}

function replayCalls(observer: CallObserver, calls: Extract<WorkerMessage, { t: 'stats' }>['calls']): void {
  for (const c of calls) {
    const call = { type: c.type, service: c.service, method: c.method };
    for (let i = 0; i < c.started; i++) observer.started(call);
    for (let i = 0; i < c.received; i++) observer.received(call);
    for (let i = 0; i < c.sent; i++) observer.sent(call);
    for (const [code, n] of Object.entries(c.handled)) for (let i = 0; i < n; i++) observer.handled(call, code);
  }
}

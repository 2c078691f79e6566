/**
 * The worker's side of the API server's own hooks (hooks-host.ts): the
 * server options whose callbacks live on the owner's thread, made from
 * messages. gRPC call counts and client bytes are summed here and reported
 * once a second when they changed (metrics are scraped every few seconds;
 * a message per call would cost the owner more than the call); connection
 * limits and foreign callers are reported as they happen (rare); the
 * services the owner serves itself are registered with the bytes passed
 * through undecoded, and each call is answered with the owner's answer.
 */
import { Metadata, type Server, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { MessagePort } from 'node:worker_threads';
import type { CallObserver, ObservedCall } from '../call-observer.js';
import { ClientTraffic, type ClientTrafficTotals } from '../client-port/client-traffic.js';
import type { EtcdServerOptions } from '../server.js';
import type { CallCounts, OwnerMessage, WorkerMessage } from './relay-protocol.js';
import type { ReplicaBackend } from './replica-backend.js';

/** How often call counts and client bytes go to the owner (when they changed). */
const REPORT_EVERY_MS = 1_000;

/** Which of the owner's hooks a worker feeds. */
export interface WorkerHookFlags {
  readonly observeCalls: boolean;
  readonly traffic: boolean;
  readonly connectionLimits: boolean;
  readonly clusterGuard: boolean;
  readonly metrics: boolean;
  /** gRPC paths (`/pkg.Service/Method`) of the unary methods the owner serves. */
  readonly ownerPaths: readonly string[];
}

const passthrough = (b: Buffer) => b;

export class WorkerHooks {
  private readonly counts = new Map<string, CallCounts>();
  private readonly traffic: ClientTraffic | undefined;
  private lastTraffic: ClientTrafficTotals = { sentBytes: 0, receivedBytes: 0 };
  private readonly timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, sendUnaryData<Buffer>>();

  constructor(
    private readonly port: MessagePort,
    private readonly backend: ReplicaBackend,
    private readonly flags: WorkerHookFlags,
  ) {
    this.traffic = flags.traffic ? new ClientTraffic() : undefined;
    if (flags.observeCalls || flags.traffic) {
      this.timer = setInterval(() => this.report(), REPORT_EVERY_MS);
      this.timer.unref();
    }
    port.on('message', (message: OwnerMessage) => {
      if (message.t !== 'unaryReply') return;
      const callback = this.waiting.get(message.id);
      if (!callback) return;
      this.waiting.delete(message.id);
      if (message.error) callback({ code: message.error.code, details: message.error.details });
      else callback(null, Buffer.from(message.response ?? new Uint8Array()));
    });
  }

  /** The server options that report to the owner. */
  serverOptions(): Pick<EtcdServerOptions, 'observeCall' | 'traffic' | 'onConnectionLimit' | 'clusterGuard' | 'metrics'> {
    const f = this.flags;
    return {
      ...(f.observeCalls ? { observeCall: this.observer() } : {}),
      ...(this.traffic ? { traffic: this.traffic } : {}),
      ...(f.connectionLimits ? { onConnectionLimit: (refusal) => this.post({ t: 'limit', refusal }) } : {}),
      ...(f.clusterGuard
        ? {
            clusterGuard: {
              clusterId: () => this.backend.header().clusterId,
              onRefused: (theirs: string, ours: string) => this.post({ t: 'refused', theirs, ours }),
            },
          }
        : {}),
      ...(f.metrics ? { metrics: () => this.backend.metrics() } : {}),
    };
  }

  /** Registers the owner's unary methods on `grpc`, relayed. */
  addOwnerServices(grpc: Server): void {
    for (const path of this.flags.ownerPaths) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      grpc.addService(
        { [name]: { path, requestStream: false, responseStream: false, requestSerialize: passthrough, requestDeserialize: passthrough, responseSerialize: passthrough, responseDeserialize: passthrough } },
        { [name]: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => this.relay(path, call, callback) },
      );
    }
  }

  /** Stops reporting (after one last report) and fails the calls still waiting. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.report();
    for (const callback of this.waiting.values()) callback({ code: 14, details: 'API worker closing' });
    this.waiting.clear();
  }

  private relay(path: string, call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>): void {
    const id = this.nextId++;
    this.waiting.set(id, callback);
    const metadata: Record<string, string | Uint8Array> = {};
    for (const [key, value] of Object.entries((call.metadata ?? new Metadata()).getMap())) metadata[key] = value;
    const cert = (call.getAuthContext?.() as { sslPeerCertificate?: unknown } | undefined)?.sslPeerCertificate;
    this.post({ t: 'unary', id, path, request: call.request, metadata, peer: call.getPeer(), ...(cert === undefined ? {} : { peerCertificate: cert }) });
  }

  private observer(): CallObserver {
    const entry = (call: ObservedCall): CallCounts => {
      const key = `${call.type} ${call.service}/${call.method}`;
      let c = this.counts.get(key);
      if (!c) this.counts.set(key, (c = { type: call.type, service: call.service, method: call.method, started: 0, received: 0, sent: 0, handled: {} }));
      return c;
    };
    return {
      started: (call) => void entry(call).started++,
      received: (call) => void entry(call).received++,
      sent: (call) => void entry(call).sent++,
      handled: (call, code) => {
        const h = entry(call).handled;
        h[code] = (h[code] ?? 0) + 1;
      },
    };
  }

  private report(): void {
    const traffic = this.traffic?.totals() ?? this.lastTraffic;
    const trafficChanged = traffic.sentBytes !== this.lastTraffic.sentBytes || traffic.receivedBytes !== this.lastTraffic.receivedBytes;
    if (this.counts.size === 0 && !trafficChanged) return;
    this.lastTraffic = traffic;
    const calls = [...this.counts.values()];
    this.counts.clear();
    this.post({ t: 'stats', calls, traffic });
  }

  private post(message: WorkerMessage): void {
    this.port.postMessage(message);
  }
}

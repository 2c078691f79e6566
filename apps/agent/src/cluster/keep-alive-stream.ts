/**
 * Lease keep-alives on one LeaseKeepAlive stream per agent (as etcd's
 * clients do), instead of a stream opened and closed for every renewal.
 * When the stream breaks or a renewal goes unanswered, the next renewal
 * opens a stream on the next endpoint of the ClusterClient; when every
 * endpoint has failed in a row, it warns once (and says so again once a
 * renewal goes through), since a lease that cannot be renewed expires and
 * takes the agent's volunteer key, status and exports with it.
 */
import type { etcdserverpb } from '@mgmt/proto';
import type { Logger } from '../log.js';
import { ClusterUnavailableError, type ClusterClient, type DuplexCall } from './cluster-client.js';
import { listeningTimeout } from './listening-timeout.js';

/** Unanswered renewals in a row after which the stream is given up for the next endpoint. */
const MAX_UNANSWERED = 2;

/**
 * Whether an unanswered renewal gives the stream up for the next endpoint:
 * after MAX_UNANSWERED in a row (a slow member answers late, so one is not
 * enough), or at once when the last answer is more than half the lease's TTL
 * old, so the next renewal still reaches a live member before the lease
 * expires (with a 5 s TTL renewed every 1.7 s, waiting for two 3 s timeouts
 * on a member cut off from the rest let every lease expire: CI's netns test).
 */
export function givesUp(unanswered: number, msSinceAnswer: number, ttlMs: number): boolean {
  return unanswered >= MAX_UNANSWERED || msSinceAnswer > ttlMs / 2;
}

/** A renewal the member did not answer in time (a busy member; the stream itself may be fine). */
export class KeepAliveTimeoutError extends ClusterUnavailableError {}

type KeepAliveCall = DuplexCall<etcdserverpb.ILeaseKeepAliveRequest, etcdserverpb.LeaseKeepAliveResponse>;

export class KeepAliveStream {
  private call: KeepAliveCall | undefined;
  private url: string | undefined;
  private readonly waiting = new Map<number, Array<{ resolve: (ttl: number) => void; reject: (err: Error) => void }>>();
  private failuresInARow = 0;
  /** Renewals in a row that went unanswered on the current stream. */
  private unanswered = 0;
  private warned = false;
  /** When a renewal was last answered (or the stream was created). */
  private answeredAt = Date.now();

  constructor(
    private readonly client: ClusterClient,
    private readonly log: Logger,
    private timeoutMs = 3_000,
    /** The lease's TTL: the stream moves on before a silent member lets the lease expire. */
    private ttlMs = Number.POSITIVE_INFINITY,
  ) {}

  /** A lease of another TTL is renewed from now on (lease-ttl.ts): its renewals' timeout and TTL. */
  setTimes(timeoutMs: number, ttlMs: number): void {
    this.timeoutMs = timeoutMs;
    this.ttlMs = ttlMs;
  }

  /** Renews lease `id` once; resolves with its TTL (<= 0: the lease is gone). */
  renew(id: number): Promise<number> {
    const call = this.ensureCall();
    if (!call) return Promise.reject(new ClusterUnavailableError('no endpoints to reach the cluster'));
    const url = this.url!;
    return new Promise<number>((resolve, reject) => {
      const list = this.waiting.get(id) ?? [];
      const waiter = {
        resolve: (ttl: number) => {
          timer.cancel();
          this.unanswered = 0;
          this.answeredAt = Date.now();
          this.succeeded();
          resolve(ttl);
        },
        reject: (err: Error) => {
          timer.cancel();
          reject(err);
        },
      };
      // A slow answer is not a broken stream (an overloaded member answers late): only
      // MAX_UNANSWERED renewals in a row without an answer move the stream to the next endpoint.
      // Nor is one this process did not read for stalling (listening-timeout.ts).
      const timer = listeningTimeout(this.timeoutMs, () => {
        const pending = this.waiting.get(id);
        const at = pending?.indexOf(waiter) ?? -1;
        if (at >= 0) pending!.splice(at, 1);
        if (givesUp(++this.unanswered, Date.now() - this.answeredAt, this.ttlMs)) this.broken(call, url, `no keep-alive answer within ${this.timeoutMs} ms, ${this.unanswered} time(s) in a row`);
        reject(new KeepAliveTimeoutError(`no keep-alive answer within ${this.timeoutMs} ms`));
      });
      list.push(waiter);
      this.waiting.set(id, list);
      call.write({ ID: id });
    });
  }

  /** A lease was just granted: its whole TTL is ahead of it. */
  granted(): void {
    this.answeredAt = Date.now();
  }

  /** Closes the stream; pending renewals fail. */
  close(): void {
    const call = this.call;
    this.call = undefined;
    this.rejectAll(new ClusterUnavailableError('keep-alive stream closed'));
    try {
      call?.cancel();
    } catch {
      // already closed
    }
  }

  private ensureCall(): KeepAliveCall | undefined {
    // The client moved on (a call failed over, or came back to the agent's own member): follow it.
    if (this.call && this.url !== this.client.endpoint) this.close();
    if (this.call) return this.call;
    const opened = this.client.openStream<etcdserverpb.ILeaseKeepAliveRequest, etcdserverpb.LeaseKeepAliveResponse>('lease');
    if (!opened) return undefined;
    const { url, call } = opened;
    this.call = call;
    this.url = url;
    call.on('data', (res) => {
      const id = Number(res.ID ?? 0);
      const list = this.waiting.get(id);
      const first = list?.shift();
      if (list && list.length === 0) this.waiting.delete(id);
      first?.resolve(Number(res.TTL ?? 0));
    });
    call.on('error', (err) => this.broken(call, url, err.details || err.message));
    call.on('end', () => this.broken(call, url, 'keep-alive stream ended'));
    return call;
  }

  private broken(call: KeepAliveCall, url: string, why: string): void {
    if (this.call !== call) return;
    this.call = undefined;
    this.url = undefined;
    try {
      call.cancel();
    } catch {
      // already closed
    }
    this.client.failOver(url);
    this.unanswered = 0;
    this.failuresInARow++;
    const endpoints = this.client.endpointList;
    if (!this.warned && this.failuresInARow >= Math.max(1, endpoints.length)) {
      this.warned = true;
      this.log.warn({ endpoints, err: why }, `lease keep-alive failed on every endpoint (${endpoints.join(', ')}); the lease expires unless one answers`);
    } else {
      this.log.debug({ url, err: why }, 'keep-alive failed; the next renewal tries the next endpoint');
    }
    this.rejectAll(new ClusterUnavailableError(why));
  }

  private succeeded(): void {
    if (this.warned) this.log.info({ url: this.url }, 'lease keep-alive answered again');
    this.warned = false;
    this.failuresInARow = 0;
  }

  private rejectAll(err: Error): void {
    const all = [...this.waiting.values()].flat();
    this.waiting.clear();
    for (const w of all) w.reject(err);
  }
}

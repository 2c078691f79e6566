/**
 * Forwards the lease calls only the leader can answer (keep-alive and
 * time-to-live: the leader keeps the lease clocks) to the leader's etcd
 * API, with one gRPC client per leader URL. Keep-alives share one
 * long-lived stream per leader URL: a fleet's agents renew hundreds of
 * leases a second through each follower, and a stream opened and closed
 * for each renewal cost the leader more than the renewal itself. The
 * leader answers a stream's renewals in order, so each answer goes to the
 * oldest renewal waiting for that lease. A stream on which nothing was
 * answered for FORWARD_TIMEOUT_MS is failed with everything waiting on it
 * (a later answer could otherwise be taken for a newer renewal's); one
 * that still answers others keeps a renewal waiting for its turn, up to
 * MAX_FORWARD_WAIT_MS. At a 1,000-agent restart a follower forwards a few
 * hundred renewals at once; failing them all whenever one waited 3 s broke
 * every agent stream on the follower (72 "no leader" in one restart), and
 * each agent then failed over to another member.
 *
 * An `https://` leader is dialled with the agent's own client identity
 * (its cluster certificate); a renewed identity closes the clients, so the
 * next call dials with it.
 */
import { credentials, makeGenericClientConstructor, status as GrpcStatus, type Client, type ServiceError } from '@grpc/grpc-js';
import { EtcdError, Errors, LeaseService, type GrpcCode } from '@mgmt/kv';
import type { etcdserverpb } from '@mgmt/proto';
import type { DialTls } from '../security/agent-tls.js';

const LeaseClient = makeGenericClientConstructor(LeaseService, 'Lease');
const FORWARD_TIMEOUT_MS = 3_000;
/** A renewal waits at most this long for its turn on a stream that still answers others. */
const MAX_FORWARD_WAIT_MS = 10_000;

type Unary<Req, Res> = (req: Req, opts: { deadline: number }, cb: (err: ServiceError | null, res?: Res) => void) => void;

interface LeaseStub extends Client {
  LeaseTimeToLive: Unary<etcdserverpb.ILeaseTimeToLiveRequest, etcdserverpb.LeaseTimeToLiveResponse>;
  LeaseKeepAlive: (opts?: { deadline: number }) => {
    write(req: etcdserverpb.ILeaseKeepAliveRequest): void;
    end(): void;
    cancel(): void;
    on(event: 'data', fn: (res: etcdserverpb.LeaseKeepAliveResponse) => void): void;
    on(event: 'error', fn: (err: ServiceError) => void): void;
    on(event: 'end', fn: () => void): void;
  };
}

function fromGrpc(err: ServiceError): EtcdError {
  if (err.code === GrpcStatus.DEADLINE_EXCEEDED || err.code === GrpcStatus.UNAVAILABLE) return Errors.noLeader(err);
  return new EtcdError(err.code as GrpcCode, err.details || err.message, { cause: err });
}

type KeepAliveCall = ReturnType<LeaseStub['LeaseKeepAlive']>;

/** A renewal waiting for its answer. */
interface Waiter {
  resolve(ttl: number): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** The keep-alive stream to one leader URL, and the renewals waiting on it, by lease id. */
interface KeepAliveChannel {
  call: KeepAliveCall;
  waiting: Map<number, Waiter[]>;
  /** When the leader last answered on it (or it was opened). */
  answeredMs: number;
}

/** gRPC clients to the current leader, for lease calls. */
export class LeaderForwarder {
  private readonly clients = new Map<string, LeaseStub>();
  private readonly channels = new Map<string, KeepAliveChannel>();
  private readonly unsubscribe: (() => void) | undefined;

  /** `tls`: how to dial `https://` leaders (absent: they cannot be reached, as a client without TLS). */
  constructor(private readonly tls?: DialTls) {
    this.unsubscribe = tls?.renewals?.subscribe(() => this.closeClients());
  }

  private client(url: string): LeaseStub {
    let c = this.clients.get(url);
    if (!c) {
      const target = url.replace(/^[a-z]+:\/\//, '');
      const creds = url.startsWith('https://') ? credentials.createSsl(this.tls?.ca ?? null, this.tls?.identity?.key ?? null, this.tls?.identity?.cert ?? null) : credentials.createInsecure();
      c = new LeaseClient(target, creds) as unknown as LeaseStub;
      this.clients.set(url, c);
    }
    return c;
  }

  /** Renews lease `id` on the leader at `url`; resolves with its TTL in seconds. */
  keepAlive(url: string, id: number): Promise<number> {
    const ch = this.channel(url);
    return new Promise((resolve, reject) => {
      const sentMs = Date.now();
      // The leader answers in order: while it answers others, this one's turn comes (a fleet's
      // renewals after a restart queue up); a stream answering nothing is given up.
      const onTimeout = (): void => {
        if (Date.now() - ch.answeredMs >= FORWARD_TIMEOUT_MS || Date.now() - sentMs >= MAX_FORWARD_WAIT_MS) this.fail(url, ch, Errors.noLeader());
        else w.timer = setTimeout(onTimeout, FORWARD_TIMEOUT_MS);
      };
      const queue = ch.waiting.get(id);
      const w: Waiter = { resolve, reject, timer: setTimeout(onTimeout, FORWARD_TIMEOUT_MS) };
      if (queue) queue.push(w);
      else ch.waiting.set(id, [w]);
      ch.call.write({ ID: id });
    });
  }

  /** The keep-alive stream to `url`, opened on first use (and again after it failed). */
  private channel(url: string): KeepAliveChannel {
    const open = this.channels.get(url);
    if (open) return open;
    const ch: KeepAliveChannel = { call: this.client(url).LeaseKeepAlive(), waiting: new Map(), answeredMs: Date.now() };
    this.channels.set(url, ch);
    ch.call.on('data', (res) => {
      ch.answeredMs = Date.now();
      const id = Number(res.ID ?? 0);
      const queue = ch.waiting.get(id);
      const w = queue?.shift();
      if (!w) return;
      if (queue!.length === 0) ch.waiting.delete(id);
      clearTimeout(w.timer);
      // etcd answers TTL <= 0 for a lease that no longer exists.
      if ((res.TTL ?? 0) <= 0) w.reject(Errors.leaseNotFound());
      else w.resolve(res.TTL);
    });
    ch.call.on('error', (err) => this.fail(url, ch, fromGrpc(err)));
    ch.call.on('end', () => this.fail(url, ch, Errors.noLeader()));
    return ch;
  }

  /** Ends a keep-alive stream: every renewal waiting on it fails with `err`; the next renewal opens a new one. */
  private fail(url: string, ch: KeepAliveChannel, err: Error): void {
    if (this.channels.get(url) === ch) this.channels.delete(url);
    const waiting = [...ch.waiting.values()].flat();
    ch.waiting.clear();
    for (const w of waiting) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    try {
      ch.call.cancel();
    } catch {
      // already closed
    }
  }

  /** A lease's remaining and granted TTL, from the leader at `url`. */
  timeToLive(url: string, id: number): Promise<{ ttlSeconds: number; grantedTtlSeconds: number }> {
    return new Promise((resolve, reject) => {
      this.client(url).LeaseTimeToLive({ ID: id }, { deadline: Date.now() + FORWARD_TIMEOUT_MS }, (err, res) => {
        if (err) return reject(fromGrpc(err));
        if (!res || (res.TTL ?? -1) < 0) return reject(Errors.leaseNotFound());
        resolve({ ttlSeconds: res.TTL, grantedTtlSeconds: res.grantedTTL });
      });
    });
  }

  /** Closes every client (renewals waiting fail). */
  close(): void {
    this.unsubscribe?.();
    this.closeClients();
  }

  private closeClients(): void {
    for (const [url, ch] of this.channels) this.fail(url, ch, Errors.noLeader());
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

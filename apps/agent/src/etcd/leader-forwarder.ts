/**
 * Forwards the lease calls only the leader can answer (keep-alive and
 * time-to-live: the leader keeps the lease clocks) to the leader's etcd
 * API, with one gRPC client per leader URL.
 */
import { credentials, makeGenericClientConstructor, status as GrpcStatus, type Client, type ServiceError } from '@grpc/grpc-js';
import { EtcdError, Errors, LeaseService, type GrpcCode } from '@mgmt/kv';
import type { etcdserverpb } from '@mgmt/proto';

const LeaseClient = makeGenericClientConstructor(LeaseService, 'Lease');
const FORWARD_TIMEOUT_MS = 3_000;

type Unary<Req, Res> = (req: Req, opts: { deadline: number }, cb: (err: ServiceError | null, res?: Res) => void) => void;

interface LeaseStub extends Client {
  LeaseTimeToLive: Unary<etcdserverpb.ILeaseTimeToLiveRequest, etcdserverpb.LeaseTimeToLiveResponse>;
  LeaseKeepAlive: (opts: { deadline: number }) => {
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

/** gRPC clients to the current leader, for lease calls. */
export class LeaderForwarder {
  private readonly clients = new Map<string, LeaseStub>();

  private client(url: string): LeaseStub {
    let c = this.clients.get(url);
    if (!c) {
      const target = url.replace(/^[a-z]+:\/\//, '');
      c = new LeaseClient(target, credentials.createInsecure()) as unknown as LeaseStub;
      this.clients.set(url, c);
    }
    return c;
  }

  /** Renews lease `id` on the leader at `url`; resolves with its TTL in seconds. */
  keepAlive(url: string, id: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const call = this.client(url).LeaseKeepAlive({ deadline: Date.now() + FORWARD_TIMEOUT_MS });
      let done = false;
      call.on('data', (res) => {
        if (done) return;
        done = true;
        call.end();
        // etcd answers TTL <= 0 for a lease that no longer exists.
        if ((res.TTL ?? 0) <= 0) reject(Errors.leaseNotFound());
        else resolve(res.TTL);
      });
      call.on('error', (err) => {
        if (done) return;
        done = true;
        reject(fromGrpc(err));
      });
      call.on('end', () => {
        if (!done) {
          done = true;
          reject(Errors.noLeader());
        }
      });
      call.write({ ID: id });
    });
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

  /** Closes every client. */
  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

/**
 * Raw gRPC clients of etcd's services over ONE HTTP/2 connection of their
 * own (tests of what a server does per connection: limits, floods).
 * Streams opened through `track` are ended by `close()`, because grpc-js's
 * client close leaves open calls running.
 */
import { Channel, credentials, makeGenericClientConstructor, type Client, type ClientDuplexStream, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { KvService, LeaseService, WatchService } from '../src/index.js';
import { loadConcurrencyRoot } from '../src/server/concurrency/concurrency-proto.js';
import { concurrencyServices } from '../src/server/concurrency/concurrency-services.js';

type WatchReq = etcdserverpb.WatchRequest.$Properties;
type WatchRes = etcdserverpb.WatchResponse;
/** A unary method of a generic client. */
export type Unary<Req, Res> = (req: Req, cb: (err: ServiceError | null, res?: Res) => void) => void;

const WatchCtor = makeGenericClientConstructor(WatchService, 'Watch');
const LeaseCtor = makeGenericClientConstructor(LeaseService, 'Lease');
const KvCtor = makeGenericClientConstructor(KvService, 'KV');
const ElectionCtor = makeGenericClientConstructor(concurrencyServices(loadConcurrencyRoot()).election, 'Election');

/** The clients of one connection; see the file comment. */
export type RawConnection = ReturnType<typeof rawConnection>;

/** Opens one connection to `endpoint` (host:port) with Watch, Lease, KV and Election clients on it. */
export function rawConnection(endpoint: string) {
  const channel = new Channel(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
  const options = { channelOverride: channel };
  const watch = new WatchCtor(endpoint, credentials.createInsecure(), options) as unknown as Client & { Watch(): ClientDuplexStream<WatchReq, WatchRes> };
  const lease = new LeaseCtor(endpoint, credentials.createInsecure(), options) as unknown as Client & {
    LeaseGrant: Unary<etcdserverpb.ILeaseGrantRequest, etcdserverpb.LeaseGrantResponse>;
    LeaseKeepAlive(): ClientDuplexStream<etcdserverpb.ILeaseKeepAliveRequest, etcdserverpb.LeaseKeepAliveResponse>;
  };
  const kv = new KvCtor(endpoint, credentials.createInsecure(), options) as unknown as Client & {
    Put: Unary<etcdserverpb.IPutRequest, etcdserverpb.PutResponse>;
    Range: Unary<etcdserverpb.IRangeRequest, etcdserverpb.RangeResponse>;
  };
  const election = new ElectionCtor(endpoint, credentials.createInsecure(), options) as unknown as Client & {
    Observe(req: { name: Buffer }): ClientReadableStream<unknown>;
  };
  const opened: Array<{ cancel(): void }> = [];
  const track = <S extends { cancel(): void }>(s: S): S => (opened.push(s), s);
  const call = <Req, Res>(fn: Unary<Req, Res>, req: Req) =>
    new Promise<{ res?: Res; err?: ServiceError }>((resolve) => fn(req, (err, res) => resolve(err ? { err } : { res: res! })));
  return {
    channel,
    watch,
    lease,
    kv,
    election,
    call,
    track,
    close: () => {
      for (const s of opened) s.cancel();
      for (const c of [watch, lease, kv, election]) c.close();
      channel.close();
    },
  };
}

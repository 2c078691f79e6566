/**
 * The load generator: a child process of the benchmark driver, the same
 * for etcd and mgmt. It speaks etcd's v3 gRPC API with grpc-js and the
 * static protobuf codecs (no client library in the way), runs one job at a
 * time as the driver asks over IPC, and answers with its measurements.
 */
import { credentials, makeGenericClientConstructor, Metadata, type Client, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { AuthService, KvService, WatchService } from '@mgmt/kv';
import type { etcdserverpb } from '@mgmt/proto';
import fs from 'node:fs';
import { epochMs, type AuthenticateJob, type TlsFiles, type FailoverJob, type FirstWriteJob, type FromChild, type Job, type JobResult, type PutJob, type ReadJob, type ToChild, type WatchJob, type WatchResult } from './protocol.js';
import { summarize } from './stats.js';

const KvClient = makeGenericClientConstructor(KvService, 'KV');
const WatchClient = makeGenericClientConstructor(WatchService, 'Watch');
const AuthClient = makeGenericClientConstructor(AuthService, 'Auth');

type Unary<Req, Res> = (req: Req, opts: { deadline: number }, cb: (err: ServiceError | null, res?: Res) => void) => void;
interface KvStub extends Client {
  Put: Unary<etcdserverpb.IPutRequest, etcdserverpb.PutResponse>;
  Range: Unary<etcdserverpb.IRangeRequest, etcdserverpb.RangeResponse>;
}
interface WatchStub extends Client {
  Watch: () => ClientDuplexStream<etcdserverpb.IWatchRequest, etcdserverpb.WatchResponse>;
}

/** At most this many gRPC connections per endpoint, whatever the client count (etcd's benchmark --conns). */
const MAX_CONNS_PER_ENDPOINT = 8;
const REQUEST_TIMEOUT_MS = 10_000;
const enc = new TextEncoder();

/** Channel options: a connection of its own, and quick reconnects (servers come and go in this benchmark). */
const channelOptions = {
  'grpc.use_local_subchannel_pool': 1,
  'grpc.initial_reconnect_backoff_ms': 50,
  'grpc.min_reconnect_backoff_ms': 50,
  'grpc.max_reconnect_backoff_ms': 200,
};

function kvClients(endpoints: readonly string[], count: number, tls?: TlsFiles): KvStub[] {
  const creds = tls ? credentials.createSsl(fs.readFileSync(tls.ca), fs.readFileSync(tls.key), fs.readFileSync(tls.cert)) : credentials.createInsecure();
  const out: KvStub[] = [];
  for (let i = 0; i < count; i++) out.push(new KvClient(endpoints[i % endpoints.length]!, creds, channelOptions) as unknown as KvStub);
  return out;
}

function unary<Req, Res>(client: Client, fn: Unary<Req, Res>, req: Req, timeoutMs: number, metadata?: Metadata): Promise<Res> {
  return new Promise((resolve, reject) => {
    const cb = (err: ServiceError | null, res?: Res) => (err || !res ? reject(err ?? new Error('empty response')) : resolve(res));
    if (metadata) (fn as unknown as (r: Req, md: Metadata, o: { deadline: number }, c: typeof cb) => void).call(client, req, metadata, { deadline: Date.now() + timeoutMs }, cb);
    else fn.call(client, req, { deadline: Date.now() + timeoutMs }, cb);
  });
}

function connsFor(endpoints: readonly string[], clients: number): number {
  return Math.min(clients, MAX_CONNS_PER_ENDPOINT * endpoints.length);
}

/**
 * Runs `clients` closed loops of `op` for warmup + duration and measures
 * latencies completed inside the window after the warm-up.
 */
async function closedLoops(clients: number, warmupMs: number, durationMs: number, op: (client: number, n: number) => Promise<unknown>): Promise<JobResult> {
  const start = performance.now();
  const from = start + warmupMs;
  const until = from + durationMs;
  const latencies: number[] = [];
  let errors = 0;
  const loop = async (c: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const t0 = performance.now();
      if (t0 >= until) return;
      try {
        await op(c, n);
        const t1 = performance.now();
        if (t0 >= from && t1 <= until) latencies.push(t1 - t0);
      } catch {
        if (t0 >= from) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c)));
  return summarize(latencies, durationMs, errors);
}

async function runPut(job: PutJob): Promise<JobResult> {
  const conns = kvClients(job.endpoints, connsFor(job.endpoints, job.clients), job.tls);
  const value = new Uint8Array(job.valueBytes).fill(0x61);
  const keys = Array.from({ length: job.keySpace }, (_, i) => enc.encode(`bench/put/${String(i).padStart(8, '0')}`));
  const metadata = job.token === undefined ? undefined : new Metadata();
  metadata?.set('token', job.token!);
  try {
    return await closedLoops(job.clients, job.warmupMs, job.durationMs, (c, n) => {
      const conn = conns[c % conns.length]!;
      const key = keys[(c * 7919 + n * 104729) % keys.length]!;
      return unary(conn, conn.Put, { key, value }, REQUEST_TIMEOUT_MS, metadata);
    });
  } finally {
    for (const c of conns) c.close();
  }
}

async function runRead(job: ReadJob): Promise<JobResult> {
  const conns = kvClients(job.endpoints, connsFor(job.endpoints, job.clients), job.tls);
  const key = enc.encode('bench/read/key');
  try {
    await unary(conns[0]!, conns[0]!.Put, { key, value: new Uint8Array(256).fill(0x62) }, REQUEST_TIMEOUT_MS);
    return await closedLoops(job.clients, job.warmupMs, job.durationMs, (c) => {
      const conn = conns[c % conns.length]!;
      return unary(conn, conn.Range, { key, serializable: job.serializable }, REQUEST_TIMEOUT_MS);
    });
  } finally {
    for (const c of conns) c.close();
  }
}

async function runAuthenticate(job: AuthenticateJob): Promise<JobResult> {
  const conns = Array.from({ length: connsFor(job.endpoints, job.clients) }, (_, i) => new AuthClient(job.endpoints[i % job.endpoints.length]!, credentials.createInsecure(), channelOptions));
  const authenticate = (c: Client) => (c as unknown as { Authenticate: Unary<etcdserverpb.IAuthenticateRequest, etcdserverpb.AuthenticateResponse> }).Authenticate;
  try {
    return await closedLoops(job.clients, job.warmupMs, job.durationMs, (c) => {
      const conn = conns[c % conns.length]!;
      return unary(conn, authenticate(conn), { name: job.name, password: job.password }, REQUEST_TIMEOUT_MS);
    });
  } finally {
    for (const c of conns) c.close();
  }
}

async function runWatch(job: WatchJob): Promise<WatchResult> {
  const prefix = enc.encode('bench/watch/');
  const rangeEnd = enc.encode('bench/watch0'); // the prefix's end: '/' + 1
  const watchConns: WatchStub[] = [];
  for (let i = 0; i < Math.min(job.watchers, MAX_CONNS_PER_ENDPOINT * job.endpoints.length); i++) {
    watchConns.push(new WatchClient(job.endpoints[i % job.endpoints.length]!, credentials.createInsecure(), channelOptions) as unknown as WatchStub);
  }
  const writers = kvClients(job.endpoints, connsFor(job.endpoints, job.writers));
  let counting = false;
  let events = 0;
  let created = 0;
  const streams: Array<ClientDuplexStream<etcdserverpb.IWatchRequest, etcdserverpb.WatchResponse>> = [];
  try {
    const allCreated = new Promise<void>((resolve, reject) => {
      for (let w = 0; w < job.watchers; w++) {
        const conn = watchConns[w % watchConns.length]!;
        const stream = conn.Watch();
        streams.push(stream);
        stream.on('data', (res: etcdserverpb.WatchResponse) => {
          if (res.created && ++created === job.watchers) resolve();
          if (counting) events += res.events.length;
        });
        stream.on('error', (err: ServiceError) => {
          if (err.code !== 1) reject(err);
        });
        stream.write({ createRequest: { key: prefix, rangeEnd } });
      }
    });
    await allCreated;
    const value = new Uint8Array(job.valueBytes).fill(0x63);
    let writes = 0;
    const t0 = performance.now();
    const from = t0 + job.warmupMs;
    const until = from + job.durationMs;
    // Events count while the window is open; writes count when they start and end inside it.
    const opens = setTimeout(() => (counting = true), job.warmupMs);
    const closes = setTimeout(() => (counting = false), job.warmupMs + job.durationMs);
    const writer = async (c: number): Promise<void> => {
      for (let n = 0; performance.now() < until; n++) {
        const conn = writers[c % writers.length]!;
        const now = performance.now();
        await unary(conn, conn.Put, { key: enc.encode(`bench/watch/${c}-${n % 1000}`), value }, REQUEST_TIMEOUT_MS);
        if (now >= from && performance.now() <= until) writes++;
      }
    };
    await Promise.all(Array.from({ length: job.writers }, (_, c) => writer(c)));
    clearTimeout(opens);
    clearTimeout(closes);
    counting = false;
    const seconds = job.durationMs / 1000;
    return { eventsPerSec: events / seconds, writesPerSec: writes / seconds, deliveredFraction: writes > 0 ? events / (writes * job.watchers) : 0 };
  } finally {
    for (const s of streams) s.cancel();
    for (const c of [...watchConns, ...writers]) c.close();
  }
}

/** Puts one key, trying the endpoints in turn, until one attempt succeeds after `notBeforeMs` (epoch). */
async function firstWriteAfter(job: FirstWriteJob | FailoverJob, notBefore: () => number | undefined, onProgress?: (n: number) => void): Promise<JobResult> {
  const conns = kvClients(job.endpoints, job.endpoints.length);
  const value = new Uint8Array(256).fill(0x64);
  const deadline = performance.now() + job.giveUpMs;
  let attempts = 0;
  let successes = 0;
  try {
    for (let i = 0; performance.now() < deadline; i++) {
      const conn = conns[i % conns.length]!;
      const startedAt = epochMs();
      attempts++;
      try {
        await unary(conn, conn.Put, { key: enc.encode('bench/first-write'), value }, job.attemptTimeoutMs);
        if (process.env.BENCH_TRACE) console.error(`attempt ok ${job.endpoints[i % conns.length]} ${startedAt.toFixed(0)} +${(epochMs() - startedAt).toFixed(0)}`);
        const limit = notBefore();
        if (limit !== undefined && startedAt >= limit) return { atMs: epochMs(), attempts };
        onProgress?.(++successes);
        i--; // stay on a member that works
      } catch (err) {
        if (process.env.BENCH_TRACE) console.error(`attempt failed ${job.endpoints[i % conns.length]} ${startedAt.toFixed(0)} +${(epochMs() - startedAt).toFixed(0)} ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    for (const c of conns) c.close();
  }
  throw new Error(`no write succeeded within ${job.giveUpMs} ms`);
}

function send(msg: FromChild): void {
  process.send?.(msg);
}

/** The child's session: one job at a time, and the kill time of a failover job. */
function serve(): void {
  let killedAtMs: number | undefined;
  const runJob = async (job: Job): Promise<JobResult> => {
    switch (job.kind) {
      case 'put':
        return runPut(job);
      case 'read':
        return runRead(job);
      case 'watch':
        return runWatch(job);
      case 'authenticate':
        return runAuthenticate(job);
      case 'first-write':
        return firstWriteAfter(job, () => 0);
      case 'failover':
        killedAtMs = undefined;
        return firstWriteAfter(job, () => killedAtMs, (n) => {
          if (n === 20) send({ type: 'ready' });
        });
    }
  };
  process.on('message', (msg: ToChild) => {
    if (msg.type === 'killed') {
      killedAtMs = msg.atMs;
      return;
    }
    runJob(msg.job).then(
      (result) => send({ type: 'result', result }),
      (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

serve();

// The etcd API served from an API worker thread (server/workers/api-pool.ts)
// over a LocalBackend on this thread: the real etcdctl against it, and a
// client that reads on one connection what it wrote on another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { credentials, makeGenericClientConstructor, Metadata, status, type Client, type sendUnaryData, type ServerUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { CLUSTER_ID_METADATA, ClientTraffic, KvService, LocalBackend } from '../src/index.js';
import { serveFromWorkers, type ApiPool } from '../src/server/workers/api-pool.js';
import { CtlProcess, etcdctl } from './harness.js';

let backend: LocalBackend;
let pool: ApiPool;
let endpoint: string;
const ctl = (...args: string[]) => etcdctl(endpoint, args);

beforeAll(async () => {
  backend = new LocalBackend({ name: 'pooled' });
  pool = serveFromWorkers(backend, { workers: 1, logError: () => {} });
  endpoint = `127.0.0.1:${await pool.listen('127.0.0.1:0')}`;
  backend.setClientUrls([`http://${endpoint}`]);
}, 30_000);

afterAll(async () => {
  await pool?.close();
  backend?.close();
});

type KvClient = Client & {
  Put(req: object, cb: (e: ServiceError | null, res: { header: { revision: string } }) => void): void;
  Range(req: object, cb: (e: ServiceError | null, res: { kvs: Array<{ value: Buffer }>; header: { revision: string } }) => void): void;
};

describe('the etcd API from a worker thread', () => {
  it('serves etcdctl: put, get, txn, member list and endpoint status', async () => {
    expect((await ctl('put', 'foo', 'bar')).stdout).toBe('OK\n');
    expect((await ctl('get', 'foo')).stdout).toBe('foo\nbar\n');
    // The write went through this thread's backend, and the worker's replica follows it.
    expect(backend.store.range({ key: new TextEncoder().encode('foo') }).kvs).toHaveLength(1);
    const txn = await etcdctl(endpoint, ['txn'], 'value("foo") = "bar"\n\nput foo baz\n\nput foo nope\n\n');
    expect(txn.stdout).toBe('SUCCESS\n\nOK\n');
    expect((await ctl('get', 'foo', '--print-value-only')).stdout).toBe('baz\n');
    expect((await ctl('member', 'list')).stdout).toContain(`pooled, http://127.0.0.1:2380, http://${endpoint}, false`);
    const status = await ctl('endpoint', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('3.4.23');
  });

  it('watches live and from a past revision', async () => {
    const live = new CtlProcess(endpoint, ['watch', '--prefix', 'w/']);
    const past = new CtlProcess(endpoint, ['watch', 'foo', '--rev', '1']);
    try {
      await past.waitFor('bar');
      await past.waitFor('baz');
      // Give the live watch time to register: it is served in the worker, so poll by writing until it shows.
      for (let i = 0; ; i++) {
        await ctl('put', `w/${i}`, `v${i}`);
        try {
          await live.waitFor(`w/${i}`, 500);
          break;
        } catch {
          if (i > 20) throw new Error('the live watch never showed a write');
        }
      }
    } finally {
      await live.kill();
      await past.kill();
    }
  });

  it('grants, keeps alive and inspects leases (kept on this thread) and lists them (from the replica)', async () => {
    const granted = (await ctl('lease', 'grant', '100')).stdout;
    const id = /^lease ([0-9a-f]+) granted/.exec(granted)![1]!;
    expect((await ctl('put', 'lk', 'v', `--lease=${id}`)).stdout).toBe('OK\n');
    expect((await ctl('lease', 'timetolive', id, '--keys')).stdout).toMatch(/attached keys\(\[lk\]\)/);
    expect((await ctl('lease', 'keep-alive', '--once', id)).stdout).toBe(`lease ${id} keepalived with TTL(100)\n`);
    expect((await ctl('lease', 'list')).stdout).toContain(id);
    expect((await ctl('lease', 'revoke', id)).stdout).toBe(`lease ${id} revoked\n`);
    expect((await ctl('get', 'lk')).stdout).toBe('');
    expect((await ctl('put', 'x', 'y', '--lease=1234')).stderr).toContain('etcdserver: requested lease not found');
  });

  it('answers a serializable read on another connection with at least what was written', async () => {
    const Ctor = makeGenericClientConstructor({ Put: KvService.Put, Range: KvService.Range }, 'KV');
    const writer = new Ctor(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }) as unknown as KvClient;
    const reader = new Ctor(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }) as unknown as KvClient;
    try {
      for (let i = 0; i < 50; i++) {
        const put = await new Promise<{ header: { revision: string } }>((resolve, reject) =>
          writer.Put({ key: Buffer.from('ryw'), value: Buffer.from(String(i)) }, (e, res) => (e ? reject(e) : resolve(res))),
        );
        const read = await new Promise<{ kvs: Array<{ value: Buffer }>; header: { revision: string } }>((resolve, reject) =>
          reader.Range({ key: Buffer.from('ryw'), serializable: true }, (e, res) => (e ? reject(e) : resolve(res))),
        );
        expect(Number(read.header.revision)).toBeGreaterThanOrEqual(Number(put.header.revision));
        expect(read.kvs[0]!.value.toString()).toBe(String(i));
      }
    } finally {
      writer.close();
      reader.close();
    }
  });

  it('reports its replica at the owner revision', async () => {
    await ctl('put', 'last', '1');
    const [replica] = await pool.replicas();
    expect(replica!.revision).toBe(backend.store.revision);
  });
});

describe('the pool', () => {
  it('refuses a worker count it cannot serve, with one clear error', () => {
    const b = new LocalBackend();
    try {
      expect(() => serveFromWorkers(b, { workers: 0 })).toThrow(/at least 1/);
      expect(() => serveFromWorkers(b, { workers: 1.5 })).toThrow(/at least 1/);
    } finally {
      b.close();
    }
  });
});

describe("the owner thread's hooks", () => {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const EchoService = {
    Echo: { path: '/test.Owner/Echo', requestStream: false, responseStream: false, requestSerialize: json, requestDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown, responseSerialize: json, responseDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown },
  };

  it('serves owner services, call metrics, client bytes and /metrics, and refuses callers of another cluster', async () => {
    const owner = new LocalBackend({ name: 'hooks' });
    const started: string[] = [];
    const handled: string[] = [];
    const refused: string[] = [];
    const traffic = new ClientTraffic();
    const hooked = serveFromWorkers(owner, {
      workers: 1,
      logError: () => {},
      observeCall: { started: (c) => started.push(c.method), received: () => {}, sent: () => {}, handled: (c, code) => handled.push(`${c.method} ${code}`) },
      traffic,
      metrics: async () => ({ contentType: 'text/plain', body: 'owner_metric 42\n' }),
      clusterGuard: { clusterId: () => owner.header().clusterId, onRefused: (theirs) => refused.push(theirs) },
    });
    const threadIds: number[] = [];
    hooked.services.add(EchoService, {
      Echo: (call: ServerUnaryCall<{ say: string }, unknown>, cb: sendUnaryData<unknown>) => {
        threadIds.push(threadId);
        if (call.request.say === 'fail') return cb({ code: status.FAILED_PRECONDITION, details: 'asked to fail' });
        cb(null, { said: call.request.say, peer: call.getPeer(), meta: call.metadata.get('x-test')[0] });
      },
    });
    const at = `127.0.0.1:${await hooked.listen('127.0.0.1:0')}`;
    const Echo = makeGenericClientConstructor(EchoService, 'Owner');
    const client = new Echo(at, credentials.createInsecure()) as unknown as Client & { Echo(req: object, md: Metadata, cb: (e: ServiceError | null, res: { said: string; peer: string; meta: string }) => void): void };
    try {
      const md = new Metadata();
      md.set('x-test', 'hello');
      const answer = await new Promise<{ said: string; peer: string; meta: string }>((resolve, reject) => client.Echo({ say: 'hi' }, md, (e, r) => (e ? reject(e) : resolve(r))));
      expect(answer).toMatchObject({ said: 'hi', meta: 'hello' });
      expect(answer.peer).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(threadIds).toEqual([threadId]);
      const failed = await new Promise<ServiceError | null>((resolve) => client.Echo({ say: 'fail' }, new Metadata(), (e) => resolve(e)));
      expect(failed?.code).toBe(status.FAILED_PRECONDITION);
      expect(failed?.details).toBe('asked to fail');

      const foreign = new Metadata();
      foreign.set(CLUSTER_ID_METADATA, 'abc');
      const refusedCall = await new Promise<ServiceError | null>((resolve) => client.Echo({ say: 'x' }, foreign, (e) => resolve(e)));
      expect(refusedCall?.code).toBe(status.FAILED_PRECONDITION);

      const metricsText = await fetch(`http://${at}/metrics`).then((r) => r.text());
      expect(metricsText).toBe('owner_metric 42\n');
      // Counts and bytes come once a second.
      for (let i = 0; i < 50 && (handled.length < 3 || traffic.totals().receivedBytes === 0); i++) await new Promise((r) => setTimeout(r, 100));
      expect(started.filter((m) => m === 'Echo')).toHaveLength(3);
      expect(handled).toContain('Echo OK');
      expect(handled).toContain('Echo FailedPrecondition');
      expect(traffic.totals().receivedBytes).toBeGreaterThan(0);
      expect(refused).toEqual(['abc']);
    } finally {
      client.close();
      await hooked.close();
      owner.close();
    }
    // What the worker counted stays counted after it is gone.
    expect(traffic.totals().sentBytes).toBeGreaterThan(0);
  });
});

describe('a worker that ends', () => {
  it('is replaced: the port serves again, from a replica that has every write', async () => {
    const owner = new LocalBackend({ name: 'replaced' });
    const restarting = serveFromWorkers(owner, { workers: 1, logError: () => {} });
    const at = `127.0.0.1:${await restarting.listen('127.0.0.1:0')}`;
    try {
      expect((await etcdctl(at, ['put', 'before', '1'])).stdout).toBe('OK\n');
      await restarting.terminateWorker(0);
      // Written on this thread while no worker serves: the new replica starts from a snapshot that has it.
      await owner.propose({ put: { key: Buffer.from('between'), value: Buffer.from('2') } });
      let got = '';
      for (let i = 0; i < 100 && got !== 'before\n1\nbetween\n2\n'; i++) {
        got = (await etcdctl(at, ['get', 'b', '--prefix'])).stdout;
        if (got !== 'before\n1\nbetween\n2\n') await new Promise((r) => setTimeout(r, 100));
      }
      expect(got).toBe('before\n1\nbetween\n2\n');
      expect((await etcdctl(at, ['put', 'after', '3'])).stdout).toBe('OK\n');
    } finally {
      await restarting.close();
      owner.close();
    }
  });
});

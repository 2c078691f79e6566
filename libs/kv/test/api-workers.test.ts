// The etcd API served from an API worker thread (server/workers/api-pool.ts)
// over a LocalBackend on this thread: the real etcdctl against it, and a
// client that reads on one connection what it wrote on another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials, makeGenericClientConstructor, type Client, type ServiceError } from '@grpc/grpc-js';
import { KvService, LocalBackend } from '../src/index.js';
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

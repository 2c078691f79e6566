// Proves the etcd3 npm client (a real etcd v3 client on grpc-js with its
// own copy of etcd's protos) works against our server: KV, prefix reads,
// txn, watch, leases with attached keys and keep-alive, member list and
// status. Also proves the size limits and the malformed-request behaviour:
// etcd's "request is too large" above 1.5 MiB, a gRPC error above the
// receive limit, an error for garbage bytes, and the server keeps serving.
import type { Client} from '@grpc/grpc-js';
import { credentials, makeGenericClientConstructor, status as grpcStatus } from '@grpc/grpc-js';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, until, type Harness } from './harness.js';

let h: Harness;
let client: Etcd3;
let nowMs = 1_000_000;

beforeAll(async () => {
  h = await startHarness({ backend: { now: () => nowMs, leaseCheckIntervalMs: 60_000 } });
  client = new Etcd3({ hosts: `http://${h.endpoint}` });
});
afterAll(async () => {
  client.close();
  await h.stop();
});

describe('etcd3 client against the server', () => {
  it('puts, gets, lists a prefix and deletes', async () => {
    await client.put('a/1').value('one');
    await client.put('a/2').value('two');
    expect(await client.get('a/1').string()).toBe('one');
    expect(await client.getAll().prefix('a/').strings()).toEqual({ 'a/1': 'one', 'a/2': 'two' });
    expect(await client.getAll().prefix('a/').count()).toBe(2);
    await client.delete().key('a/1');
    expect(await client.get('a/1').string()).toBeNull();
  });

  it('commits a compare-and-swap txn', async () => {
    await client.put('cas').value('v1');
    const ok = await client.if('cas', 'Value', '==', 'v1').then(client.put('cas').value('v2')).commit();
    expect(ok.succeeded).toBe(true);
    const no = await client.if('cas', 'Value', '==', 'v1').then(client.put('cas').value('v3')).commit();
    expect(no.succeeded).toBe(false);
    expect(await client.get('cas').string()).toBe('v2');
  });

  it('watches puts and deletes', async () => {
    const watcher = await client.watch().prefix('w/').create();
    const seen: string[] = [];
    watcher.on('put', (kv) => seen.push(`put ${kv.key.toString()}=${kv.value.toString()}`));
    watcher.on('delete', (kv) => seen.push(`delete ${kv.key.toString()}`));
    await client.put('w/x').value('1');
    await client.delete().key('w/x');
    await until(() => seen.length === 2, 'two watch events');
    expect(seen).toEqual(['put w/x=1', 'delete w/x']);
    await watcher.cancel();
  });

  it('grants a lease, keeps it alive, and expires it with its keys', async () => {
    const lease = client.lease(10, { autoKeepAlive: false });
    await lease.put('leased').value('v');
    const id = await lease.grant();
    expect(await client.get('leased').string()).toBe('v');
    await lease.keepaliveOnce();
    const ttl = await client.lease(10, { autoKeepAlive: false }); // a second lease, revoked below
    await ttl.grant();
    await ttl.revoke();
    // The leader's clock moves past the TTL; the backend proposes the expiry.
    nowMs += 11_000;
    await h.backend.expireLeases();
    expect(await client.get('leased').string()).toBeNull();
    expect(h.backend.store.lease(Number.parseInt(id, 10))).toBeUndefined();
    lease.release();
  });

  it('answers a large prefix read again with every change since, the kept answer or not', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `big/${String(i).padStart(3, '0')}`);
    for (const k of keys) await client.put(k).value('v0');
    const read = async () => Object.entries(await client.getAll().prefix('big/').strings()).sort();
    const first = await read();
    expect(first).toHaveLength(100);
    expect(await read()).toEqual(first);
    await client.put('big/050').value('v1');
    expect((await read()).find(([k]) => k === 'big/050')?.[1]).toBe('v1');
    await client.delete().key('big/000');
    expect((await read()).map(([k]) => k)).not.toContain('big/000');
    const lease = client.lease(10, { autoKeepAlive: false });
    await lease.put('big/leased').value('l');
    expect((await read()).map(([k]) => k)).toContain('big/leased');
    await lease.revoke();
    expect((await read()).map(([k]) => k)).not.toContain('big/leased');
    expect(await client.getAll().prefix('big/').limit(3).keys()).toHaveLength(3);
  });

  it('keeps a lease alive over the LeaseKeepAlive stream', async () => {
    const lease = client.lease(3);
    await lease.grant();
    const responses: number[] = [];
    lease.on('keepaliveSucceeded', (res) => responses.push(Number(res.TTL)));
    await until(() => responses.length >= 1, 'a keep-alive answered on the stream');
    expect(responses[0]).toBe(3);
    await lease.revoke();
  });

  it('lists members and reports status', async () => {
    const members = await client.cluster.memberList({});
    expect(members.members.map((m) => m.name)).toEqual(['test']);
    const status = await client.maintenance.status({});
    expect(status.version).toBe('3.4.23');
  });

  it('refuses requests above 1.5 MiB as etcd does, and keeps serving', async () => {
    // Throwaway clients: etcd3's circuit breaker opens after errors.
    const big = new Etcd3({ hosts: `http://${h.endpoint}` });
    await expect(big.put('big').value(Buffer.alloc(1.6 * 1024 * 1024))).rejects.toThrow('etcdserver: request is too large');
    big.close();
    const huge = new Etcd3({ hosts: `http://${h.endpoint}` });
    await expect(huge.put('huge').value(Buffer.alloc(3 * 1024 * 1024))).rejects.toThrow();
    huge.close();
    await client.put('after').value('fine');
    expect(await client.get('after').string()).toBe('fine');
  });

  it('answers garbage bytes with an error and keeps serving', async () => {
    const Raw = makeGenericClientConstructor(
      {
        Put: {
          path: '/etcdserverpb.KV/Put',
          requestStream: false,
          responseStream: false,
          requestSerialize: (b: Buffer) => b,
          requestDeserialize: (b: Buffer) => b,
          responseSerialize: (b: Buffer) => b,
          responseDeserialize: (b: Buffer) => b,
        },
      },
      'KV',
    );
    const raw = new Raw(h.endpoint, credentials.createInsecure()) as unknown as Client & { Put: (req: Buffer, cb: (e: { code: number } | null) => void) => void };
    const error = await new Promise<{ code: number } | null>((resolve) => raw.Put(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), resolve));
    expect(error?.code).toBe(grpcStatus.INTERNAL);
    raw.close();
    await client.put('still').value('here');
    expect(await client.get('still').string()).toBe('here');
  });
});

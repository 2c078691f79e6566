// Proves the per-connection limits against real gRPC clients: a greedy
// client that opens more watchers, leases, streams or unary calls than its
// connection may hold gets etcd's answers (a created-and-canceled watch
// whose reason is "too many requests"; RESOURCE_EXHAUSTED "etcdserver: too
// many requests" for a call), the refusal is reported once per connection,
// a second client on its own connection (the etcd3 npm client) keeps
// reading and writing throughout and is never limited by the greedy one,
// and what the greedy connection held is released when it disconnects.
import type { ServiceError } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION_LIMITS, LocalBackend, createEtcdServer, type LimitRefusal } from '../src/index.js';
import { startHarness, until, type Harness } from './harness.js';
import { rawConnection as greedyConnection } from './raw-connection.js';

type WatchRes = etcdserverpb.WatchResponse;

const TOO_MANY = 'etcdserver: too many requests';
const TOO_MANY_REASON = `rpc error: code = ResourceExhausted desc = ${TOO_MANY}`;
const RESOURCE_EXHAUSTED = 8;
const limits = { watches: 20, leases: 10, streams: 4, requests: 16 };

/** The polite client: reads and writes its own key in a loop until stopped, counting successes and failures. */
function politeLoop(client: Etcd3) {
  let stop = false;
  const stats = { ok: 0, failed: [] as string[] };
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      try {
        await client.put('polite/k').value(String(i));
        if ((await client.get('polite/k').string()) !== String(i)) stats.failed.push(`read ${i}: wrong value`);
        else stats.ok++;
      } catch (err) {
        stats.failed.push(String(err));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    stats,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

describe('per-connection limits', () => {
  let h: Harness;
  let polite: Etcd3;
  const refusals: LimitRefusal[] = [];

  beforeAll(async () => {
    h = await startHarness({ server: { connectionLimits: limits, onConnectionLimit: (r) => refusals.push(r) } });
    polite = new Etcd3({ hosts: `http://${h.endpoint}` });
  });
  afterAll(async () => {
    polite.close();
    await h.stop();
  });

  it('refuses a greedy connection past its watchers, leases and streams while another client is served, and releases it all when it leaves', async () => {
    const baseWatchers = h.backend.store.watcherCount;
    const loop = politeLoop(polite);
    // The polite client holds a watcher and a lease of its own throughout.
    const politeWatch = await polite.watch().key('polite/w').create();
    const politeLease = polite.lease(10);
    await politeLease.grant();
    await until(() => loop.stats.ok > 0, 'the polite client is served');

    const connectionsBefore = h.server.connectionTotals().connections;
    const greedy = greedyConnection(h.endpoint);
    try {
      // Watchers: 25 asked for on one stream, 5 more on a second stream of the same connection.
      const got: WatchRes[] = [];
      const streams = [greedy.track(greedy.watch.Watch()), greedy.track(greedy.watch.Watch())];
      for (const s of streams) {
        s.on('data', (r: WatchRes) => got.push(r));
        s.on('error', () => {});
      }
      for (let i = 0; i < 25; i++) streams[0]!.write({ createRequest: { key: Buffer.from(`w/${i}`) } });
      await until(() => got.length === 25, '25 answers on the first stream');
      for (let i = 0; i < 5; i++) streams[1]!.write({ createRequest: { key: Buffer.from(`v/${i}`) } });
      await until(() => got.length === 30, '5 answers on the second stream');
      const created = got.filter((r) => r.created && !r.canceled);
      const refused = got.filter((r) => r.created && r.canceled);
      expect(created).toHaveLength(limits.watches);
      expect(refused).toHaveLength(10);
      for (const r of refused) expect(r.cancelReason).toBe(TOO_MANY_REASON);

      // Leases: the eleventh grant is refused with etcd's error.
      const grants = [];
      for (let i = 0; i < limits.leases + 1; i++) grants.push(await greedy.call(greedy.lease.LeaseGrant.bind(greedy.lease), { TTL: 30 }));
      expect(grants.slice(0, limits.leases).every((g) => g.res !== undefined)).toBe(true);
      expect(grants[limits.leases]!.err?.code).toBe(RESOURCE_EXHAUSTED);
      expect(grants[limits.leases]!.err?.details).toBe(TOO_MANY);

      // Streams: two watch streams open, two keep-alive streams fit, the fifth stream is refused.
      const keepAlives = [0, 1, 2].map(() => greedy.track(greedy.lease.LeaseKeepAlive()));
      const ended = keepAlives.map(
        (s) =>
          new Promise<ServiceError | undefined>((resolve) => {
            s.on('data', () => {});
            s.on('error', (err: ServiceError) => resolve(err));
            s.on('end', () => resolve(undefined));
          }),
      );
      const firstGrant = grants[0]!.res!;
      for (const s of keepAlives) s.write({ ID: firstGrant.ID });
      const refusedStream = await ended[2];
      expect(refusedStream?.code).toBe(RESOURCE_EXHAUSTED);
      expect(refusedStream?.details).toBe(TOO_MANY);

      // The polite client still watches, grants and reads; one line was reported for the greedy connection.
      const seen = new Promise<string>((resolve) => politeWatch.once('put', (kv) => resolve(kv.value.toString())));
      await polite.put('polite/w').value('seen');
      expect(await seen).toBe('seen');
      const another = polite.lease(10);
      expect(await another.grant()).toMatch(/^[0-9a-f]+$/);
      await another.revoke();
      expect(refusals.filter((r) => r.first)).toHaveLength(1);
      expect(refusals.length).toBeGreaterThanOrEqual(12);
      expect(new Set(refusals.map((r) => r.kind))).toEqual(new Set(['watches', 'leases', 'streams']));
      expect(h.server.connectionTotals().watches).toBe(limits.watches + 1);
    } finally {
      greedy.close();
    }

    // Gone: its watchers are cancelled in the store and its connection's budget forgotten.
    await until(() => h.server.connectionTotals().connections === connectionsBefore, 'the greedy connection closed');
    expect(h.server.connectionTotals().watches).toBe(1);
    expect(h.server.connectionTotals().leases).toBeLessThanOrEqual(2); // the polite client's
    await until(() => h.backend.store.watcherCount === baseWatchers + 1, 'the store dropped the greedy watchers');
    expect(h.server.connectionTotals().streams).toBeLessThanOrEqual(2); // the polite client's watch and keep-alive streams
    const okBefore = loop.stats.ok;
    await until(() => loop.stats.ok > okBefore + 3, 'the polite client goes on');
    await loop.stop();
    await politeWatch.cancel();
    await politeLease.revoke();
    expect(loop.stats.failed).toEqual([]);
  });
});

describe('unary calls in flight per connection', () => {
  it('refuses the call past the limit with too many requests, serves the others and other connections', async () => {
    const backend = new LocalBackend({ name: 'gated' });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = Object.create(backend) as LocalBackend;
    gated.propose = async (command) => {
      await gate;
      return backend.propose(command);
    };
    const refusals: LimitRefusal[] = [];
    const server = createEtcdServer(gated, { logError: () => {}, connectionLimits: { requests: 4 }, onConnectionLimit: (r) => refusals.push(r) });
    const endpoint = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
    const greedy = greedyConnection(endpoint);
    const other = greedyConnection(endpoint);
    try {
      const put = greedy.kv.Put.bind(greedy.kv);
      const puts = Array.from({ length: 5 }, (_, i) => greedy.call(put, { key: Buffer.from(`p/${i}`), value: Buffer.from('v') }));
      const fifth = await puts[4]!;
      expect(fifth.err?.code).toBe(RESOURCE_EXHAUSTED);
      expect(fifth.err?.details).toBe(TOO_MANY);
      // Another connection is not limited by the greedy one's calls in flight.
      const read = await other.call(other.kv.Range.bind(other.kv), { key: Buffer.from('p/0'), serializable: true });
      expect(read.err).toBeUndefined();
      open();
      const answered = await Promise.all(puts.slice(0, 4));
      expect(answered.every((a) => a.res !== undefined)).toBe(true);
      // Released: the same connection is served again.
      expect((await greedy.call(put, { key: Buffer.from('p/again'), value: Buffer.from('v') })).err).toBeUndefined();
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({ kind: 'requests', first: true });
      expect(server.connectionTotals().requests).toBe(0);
      // Calls the client cancels give their place back while the connection stays open.
      let hold: () => void = () => {};
      const held = new Promise<void>((resolve) => (hold = resolve));
      gated.propose = async (command) => {
        await held;
        return backend.propose(command);
      };
      const kvRaw = greedy.kv as unknown as { Put(req: object, cb: () => void): { cancel(): void } };
      const cancelled = Array.from({ length: 4 }, (_, i) => kvRaw.Put({ key: Buffer.from(`c/${i}`), value: Buffer.from('v') }, () => {}));
      await until(() => server.connectionTotals().requests === 4, 'four calls in flight');
      for (const c of cancelled) c.cancel();
      await until(() => server.connectionTotals().requests === 0, 'the cancelled calls released');
      hold();
      expect((await greedy.call(put, { key: Buffer.from('p/after-cancel'), value: Buffer.from('v') })).err).toBeUndefined();
    } finally {
      greedy.close();
      other.close();
      backend.close();
      await server.close();
    }
  });
});

describe('fair admission between connections', () => {
  it('serves a second connection\'s request after one of the busy connection\'s, not after all of them, and refuses past the queue bound', async () => {
    const backend = new LocalBackend({ name: 'fair' });
    const arrived: string[] = [];
    const waiting: Array<() => void> = [];
    const gated = Object.create(backend) as LocalBackend;
    gated.propose = async (command) => {
      arrived.push(Buffer.from(command.put?.key ?? []).toString());
      await new Promise<void>((resolve) => waiting.push(resolve));
      return backend.propose(command);
    };
    const server = createEtcdServer(gated, { logError: () => {}, fairQueue: { maxInFlight: 1, maxQueued: 7 } });
    const endpoint = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
    const busy = greedyConnection(endpoint);
    const polite = greedyConnection(endpoint);
    try {
      const putOn = (c: ReturnType<typeof greedyConnection>, key: string) => c.call(c.kv.Put.bind(c.kv), { key: Buffer.from(key), value: Buffer.from('v') });
      const busyPuts = [putOn(busy, 'busy/0')];
      await until(() => arrived.length === 1, 'the first busy put running');
      for (let i = 1; i <= 6; i++) busyPuts.push(putOn(busy, `busy/${i}`));
      await until(() => server.connectionTotals().queued === 6, 'six busy puts waiting');
      const politePut = putOn(polite, 'polite/0');
      await until(() => server.connectionTotals().queued === 7, 'the polite put waiting');
      // The queue is full: one more is refused at once.
      const refused = await putOn(busy, 'busy/refused');
      expect(refused.err?.code).toBe(RESOURCE_EXHAUSTED);
      expect(refused.err?.details).toBe(TOO_MANY);
      while (arrived.length < 8) {
        const n = arrived.length;
        waiting.shift()!();
        await until(() => arrived.length > n, 'the next put running');
      }
      waiting.shift()!();
      expect(arrived.slice(0, 3)).toEqual(['busy/0', 'busy/1', 'polite/0']);
      expect(arrived.slice(3)).toEqual(['busy/2', 'busy/3', 'busy/4', 'busy/5', 'busy/6']);
      expect((await politePut).err).toBeUndefined();
      expect((await Promise.all(busyPuts)).every((p) => p.err === undefined)).toBe(true);
      expect(server.connectionTotals()).toMatchObject({ admitted: 0, queued: 0, requests: 0 });
    } finally {
      busy.close();
      polite.close();
      backend.close();
      await server.close();
    }
  });
});

describe('thousands on one connection, default limits', () => {
  it('limits a client opening 5,000 watchers and 5,000 leases with etcd\'s answers while another client\'s puts and gets go on', async () => {
    const refusals: LimitRefusal[] = [];
    const h = await startHarness({ server: { onConnectionLimit: (r) => refusals.push(r) } });
    const polite = new Etcd3({ hosts: `http://${h.endpoint}` });
    const greedy = greedyConnection(h.endpoint);
    const loop = politeLoop(polite);
    const { watches, leases } = DEFAULT_CONNECTION_LIMITS;
    const asked = 5000;
    try {
      await until(() => loop.stats.ok > 0, 'the polite client is served');
      const okBefore = loop.stats.ok;

      const got: WatchRes[] = [];
      const stream = greedy.track(greedy.watch.Watch());
      stream.on('data', (r: WatchRes) => got.push(r));
      stream.on('error', () => {});
      for (let i = 0; i < asked; i++) stream.write({ createRequest: { key: Buffer.from(`many/${i}`) } });
      await until(() => got.length === asked, `${asked} watch answers`, 60_000);
      expect(got.filter((r) => r.created && !r.canceled)).toHaveLength(watches);
      const refusedWatches = got.filter((r) => r.created && r.canceled);
      expect(refusedWatches).toHaveLength(asked - watches);
      for (const r of refusedWatches) expect(r.cancelReason).toBe(TOO_MANY_REASON);

      const grants: Array<{ err?: ServiceError }> = [];
      for (let i = 0; i < asked; i += 500) {
        const batch = Array.from({ length: Math.min(500, asked - i) }, () => greedy.call(greedy.lease.LeaseGrant.bind(greedy.lease), { TTL: 60 }));
        grants.push(...(await Promise.all(batch)));
      }
      expect(grants.filter((g) => g.err === undefined)).toHaveLength(leases);
      const refusedGrants = grants.filter((g) => g.err !== undefined);
      expect(refusedGrants).toHaveLength(asked - leases);
      for (const g of refusedGrants) expect([g.err?.code, g.err?.details]).toEqual([RESOURCE_EXHAUSTED, TOO_MANY]);

      // Meanwhile the other client was served (its own connection), and goes on being served.
      expect(loop.stats.ok).toBeGreaterThan(okBefore);
      const okAfter = loop.stats.ok;
      await until(() => loop.stats.ok > okAfter + 3, 'the polite client goes on');
      expect(refusals.filter((r) => r.first)).toHaveLength(1);
      expect(new Set(refusals.map((r) => r.kind))).toEqual(new Set(['watches', 'leases']));
    } finally {
      await loop.stop();
      greedy.close();
      polite.close();
      await h.stop();
    }
    expect(loop.stats.failed).toEqual([]);
  });
});

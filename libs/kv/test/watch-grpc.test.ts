// Proves the Watch stream's protocol details with a raw gRPC client on our
// own service definitions: created before events, ids from 0 per stream,
// duplicate ids refused, filters, cancel, progress requests (watch id -1,
// current revision), no gaps or duplicates for a client that stops reading
// (the server pauses the watcher and catches up on drain), and the
// compacted cancel for an old start revision.
import { credentials, makeGenericClientConstructor, type Client, type ClientDuplexStream } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchService } from '../src/index.js';
import { startHarness, until, type Harness } from './harness.js';

type Req = etcdserverpb.WatchRequest.$Properties;
type Res = etcdserverpb.WatchResponse;

let h: Harness;
let client: Client & { Watch(): ClientDuplexStream<Req, Res> };

beforeAll(async () => {
  h = await startHarness();
  const Ctor = makeGenericClientConstructor(WatchService, 'Watch');
  client = new Ctor(h.endpoint, credentials.createInsecure()) as unknown as typeof client;
});
afterAll(async () => {
  client.close();
  await h.stop();
});

function open() {
  const got: Res[] = [];
  const stream = client.Watch();
  stream.on('data', (r: Res) => got.push(r));
  stream.on('error', () => {});
  return { stream, got };
}

const put = (key: string, value: string) => h.backend.propose({ put: { key: Buffer.from(key), value: Buffer.from(value) } });

describe('watch over gRPC', () => {
  it('creates, delivers, filters, cancels and reports progress', async () => {
    const { stream, got } = open();
    stream.write({ createRequest: { key: Buffer.from('g/'), rangeEnd: Buffer.from('g0') } });
    stream.write({ createRequest: { key: Buffer.from('g/a'), filters: [0] } });
    stream.write({ createRequest: { key: Buffer.from('x'), watchId: 0 } });
    stream.write({ createRequest: { key: Buffer.from('y'), watchId: 1 } });
    await until(() => got.length === 4, 'four created responses');
    expect(got.map((r) => [Number(r.watchId), r.created, r.canceled])).toEqual([
      [0, true, false],
      [1, true, false],
      [2, true, false],
      [1, true, true],
    ]);
    await put('g/a', '1');
    await h.backend.propose({ deleteRange: { key: Buffer.from('g/a') } });
    const eventsOf = (id: number) => got.slice(4).filter((r) => Number(r.watchId) === id && r.events.length > 0).flatMap((r) => r.events.map((e) => e.type ?? 0));
    await until(() => eventsOf(0).length + eventsOf(1).length === 3, 'events');
    // In order per watcher (revisions given in one turn may share a response, as in etcd's catch-up).
    expect([eventsOf(0), eventsOf(1)]).toEqual([[0, 1], [1]]);
    const seen = got.length;
    stream.write({ cancelRequest: { watchId: 0 } });
    await until(() => got.length === seen + 1, 'cancel response');
    expect([Number(got[seen]!.watchId), got[seen]!.canceled]).toEqual([0, true]);
    await put('g/b', '2');
    stream.write({ progressRequest: {} });
    await until(() => got.length === seen + 2, 'progress response');
    expect(Number(got[seen + 1]!.watchId)).toBe(-1);
    expect(Number(got[seen + 1]!.header?.revision)).toBe(h.backend.store.revision);
    stream.end();
  });

  it('delivers every event once and in order to a client that stops reading for a while', async () => {
    const { stream, got } = open();
    stream.write({ createRequest: { key: Buffer.from('slow/'), rangeEnd: Buffer.from('slow0') } });
    await until(() => got.length === 1, 'created');
    stream.pause();
    const first = h.backend.store.revision + 1;
    const value = Buffer.alloc(4096, 1);
    // ~8 MB: far more than HTTP/2 flow control and the stream buffer hold.
    for (let i = 0; i < 2000; i++) await h.backend.propose({ put: { key: Buffer.from(`slow/${i % 50}`), value } });
    const last = h.backend.store.revision;
    expect(h.backend.store.pausedWatcherCount()).toBe(1);
    stream.resume();
    const revisions = () => got.slice(1).flatMap((r) => r.events.map((e) => Number(e.kv?.modRevision)));
    await until(() => revisions().length >= last - first + 1, 'all events', 30_000);
    expect(revisions()).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(h.backend.store.pausedWatcherCount()).toBe(0);
    stream.end();
  });

  it('cancels a watch that starts before the compaction', async () => {
    await put('c', '1');
    await put('c', '2');
    const rev = h.backend.store.revision;
    await h.backend.propose({ compaction: { revision: rev } });
    const { stream, got } = open();
    stream.write({ createRequest: { key: Buffer.from('c'), startRevision: rev - 1 } });
    await until(() => got.length === 2, 'created then compacted');
    expect(got[0]!.created).toBe(true);
    expect([got[1]!.canceled, Number(got[1]!.compactRevision)]).toEqual([true, rev]);
    stream.end();
  });
});

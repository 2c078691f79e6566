// The replica of an API worker, in one thread: the owner's feed and backend
// host at one end of a MessageChannel, a ReplicaBackend at the other.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { EtcdError, Errors } from '../../errors.js';
import { KvStore } from '../../store.js';
import { LocalBackend } from '../local-backend.js';
import { canSharePort, defaultApiWorkers } from './api-pool.js';
import { hostBackend } from './backend-host.js';
import { ReplicaBackend } from './replica-backend.js';
import { ReplicaFeed } from './replica-feed.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function setup() {
  const owner = new LocalBackend({ name: 'owner' });
  const calls: string[] = [];
  const readIndex = owner.readIndex.bind(owner);
  owner.readIndex = () => {
    calls.push('readIndex');
    return readIndex();
  };
  const feed = new ReplicaFeed(owner.store, () => owner.header());
  const { port1, port2 } = new MessageChannel();
  const unhost = hostBackend(owner, feed, port1, () => undefined);
  const replica = new ReplicaBackend(port2, { defragment: false, moveLeader: false });
  feed.attach(port1);
  closers.push(() => {
    unhost();
    feed.close();
    replica.close();
    port1.close();
    owner.close();
  });
  return { owner, replica, calls };
}

const put = (key: string, value: string) => ({ put: { key: enc.encode(key), value: enc.encode(value) } });
const get = (store: KvStore, key: string) => store.range({ key: enc.encode(key) }).kvs.map((kv) => dec.decode(kv.value));

describe('an API worker replica', () => {
  it('starts from the owner snapshot and follows its feed, and a write through it is readable in it once answered', async () => {
    const { owner, replica } = setup();
    await owner.propose(put('/before', 'a'));
    await replica.whenReady();
    // The snapshot came first; the write (fed after it) is there once a barrier passed.
    await replica.readIndex();
    expect(get(replica.store, '/before')).toEqual(['a']);
    for (let i = 0; i < 20; i++) {
      const result = await replica.propose(put('/k', String(i)));
      expect(result.ok).toBe(true);
      // Read right after the answer, on the replica: never older than the write.
      expect(get(replica.store, '/k')).toEqual([String(i)]);
      expect(replica.store.revision).toBe(result.revision);
    }
    expect(replica.store.revision).toBe(owner.store.revision);
    expect(replica.header()).toEqual(owner.header());
  });

  it('passes a read barrier only once it holds what the owner held', async () => {
    const { owner, replica } = setup();
    await replica.whenReady();
    void owner.propose(put('/x', 'owner wrote'));
    await replica.readIndex();
    expect(get(replica.store, '/x')).toEqual(['owner wrote']);
  });

  it('shares read barriers: calls made while one is out wait for the next one', async () => {
    const { replica, calls } = setup();
    await replica.whenReady();
    await Promise.all(Array.from({ length: 50 }, () => replica.readIndex()));
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps etcd errors: code and message, in failed results and in rejections', async () => {
    const { replica } = setup();
    await replica.whenReady();
    const result = await replica.propose({ put: { key: enc.encode('/l'), value: enc.encode('v'), lease: 12345 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(EtcdError);
      expect(result.error.is(Errors.leaseNotFound())).toBe(true);
    }
    const rejected = await replica.leaseTimeToLive(999).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(EtcdError);
    expect((rejected as EtcdError).is(Errors.leaseNotFound())).toBe(true);
  });

  it('follows a restore of the owner store, and its watchers see the owner writes in order', async () => {
    const { owner, replica } = setup();
    await replica.whenReady();
    const seen: string[] = [];
    replica.store.watch({ key: enc.encode('/w/'), rangeEnd: enc.encode('/w0') }, (d) => {
      if (d.kind === 'events') for (const e of d.events) seen.push(dec.decode(e.kv!.value));
      return true;
    });
    for (let i = 0; i < 5; i++) await owner.propose(put('/w/a', String(i)));
    const other = new KvStore();
    for (let i = 0; i < 3; i++) other.apply(put('/restored', String(i)));
    owner.store.restore(other.snapshot());
    await replica.readIndex();
    expect(get(replica.store, '/restored')).toEqual(['2']);
    expect(replica.store.revision).toBe(other.revision);
    expect(seen).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('how many API workers', () => {
  it('shares the port only where Node has SO_REUSEPORT', () => {
    expect(canSharePort('20.20.2')).toBe(false);
    expect(canSharePort('22.11.0')).toBe(false);
    expect(canSharePort('22.12.0')).toBe(true);
    expect(canSharePort('23.0.0')).toBe(false);
    expect(canSharePort('23.1.0')).toBe(true);
    expect(canSharePort('24.0.0')).toBe(true);
  });

  it('is one per core but the member thread, one where the port cannot be shared, none on two cores or fewer', () => {
    expect(defaultApiWorkers(8, true)).toBe(7);
    expect(defaultApiWorkers(3, true)).toBe(2);
    expect(defaultApiWorkers(8, false)).toBe(1);
    expect(defaultApiWorkers(4, false)).toBe(1);
    expect(defaultApiWorkers(2, true)).toBe(0);
    expect(defaultApiWorkers(1, false)).toBe(0);
  });
});

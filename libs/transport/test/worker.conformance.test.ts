// Proves the worker transport meets the shared Transport conformance suite.
// Members here share one thread but talk over real MessagePorts wired by a
// WorkerHub, exactly as they do across worker threads (see worker.test.ts).
import { MessageChannel } from 'node:worker_threads';
import { createWorkerHub, createWorkerTransport } from '../src/index.js';
import type { Transport, WorkerHub, WorkerTransport } from '../src/index.js';
import { describe, expect, it } from 'vitest';
import { Collector, describeTransportConformance } from '../src/testing/conformance.js';
import { waitFor } from '../src/testing/wait.js';

let hub: WorkerHub | undefined;

describeTransportConformance('worker', {
  // A member that was never attached is indistinguishable from one not attached yet.
  detectsUnreachablePeers: false,
  setup() {
    hub = createWorkerHub();
    return Promise.resolve();
  },
  teardown() {
    hub?.close();
    return Promise.resolve();
  },
  newCluster() {
    const created: Transport[] = [];
    return {
      async create(id, options = {}) {
        if (hub === undefined) throw new Error('no hub');
        const { port1, port2 } = new MessageChannel();
        const t = createWorkerTransport({ ...options, localId: id, hubPort: port2 });
        await t.start();
        hub.attach(id, port1);
        created.push(t);
        return t;
      },
      addressOf(id) {
        return `worker://${id}`;
      },
      async closeAll() {
        await Promise.all(created.map((t) => t.close()));
        for (const id of hub?.memberIds() ?? []) hub?.detach(id);
      },
    };
  },
});

describe('worker transport buffers', () => {
  it('transfers a buffer the message owns instead of copying it, and copies a shared one', async () => {
    const hub = createWorkerHub();
    const made = [1, 2].map((id) => {
      const { port1, port2 } = new MessageChannel();
      const t = createWorkerTransport({ localId: id, hubPort: port2 });
      hub.attach(id, port1);
      return t;
    });
    const [a, b] = made as [WorkerTransport, WorkerTransport];
    await Promise.all(made.map((t) => t.start()));
    a.addPeer(2, 'worker://2');
    const atB = new Collector(b);
    const owned = new Uint8Array(64).fill(5);
    const slab = new Uint8Array(128).fill(6);
    const view = slab.subarray(0, 16);
    a.send(2, owned);
    a.send(2, view);
    await waitFor(() => atB.messages.length === 2, 'both messages');
    expect(owned.byteLength).toBe(0); // its ArrayBuffer moved to the other side
    expect(slab.byteLength).toBe(128); // a view of a larger buffer is copied, the slab stays
    expect([...atB.messages[1]!.bytes]).toEqual(new Array(16).fill(6));
    await Promise.all(made.map((t) => t.close()));
    hub.close();
  });
});

describe('worker hub', () => {
  it('lets a member close its transport and start a new one on the same hub port', async () => {
    const hub = createWorkerHub();
    const ports = [1, 2].map((id) => {
      const { port1, port2 } = new MessageChannel();
      hub.attach(id, port1);
      return port2;
    });
    const other = createWorkerTransport({ localId: 2, hubPort: ports[1]! });
    await other.start();
    other.addPeer(1, 'worker://1');
    const atOther = new Collector(other);
    for (let round = 0; round < 3; round += 1) {
      const t = createWorkerTransport({ localId: 1, hubPort: ports[0]! });
      t.addPeer(2, 'worker://2');
      await t.start();
      const atT = new Collector(t);
      t.send(2, new Uint8Array([round]));
      await waitFor(() => atOther.messages.length === round + 1, `delivery in round ${round}`);
      other.send(1, new Uint8Array([round]));
      await waitFor(() => atT.messages.length === 1, `reply in round ${round}`);
      await t.close(); // un-nominated; the next round is the same member nominated again
    }
    expect(atOther.messages.map((m) => m.bytes[0])).toEqual([0, 1, 2]);
    await other.close();
    hub.close();
    for (const port of ports) port.close();
  });

  it('routes by the member id a transport joins with, which may change from one join to the next', async () => {
    const hub = createWorkerHub();
    const ports = [1, 2].map((slot) => {
      const { port1, port2 } = new MessageChannel();
      hub.attach(slot, port1); // a worker slot: the agent has no member id yet
      return port2;
    });
    const other = createWorkerTransport({ localId: 2002, hubPort: ports[1]! });
    await other.start();
    const atOther = new Collector(other);
    // The agent in slot 1 is nominated twice, with a new member id each time.
    for (const [round, id] of [1001, 3003].entries()) {
      other.addPeer(id, `worker://${id}`);
      const t = createWorkerTransport({ localId: id, hubPort: ports[0]! });
      t.addPeer(2002, 'worker://2002');
      await t.start();
      const atT = new Collector(t);
      await waitFor(() => hub.joinedIds().sort().join() === [2002, id].sort().join(), `joined as ${id}`);
      t.send(2002, new Uint8Array([round]));
      await waitFor(() => atOther.messages.length === round + 1, `delivery from ${id}`);
      expect(atOther.messages[round]!.from).toBe(id);
      other.send(id, new Uint8Array([round]));
      await waitFor(() => atT.messages.length === 1, `reply to ${id}`);
      await t.close();
      other.removePeer(id);
    }
    expect(hub.memberIds().sort()).toEqual([1, 2]);
    await other.close();
    hub.close();
    for (const port of ports) port.close();
  });

  it('detaching an old attachment leaves a newer one under the same id alone', () => {
    const hub = createWorkerHub();
    const first = new MessageChannel();
    const second = new MessageChannel();
    hub.attach(1, first.port1);
    hub.attach(1, second.port1); // a respawned member took the id
    hub.detach(1, first.port1); // the old worker's exit arrives late
    expect(hub.memberIds()).toEqual([1]);
    hub.detach(1, second.port1);
    expect(hub.memberIds()).toEqual([]);
    hub.close();
    for (const channel of [first, second]) channel.port2.close();
  });
});

// Proves the worker transport meets the shared Transport conformance suite.
// Members here share one thread but talk over real MessagePorts wired by a
// WorkerHub, exactly as they do across worker threads (see worker.test.ts).
import { MessageChannel } from 'node:worker_threads';
import { createWorkerHub, createWorkerTransport } from '../src/index.js';
import type { Transport, WorkerHub } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';

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

// Proves the NATS transport meets the shared Transport conformance suite,
// through a real nats-server started on a free loopback port.
import { createNatsTransport } from '../src/index.js';
import type { Transport } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';
import { startNatsServer } from '../src/testing/nats-server.js';
import type { NatsServerHandle } from '../src/testing/nats-server.js';

let server: NatsServerHandle | undefined;
let clusterSeq = 0;

describeTransportConformance('nats', {
  // A publish to a subject nobody listens on succeeds; NATS cannot tell a dead member from a quiet one.
  detectsUnreachablePeers: false,
  async setup() {
    server = await startNatsServer();
  },
  async teardown() {
    await server?.dispose();
  },
  newCluster() {
    const clusterId = `conf${++clusterSeq}`;
    const created: Transport[] = [];
    return {
      async create(id, options = {}) {
        if (server === undefined) throw new Error('no nats-server');
        const t = createNatsTransport({ ...options, localId: id, clusterId, servers: [server.url] });
        await t.start();
        created.push(t);
        return t;
      },
      addressOf(id) {
        return `nats-member-${id}`;
      },
      async closeAll() {
        await Promise.all(created.map((t) => t.close()));
      },
    };
  },
});

// Proves the TCP transport meets the shared Transport conformance suite
// (order, large messages, refusal over the limit, bounded memory for dead
// peers, reconnect after a restart on the same port, clean close).
import { createTcpTransport } from '../src/index.js';
import type { Transport } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';
import type { ConformanceCluster } from '../src/testing/conformance.js';

let clusterSeq = 0;

describeTransportConformance('tcp', {
  detectsUnreachablePeers: true,
  newCluster(): ConformanceCluster {
    const clusterId = `conformance-${++clusterSeq}`;
    const ports = new Map<number, number>();
    const created: Transport[] = [];
    return {
      async create(id, options = {}) {
        const port = ports.get(id) ?? 0;
        const t = createTcpTransport({ ...options, localId: id, clusterId, listenUrl: `tcp://127.0.0.1:${port}` });
        await t.start();
        ports.set(id, new URL(t.listenUrl).port === '' ? 0 : Number(new URL(t.listenUrl).port));
        created.push(t);
        return t;
      },
      addressOf(id) {
        // A member that never started gets a port nobody listens on (port 1 is refused on loopback).
        return `tcp://127.0.0.1:${ports.get(id) ?? 1}`;
      },
      async closeAll() {
        await Promise.all(created.map((t) => t.close()));
      },
    };
  },
});

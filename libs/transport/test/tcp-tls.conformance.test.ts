// Proves the TCP transport over mutual TLS (`https://` peer URLs, the cluster
// CA's certificates made with the real openssl) meets the same conformance
// suite as plain TCP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createTcpTransport } from '../src/index.js';
import type { TcpTlsOptions, Transport } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';
import type { ConformanceCluster } from '../src/testing/conformance.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcp-tls-conf-'));
const ca = makeTestCa(dir, 'conformance-ca');
const member = ca.issue('member');
const tls: TcpTlsOptions = { cert: fs.readFileSync(member.cert), key: fs.readFileSync(member.key), ca: fs.readFileSync(ca.cert) };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let clusterSeq = 0;

describeTransportConformance('tcp over TLS', {
  detectsUnreachablePeers: true,
  newCluster(): ConformanceCluster {
    const clusterId = `tls-conformance-${++clusterSeq}`;
    const ports = new Map<number, number>();
    const created: Transport[] = [];
    return {
      async create(id, options = {}) {
        const port = ports.get(id) ?? 0;
        const t = createTcpTransport({ ...options, localId: id, clusterId, listenUrl: `https://127.0.0.1:${port}`, tls });
        await t.start();
        ports.set(id, Number(new URL(t.listenUrl).port));
        created.push(t);
        return t;
      },
      addressOf(id) {
        return `https://127.0.0.1:${ports.get(id) ?? 1}`;
      },
      async closeAll() {
        await Promise.all(created.map((t) => t.close()));
      },
    };
  },
});

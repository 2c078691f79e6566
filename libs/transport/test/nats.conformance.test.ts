// Proves the NATS transport meets the shared Transport conformance suite,
// through a real nats-server started on a free loopback port: plain, and
// with member authentication (every chunk sealed with the pair key of its
// sender and receiver, after a handshake of signed hellos; member
// certificates made by the real openssl).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createNatsTransport } from '../src/index.js';
import type { NatsTransportOptions, Transport } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';
import { startNatsServer } from '../src/testing/nats-server.js';
import type { NatsServerHandle } from '../src/testing/nats-server.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';

let clusterSeq = 0;

function describeNatsConformance(name: string, optionsFor: (id: number) => Partial<NatsTransportOptions>): void {
  let server: NatsServerHandle | undefined;
  describeTransportConformance(name, {
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
          const t = createNatsTransport({ ...options, ...optionsFor(id), localId: id, clusterId, servers: [server.url] });
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
}

describeNatsConformance('nats', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-member-auth-conf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ca = makeTestCa(dir, 'cluster-ca');
const read = (f: string) => fs.readFileSync(f, 'utf8');
const identities = new Map<number, { cert: string; key: string }>();

describeNatsConformance('nats with member authentication', (id) => {
  let identity = identities.get(id);
  if (identity === undefined) {
    const files = ca.issue(`member-${id}`, []);
    identity = { cert: read(files.cert), key: read(files.key) };
    identities.set(id, identity);
  }
  return { memberAuth: { ...identity, ca: read(ca.cert), authorizePeer: (fromId, peer) => (peer.names.includes(`member-${fromId}`) ? undefined : 'wrong name') } };
});

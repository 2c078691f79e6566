// Proves the NATS transport with member authentication (every chunk sealed
// with the pair key of its sender and receiver, after a handshake of signed
// hellos) still meets the shared Transport conformance suite, through a real
// nats-server; member certificates are made by the real openssl.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createNatsTransport } from '../src/index.js';
import type { Transport } from '../src/index.js';
import { describeTransportConformance } from '../src/testing/conformance.js';
import { startNatsServer } from '../src/testing/nats-server.js';
import type { NatsServerHandle } from '../src/testing/nats-server.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-member-auth-conf-'));
const ca = makeTestCa(dir, 'cluster-ca');
const identities = new Map<number, { cert: string; key: string }>();
const read = (f: string) => fs.readFileSync(f, 'utf8');

function identityOf(id: number): { cert: string; key: string } {
  let i = identities.get(id);
  if (i === undefined) {
    const files = ca.issue(`member-${id}`, []);
    i = { cert: read(files.cert), key: read(files.key) };
    identities.set(id, i);
  }
  return i;
}

let server: NatsServerHandle | undefined;
let clusterSeq = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeTransportConformance('nats with member authentication', {
  detectsUnreachablePeers: false,
  async setup() {
    server = await startNatsServer();
  },
  async teardown() {
    await server?.dispose();
  },
  newCluster() {
    const clusterId = `auth${++clusterSeq}`;
    const created: Transport[] = [];
    return {
      async create(id, options = {}) {
        if (server === undefined) throw new Error('no nats-server');
        const memberAuth = { ...identityOf(id), ca: read(ca.cert), authorizePeer: (fromId: number, peer: { names: string[] }) => (peer.names.includes(`member-${fromId}`) ? undefined : 'wrong name') };
        const t = createNatsTransport({ ...options, localId: id, clusterId, servers: [server.url], memberAuth });
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

// Proves the NATS transport's security against a real nats-server with TLS
// (certificates made by the real openssl): members reach it over tls://
// with the CA and a client certificate and exchange messages; a client
// without a certificate is refused by the server; with a cluster key every
// message is authenticated, and a stranger publishing on a member's subject
// (no key, or another key) is ignored and logged once per claimed sender; a
// server that requires a user and password gets them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNatsTransport, raftSubject, silentLogger, TransportStartError } from '../src/index.js';
import type { NatsTransport } from '../src/index.js';
import { Collector, numbered, seqOf } from '../src/testing/conformance.js';
import { startNatsServer, type NatsServerHandle } from '../src/testing/nats-server.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';
import { RecordingLogger } from '../src/testing/recording-logger.js';
import { sleep, waitFor } from '../src/testing/wait.js';
import { encodeChunks } from '../src/nats/envelope.js';
import { sealChunk } from '../src/nats/message-auth.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-tls-'));
const ca = makeTestCa(dir, 'nats-ca');
const serverCert = ca.issue('nats-server');
const member = ca.issue('member');
const read = (f: string) => fs.readFileSync(f, 'utf8');
const tls = { ca: read(ca.cert), cert: read(member.cert), key: read(member.key) };
const clusterKey = new Uint8Array(32).fill(7);
let server: NatsServerHandle;
const open: NatsTransport[] = [];

beforeAll(async () => {
  server = await startNatsServer({ tls: { certFile: serverCert.cert, keyFile: serverCert.key, caFile: ca.cert, verify: true } });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(async () => {
  await server.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function natsMember(id: number, o: { authKey?: Uint8Array; logger?: RecordingLogger } = {}): Promise<NatsTransport> {
  const t = createNatsTransport({ localId: id, clusterId: 'c1', servers: [server.url], tls, authKey: o.authKey, logger: o.logger ?? silentLogger, startTimeoutMs: 5_000 });
  await t.start();
  open.push(t);
  return t;
}

describe('nats transport with TLS and message authentication', () => {
  it('carries messages over tls:// with client certificates', async () => {
    expect(server.url).toMatch(/^tls:\/\//);
    const a = await natsMember(1, { authKey: clusterKey });
    const b = await natsMember(2, { authKey: clusterKey });
    const atA = new Collector(a);
    b.addPeer(1, server.url);
    b.send(1, numbered(11));
    await waitFor(() => atA.messages.length === 1, 'delivery over TLS');
    expect(seqOf(atA.messages[0]!.bytes)).toBe(11);
  });

  it('is refused by the server without a client certificate', async () => {
    const t = createNatsTransport({ localId: 3, clusterId: 'c1', servers: [server.url], tls: { ca: tls.ca }, logger: silentLogger, startTimeoutMs: 1_500 });
    await expect(t.start()).rejects.toThrow(TransportStartError);
    await t.close();
  });

  it('ignores and logs messages from a stranger without the cluster key', async () => {
    const logger = new RecordingLogger();
    const a = await natsMember(1, { authKey: clusterKey, logger });
    const atA = new Collector(a);
    // A stranger with a certificate the server accepts, but not the cluster key.
    const nc = await connect({ servers: [server.url.replace('tls://', '')], tls });
    const subject = raftSubject('mgmt', 'c1', 1);
    for (const chunk of encodeChunks(2, 1, numbered(99), 1024)) nc.publish(subject, chunk);
    for (const chunk of encodeChunks(2, 2, numbered(98), 1024)) nc.publish(subject, sealChunk(new Uint8Array(32).fill(9), subject, chunk));
    await nc.flush();
    await nc.close();
    await waitFor(() => a.droppedUnauthenticated === 2, 'both dropped');
    await sleep(50);
    expect(atA.messages).toEqual([]);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.message).toMatch(/not authenticated/);
    // A member with the key still gets through.
    const b = await natsMember(2, { authKey: clusterKey });
    b.addPeer(1, server.url);
    b.send(1, numbered(5));
    await waitFor(() => atA.messages.length === 1, 'the member gets through');
  });

  it('gives a server that requires a user and password its credentials', async () => {
    const guarded = await startNatsServer({ authorization: { user: 'mgmt', password: 'pw' } });
    try {
      const without = createNatsTransport({ localId: 1, clusterId: 'c1', servers: [guarded.url], logger: silentLogger, startTimeoutMs: 1_000 });
      await expect(without.start()).rejects.toThrow(TransportStartError);
      await without.close();
      const a = createNatsTransport({ localId: 1, clusterId: 'c1', servers: [guarded.url], credentials: { user: 'mgmt', pass: 'pw' }, logger: silentLogger });
      const b = createNatsTransport({ localId: 2, clusterId: 'c1', servers: [guarded.url], credentials: { user: 'mgmt', pass: 'pw' }, logger: silentLogger });
      await a.start();
      await b.start();
      open.push(a, b);
      const atA = new Collector(a);
      b.addPeer(1, guarded.url);
      b.send(1, numbered(3));
      await waitFor(() => atA.messages.length === 1, 'delivery with credentials');
    } finally {
      await Promise.all(open.splice(0).map((t) => t.close()));
      await guarded.dispose();
    }
  });
});

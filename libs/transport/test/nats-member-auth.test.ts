// Proves member authentication on the NATS transport, against a real
// nats-server (certificates made by the real openssl): every Raft chunk is
// accepted only from the member whose id it claims. A stranger who can
// publish on the cluster's subjects is ignored and logged, one line per
// claimed sender however many it sends: chunks without a seal (claiming a
// real member's id, or an unknown one), chunks sealed with a shared cluster
// key, a hello with a certificate of another CA, and a hello with a cluster
// certificate that names another member. Members keep talking meanwhile; a
// member that restarts (a new ephemeral key) is talked to again with no
// warning; a renewed certificate keeps working.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNatsTransport, raftSubject, type NatsTransport } from '../src/index.js';
import { encodeChunks } from '../src/nats/envelope.js';
import { authSubject } from '../src/nats/member-auth.js';
import { encodeHello, makeHello, newEphemeral } from '../src/nats/member-hello.js';
import { sealChunk } from '../src/nats/message-auth.js';
import { Collector, numbered, seqOf } from '../src/testing/conformance.js';
import { startNatsServer, type NatsServerHandle } from '../src/testing/nats-server.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';
import { RecordingLogger } from '../src/testing/recording-logger.js';
import { sleep, waitFor } from '../src/testing/wait.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-member-auth-'));
const read = (f: string) => fs.readFileSync(f, 'utf8');
const clusterCa = makeTestCa(path.join(dir, 'cluster'), 'cluster-ca');
const otherCa = makeTestCa(path.join(dir, 'other'), 'other-ca');
const issued = (ca: typeof clusterCa, name: string) => {
  const f = ca.issue(name, []);
  return { cert: read(f.cert), key: read(f.key) };
};
const member = [1, 2, 3].map((id) => issued(clusterCa, `member-${id}`));
const authorizePeer = (fromId: number, peer: { names: string[] }) => (peer.names.includes(`member-${fromId}`) ? undefined : `its certificate names ${peer.names.join(', ')}`);
let server: NatsServerHandle;
const open: NatsTransport[] = [];

beforeAll(async () => {
  server = await startNatsServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(async () => {
  await server.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function natsMember(id: number, logger = new RecordingLogger(), identity = member[id - 1]!): Promise<NatsTransport> {
  const t = createNatsTransport({ localId: id, clusterId: 'c1', servers: [server.url], logger, startTimeoutMs: 5_000, memberAuth: { ...identity, ca: read(clusterCa.cert), authorizePeer } });
  await t.start();
  open.push(t);
  return t;
}

async function stranger(fn: (nc: NatsConnection) => void): Promise<void> {
  const nc = await connect({ servers: [server.url.replace('nats://', '')] });
  fn(nc);
  await nc.flush();
  await nc.close();
}

/** Two members that have exchanged a message each way. */
async function pair(loggerOf1 = new RecordingLogger()) {
  const a = await natsMember(1, loggerOf1);
  const b = await natsMember(2);
  const atA = new Collector(a);
  const atB = new Collector(b);
  a.addPeer(2, server.url);
  b.addPeer(1, server.url);
  a.send(2, numbered(1));
  b.send(1, numbered(1));
  await waitFor(() => atA.messages.length === 1 && atB.messages.length === 1, 'a message each way');
  return { a, b, atA, atB };
}

const ignoredLines = (logger: RecordingLogger, claimed: number) => logger.warnings.filter((w) => w.message.startsWith('nats message ignored') && w.fields.claimedFrom === claimed);

describe('nats transport with member authentication', () => {
  it('ignores and logs, once per claimed sender, chunks not sealed by the member they claim', async () => {
    const logger = new RecordingLogger();
    const { a, b, atA } = await pair(logger);
    const subject = raftSubject('mgmt', 'c1', 1);
    const sharedKey = new Uint8Array(32).fill(7);
    await stranger((nc) => {
      for (let i = 0; i < 50; i += 1) {
        for (const chunk of encodeChunks(2, 1000 + i, numbered(99), 1024)) nc.publish(subject, chunk); // a member's id, no seal
        for (const chunk of encodeChunks(2, 2000 + i, numbered(98), 1024)) nc.publish(subject, sealChunk(sharedKey, subject, chunk)); // an old shared key
        for (const chunk of encodeChunks(77, i, numbered(97), 1024)) nc.publish(subject, chunk); // a member that does not exist
      }
    });
    await waitFor(() => ignoredLines(logger, 2).length === 1 && ignoredLines(logger, 77).length === 1, 'one line per claimed sender', 15_000);
    expect(a.droppedUnauthenticated).toBe(150);
    b.send(1, numbered(2));
    await waitFor(() => atA.messages.length === 2, 'the real member still gets through');
    expect(seqOf(atA.messages[1]!.bytes)).toBe(2);
    expect(atA.messages.every((m) => m.from === 2)).toBe(true);
    await sleep(200);
    expect(ignoredLines(logger, 2)).toHaveLength(1);
    expect(ignoredLines(logger, 77)).toHaveLength(1);
    expect(ignoredLines(logger, 77)[0]!.message).toMatch(/not authenticated as member 4d/);
  });

  it('refuses a hello with a certificate of another CA, or one naming another member', async () => {
    const logger = new RecordingLogger();
    const { a, b, atA } = await pair(logger);
    const foreign = issued(otherCa, 'member-2');
    await stranger((nc) => {
      const eph = newEphemeral();
      nc.publish(authSubject('mgmt', 'c1', 1), encodeHello(makeHello('c1', { ...foreign, ca: '' }, { from: 2, to: 1, eph: eph.publicKey, nonce: Buffer.alloc(16, 1) })));
      nc.publish(authSubject('mgmt', 'c1', 1), encodeHello(makeHello('c1', { ...member[2]!, ca: '' }, { from: 5, to: 1, eph: eph.publicKey, nonce: Buffer.alloc(16, 2) })));
    });
    await waitFor(() => ignoredLines(logger, 2).length === 1 && ignoredLines(logger, 5).length === 1, 'both hellos refused');
    expect(ignoredLines(logger, 2)[0]!.fields.reason).toMatch(/not signed by the cluster CA/);
    expect(ignoredLines(logger, 5)[0]!.fields.reason).toMatch(/names member-3/);
    b.send(1, numbered(3));
    await waitFor(() => atA.messages.length === 2, 'the real member still gets through');
    expect(a.droppedUnauthenticated).toBe(0);
  });

  it('talks again, with no warning, to a member that restarted with a new ephemeral key', async () => {
    const logger = new RecordingLogger();
    const { a, b, atA } = await pair(logger);
    await b.close();
    const b2 = await natsMember(2);
    const atB2 = new Collector(b2);
    b2.addPeer(1, server.url);
    for (let i = 10; i < 15; i += 1) b2.send(1, numbered(i));
    await waitFor(() => atA.messages.some((m) => seqOf(m.bytes) === 14), 'the restarted member reaches a', 15_000);
    for (let i = 20; i < 25; i += 1) a.send(2, numbered(i));
    await waitFor(() => atB2.messages.some((m) => seqOf(m.bytes) === 24), 'a reaches the restarted member', 15_000);
    expect(logger.warnings).toEqual([]);
  });

  it('carries a renewed certificate in later hellos', async () => {
    const { a, atB } = await pair();
    const renewed = issued(clusterCa, 'member-1');
    a.updateMemberIdentity(renewed.cert, renewed.key);
    const c = await natsMember(3);
    const atA = new Collector(a);
    c.addPeer(1, server.url);
    c.send(1, numbered(7));
    await waitFor(() => atA.messages.length === 1, 'a newcomer authenticates a with its renewed certificate');
    a.send(2, numbered(8));
    await waitFor(() => atB.messages.length === 2, 'the pair key with b did not change');
  });
});

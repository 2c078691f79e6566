// Proves what is particular to the NATS transport: it rides out a restart of
// its nats-server and the loss of the NATS node it is connected to in a
// 3-node NATS cluster; messages bigger than the server's max_payload travel
// in chunks and arrive intact; the envelope reassembler drops broken
// sequences instead of delivering spliced bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { createNatsTransport, silentLogger, TransportStartError } from '../src/index.js';
import { freePort } from '../src/testing/free-port.js';
import type { NatsTransport } from '../src/index.js';
import { encodeChunks, Reassembler } from '../src/nats/envelope.js';
import { Collector, numbered, seqOf } from '../src/testing/conformance.js';
import { startNatsCluster, startNatsServer } from '../src/testing/nats-server.js';
import type { NatsCluster, NatsServerHandle } from '../src/testing/nats-server.js';
import { sleep, waitFor } from '../src/testing/wait.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function member(id: number, servers: string[], clusterId = 'n1'): Promise<NatsTransport> {
  const t = createNatsTransport({ localId: id, clusterId, servers, logger: silentLogger, reconnectDelayMsMin: 20, reconnectDelayMsMax: 100 });
  await t.start();
  cleanups.push(() => t.close());
  return t;
}

/** Sends from `a` to `to` until `collector` has a message with seq >= `from`. */
async function sendUntilDelivered(a: NatsTransport, to: number, collector: Collector, first: number, what: string): Promise<void> {
  let seq = first;
  await waitFor(
    () => {
      a.send(to, numbered(seq++));
      return collector.messages.some((m) => seqOf(m.bytes) >= first);
    },
    what,
    20_000,
    25,
  );
}

describe('nats transport', () => {
  it('rides out a restart of the nats-server', async () => {
    const server: NatsServerHandle = await startNatsServer();
    cleanups.push(() => server.dispose());
    const a = await member(1, [server.url]);
    const b = await member(2, [server.url]);
    a.addPeer(2, 'x');
    b.addPeer(1, 'x');
    const atB = new Collector(b);
    const unreachable: number[] = [];
    a.onUnreachable((id) => unreachable.push(id));
    await sendUntilDelivered(a, 2, atB, 0, 'delivery before the restart');
    await server.stop();
    await waitFor(() => unreachable.includes(2), 'an unreachable report while the server is down');
    for (let i = 0; i < 100; i += 1) expect(['queued', 'queue-full']).toContain(a.send(2, numbered(500 + i)));
    await server.start();
    await sendUntilDelivered(a, 2, atB, 1000, 'delivery after the restart');
    const atA = new Collector(a);
    await sendUntilDelivered(b, 1, atA, 0, 'the other direction after the restart');
    const seqs = atB.messages.map((m) => seqOf(m.bytes));
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });

  it('rides out the loss of its node in a 3-node NATS cluster', async () => {
    const cluster: NatsCluster = await startNatsCluster(3);
    cleanups.push(() => cluster.dispose());
    const a = await member(1, cluster.urls);
    const b = await member(2, cluster.urls);
    a.addPeer(2, 'x');
    b.addPeer(1, 'x');
    const atB = new Collector(b);
    await sendUntilDelivered(a, 2, atB, 0, 'delivery with every node up');
    const victim = cluster.nodes.find((n) => a.connectedServer === `127.0.0.1:${n.port}`);
    expect(victim).toBeDefined();
    await victim!.stop(true);
    await sendUntilDelivered(a, 2, atB, 1000, 'delivery after the node was killed');
    const atA = new Collector(a);
    await sendUntilDelivered(b, 1, atA, 0, 'the other direction after the node was killed');
    expect(a.connectedServer).not.toBe(`127.0.0.1:${victim!.port}`);
  });

  it('chunks a message larger than the server max_payload and reassembles it', async () => {
    const server = await startNatsServer({ maxPayloadBytes: 64 * 1024 });
    cleanups.push(() => server.dispose());
    const a = await member(1, [server.url]);
    const b = await member(2, [server.url]);
    a.addPeer(2, 'x');
    const atB = new Collector(b);
    const big = new Uint8Array(1024 * 1024 + 7).map((_, i) => (i * 31) & 0xff);
    const expected = big.slice();
    a.send(2, big);
    a.send(2, numbered(9));
    await waitFor(() => atB.messages.length === 2, 'the chunked message and the next one');
    expect(Buffer.from(atB.messages[0]!.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(seqOf(atB.messages[1]!.bytes)).toBe(9);
  });
});

describe('nats transport start', () => {
  it('fails with TransportStartError when no server answers in time, leaving nothing behind', async () => {
    const port = await freePort();
    const t = createNatsTransport({ localId: 1, clusterId: 's', servers: [`nats://127.0.0.1:${port}`], logger: silentLogger, startTimeoutMs: 300, reconnectDelayMsMin: 20, reconnectDelayMsMax: 50 });
    await expect(t.start()).rejects.toBeInstanceOf(TransportStartError);
    await t.close();
  });

  it('closes promptly while its server is down and reconnecting', async () => {
    const server = await startNatsServer();
    cleanups.push(() => server.dispose());
    const t = await member(1, [server.url]);
    t.addPeer(2, 'x');
    await server.stop(true);
    await waitFor(() => t.connectedServer === undefined, 'the client to notice');
    t.send(2, numbered(1));
    await t.close();
    expect(t.send(2, numbered(2))).toBe('closed');
  });

  it('waits for a server that comes up after start was called', async () => {
    const port = await freePort();
    const t = createNatsTransport({ localId: 1, clusterId: 's', servers: [`nats://127.0.0.1:${port}`], logger: silentLogger, reconnectDelayMsMin: 20, reconnectDelayMsMax: 50 });
    cleanups.push(() => t.close());
    const starting = t.start();
    await sleep(200);
    const server = await startNatsServer({ port });
    cleanups.push(() => server.dispose());
    await starting;
    expect(t.connectedServer).toBe(`127.0.0.1:${port}`);
  });
});

describe('nats envelope', () => {
  it('reassembles in-order chunks and drops a message with a gap', () => {
    const r = new Reassembler(1000);
    const chunks = encodeChunks(7, 1, new Uint8Array(250).fill(3), 100);
    expect(chunks).toHaveLength(3);
    expect(r.accept(chunks[0]!).kind).toBe('pending');
    expect(r.accept(chunks[1]!).kind).toBe('pending');
    const done = r.accept(chunks[2]!);
    expect(done.kind === 'message' && done.from === 7 && done.bytes.length === 250).toBe(true);
    const next = encodeChunks(7, 2, new Uint8Array(250), 100);
    expect(r.accept(next[0]!).kind).toBe('pending');
    expect(r.accept(next[2]!)).toEqual({ kind: 'dropped', reason: 'gap' });
    expect(r.accept(new Uint8Array(3))).toEqual({ kind: 'dropped', reason: 'malformed' });
  });

  it('refuses to reassemble past its size limit', () => {
    const r = new Reassembler(150);
    const chunks = encodeChunks(1, 1, new Uint8Array(250), 100);
    expect(r.accept(chunks[0]!).kind).toBe('pending');
    expect(r.accept(chunks[1]!)).toEqual({ kind: 'dropped', reason: 'too-large' });
  });

  it('keeps a large member id', () => {
    const r = new Reassembler(10);
    const id = 2 ** 52 + 12345;
    const result = r.accept(encodeChunks(id, 1, new Uint8Array(1), 10)[0]!);
    expect(result.kind === 'message' && result.from).toBe(id);
  });
});

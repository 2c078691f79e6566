// Proves what is particular to the TCP transport: garbage, oversized and
// truncated frames and bad handshakes close only that connection with one
// warning while the listener keeps serving; a wrong cluster id is refused;
// a transport can be closed and listen again on the same port in the same
// process (the original system's `bind: address already in use`).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpTransport, encodeFrame, silentLogger, TransportStartError } from '../src/index.js';
import type { TcpTransport } from '../src/index.js';
import { encodeHello, encodeHelloAck } from '../src/tcp/handshake.js';
import { Collector, numbered, seqOf } from '../src/testing/conformance.js';
import { RecordingLogger } from '../src/testing/recording-logger.js';
import { sleep, waitFor } from '../src/testing/wait.js';

const open: TcpTransport[] = [];

async function member(id: number, options: { port?: number; clusterId?: string; logger?: RecordingLogger; maxMessageBytes?: number } = {}): Promise<TcpTransport> {
  const t = createTcpTransport({
    localId: id,
    clusterId: options.clusterId ?? 'c1',
    listenUrl: `http://127.0.0.1:${options.port ?? 0}`,
    logger: options.logger ?? silentLogger,
    reconnectDelayMsMin: 10,
    reconnectDelayMsMax: 50,
    ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
  });
  await t.start();
  open.push(t);
  return t;
}

/** Opens a raw socket to `t`, writes `chunks`, and resolves when the server closes it. */
function rawSession(t: TcpTransport, chunks: Uint8Array[], endAfter = false): Promise<void> {
  return new Promise((resolve) => {
    // The first chunk goes at once; the rest after the listener's first answer (the hello ack).
    const [first, ...rest] = chunks;
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(t.listenUrl).port) }, () => {
      if (first !== undefined) socket.write(first);
      if (rest.length === 0 && endAfter) socket.end();
    });
    socket.once('data', () => {
      for (const chunk of rest) socket.write(chunk);
      if (rest.length > 0 && endAfter) socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

/** Opens a raw socket to `t` and writes `bytes`; `closed` resolves when the socket closes. */
function rawOpen(t: TcpTransport, bytes: Uint8Array): { socket: net.Socket; closed: Promise<void> } {
  const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(t.listenUrl).port) }, () => socket.write(bytes));
  socket.on('data', () => {});
  socket.on('error', () => {});
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve())) };
}

function hello(from: number, to: number, clusterId = 'c1'): Uint8Array {
  return encodeFrame(encodeHello({ fromId: from, toId: to, clusterId }));
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

describe('tcp transport', () => {
  it.each([
    ['an HTTP request', [new Uint8Array(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))], false, /bad handshake frame/],
    ['a frame with a corrupted checksum after the hello', [hello(9, 1), corrupt(encodeFrame(numbered(1)))], false, /bad frame/],
    ['an oversized frame after the hello', [hello(9, 1), encodeFrame(new Uint8Array(2048)).subarray(0, 8)], false, /bad frame/],
    ['a truncated frame then end of stream', [hello(9, 1), encodeFrame(numbered(1, 100)).subarray(0, 50)], true, /truncated/],
    ['a hello for another cluster', [hello(9, 1, 'other')], false, /wrong-cluster/],
    ['a hello for another member', [hello(9, 4)], false, /wrong-member/],
    ['data before the hello was answered', [concat(hello(9, 1), encodeFrame(numbered(1)).subarray(0, 5))], false, /before the hello/],
  ])('closes a connection that sends %s with one warning and keeps serving', async (_what, chunks, endAfter, reason) => {
    const logger = new RecordingLogger();
    const a = await member(1, { logger, maxMessageBytes: 1024 });
    const atA = new Collector(a);
    await rawSession(a, chunks, endAfter);
    await waitFor(() => logger.warnings.length > 0, 'a warning');
    await sleep(20);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.message).toMatch(reason);
    expect(atA.messages).toEqual([]);
    const b = await member(2, { maxMessageBytes: 1024 });
    b.addPeer(1, a.listenUrl);
    b.send(1, numbered(42));
    await waitFor(() => atA.messages.length === 1, 'a good peer still gets through');
    expect(seqOf(atA.messages[0]!.bytes)).toBe(42);
  });

  it('refuses peers of another cluster and reports them unreachable', async () => {
    const logger = new RecordingLogger();
    const a = await member(1, { clusterId: 'blue', logger });
    const b = await member(2, { clusterId: 'green' });
    const unreachable: number[] = [];
    b.onUnreachable((id) => unreachable.push(id));
    b.addPeer(1, a.listenUrl);
    b.send(1, numbered(1));
    await waitFor(() => unreachable.includes(1), 'unreachable report');
    expect(a.stats().receivedMessages).toBe(0);
    expect(logger.warnings[0]?.message).toMatch(/wrong-cluster/);
  });

  it('closes and listens again on the same port, several times, while a peer keeps sending', async () => {
    const first = await member(1);
    const port = Number(new URL(first.listenUrl).port);
    const sender = await member(2);
    sender.addPeer(1, first.listenUrl);
    let seq = 0;
    let current = first;
    for (let round = 0; round < 4; round += 1) {
      const got = new Collector(current);
      await waitFor(
        () => {
          sender.send(1, numbered(seq++));
          return got.messages.length > 0;
        },
        `delivery in round ${round}`,
        10_000,
        10,
      );
      await current.close();
      current = await member(1, { port });
      expect(current.listenUrl).toBe(`http://127.0.0.1:${port}`);
    }
  });

  it('replaces a peer\'s old inbound connection when it dials again', async () => {
    const a = await member(1);
    const first = rawOpen(a, hello(9, 1));
    await waitFor(() => a.inboundConnectionCount === 1, 'the first connection');
    const second = rawOpen(a, hello(9, 1));
    await first.closed; // the listener dropped the stale one
    expect(a.inboundConnectionCount).toBe(1);
    second.socket.destroy();
    await second.closed;
  });

  it('drops a link to a peer that stops reading, reports it, and stays bounded', async () => {
    // A fake peer: answers the hello, then never reads again.
    const accepted: net.Socket[] = [];
    const server = net.createServer((socket) => {
      accepted.push(socket);
      socket.once('data', () => {
        socket.write(encodeFrame(encodeHelloAck('ok')));
        socket.pause();
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const t = createTcpTransport({ localId: 2, clusterId: 'c1', listenUrl: 'tcp://127.0.0.1:0', logger: silentLogger, writeStallTimeoutMs: 200, maxMessageBytes: 1024 * 1024 });
      await t.start();
      open.push(t);
      const unreachable: number[] = [];
      t.onUnreachable((id) => unreachable.push(id));
      t.addPeer(1, `tcp://127.0.0.1:${port}`);
      const big = (): Uint8Array => new Uint8Array(1024 * 1024);
      await waitFor(
        () => {
          t.send(1, big());
          return unreachable.includes(1);
        },
        'the stalled peer reported unreachable',
        20_000,
        5,
      );
      const peer = t.stats().peers[0]!;
      expect(peer.queuedBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('works over IPv6 loopback with bracketed URLs', async () => {
    const ipv6 = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(0, '::1', () => probe.close(() => resolve(true)));
    });
    if (!ipv6) return; // no IPv6 loopback on this machine
    const make = async (id: number): Promise<TcpTransport> => {
      const t = createTcpTransport({ localId: id, clusterId: 'c1', listenUrl: 'tcp://[::1]:0', logger: silentLogger });
      await t.start();
      open.push(t);
      return t;
    };
    const [a, b] = [await make(1), await make(2)];
    expect(b.listenUrl).toMatch(/^tcp:\/\/\[::1\]:\d+$/);
    a.addPeer(2, b.listenUrl);
    const atB = new Collector(b);
    a.send(2, numbered(3));
    await waitFor(() => atB.messages.length === 1, 'delivery over IPv6');
  });

  it('fails to start with a typed error when the port is taken', async () => {
    const a = await member(1);
    const port = Number(new URL(a.listenUrl).port);
    const b = createTcpTransport({ localId: 2, clusterId: 'c1', listenUrl: `tcp://127.0.0.1:${port}`, logger: silentLogger });
    await expect(b.start()).rejects.toBeInstanceOf(TransportStartError);
    await b.close();
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([a, b]));
}

function corrupt(frame: Uint8Array): Uint8Array {
  const copy = frame.slice();
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0xff;
  return copy;
}

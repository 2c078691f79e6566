// Proves `discardUnsent` on the TCP transport: the connection to the peer is
// reset (RST), not closed (a FIN would leave whatever the kernel still holds
// to be retransmitted and delivered once a partition heals), the queue is
// dropped, the peer is not reported unreachable (the reset was ours), and
// the next send dials a fresh connection that carries it.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpTransport, encodeFrame, silentLogger, type TcpTransport } from '../src/index.js';
import { FrameDecoder } from '../src/tcp/frame.js';
import { encodeHelloAck } from '../src/tcp/handshake.js';
import { numbered, seqOf } from '../src/testing/conformance.js';
import { waitFor } from '../src/testing/wait.js';

/** One connection accepted by the fake peer: the messages after the hello, and how it ended. */
interface Accepted {
  messages: Uint8Array[];
  ended: 'open' | 'reset' | 'closed';
}

/** A fake peer that answers every hello and records each connection. */
async function fakePeer(): Promise<{ url: string; accepted: Accepted[]; close: () => Promise<void> }> {
  const accepted: Accepted[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    const conn: Accepted = { messages: [], ended: 'open' };
    accepted.push(conn);
    const decoder = new FrameDecoder(1024 * 1024);
    let helloSeen = false;
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.feed(chunk).frames) {
        if (helloSeen) conn.messages.push(frame);
        else socket.write(encodeFrame(encodeHelloAck('ok')));
        helloSeen = true;
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET') conn.ended = 'reset';
    });
    socket.on('close', () => {
      if (conn.ended === 'open') conn.ended = 'closed';
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `tcp://127.0.0.1:${port}`,
    accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const open: TcpTransport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

describe('tcp transport: discardUnsent', () => {
  it('resets the connection, reports nothing, and the next send dials again', async () => {
    const peer = await fakePeer();
    try {
      const t = createTcpTransport({ localId: 2, clusterId: 'c1', listenUrl: 'tcp://127.0.0.1:0', logger: silentLogger, reconnectDelayMsMin: 10, reconnectDelayMsMax: 50 });
      await t.start();
      open.push(t);
      const unreachable: number[] = [];
      t.onUnreachable((id) => unreachable.push(id));
      t.addPeer(1, peer.url);
      t.send(1, numbered(1));
      await waitFor(() => peer.accepted[0]?.messages.length === 1, 'the first message on the first connection');

      t.discardUnsent(1);
      await waitFor(() => peer.accepted[0]?.ended !== 'open', 'the first connection ended');
      expect(peer.accepted[0]!.ended).toBe('reset');

      t.send(1, numbered(2));
      await waitFor(() => peer.accepted[1]?.messages.length === 1, 'the next message on a new connection');
      expect(seqOf(peer.accepted[1]!.messages[0]!)).toBe(2);
      expect(peer.accepted[0]!.messages.map(seqOf)).toEqual([1]);
      expect(unreachable).toEqual([]);
      expect(t.stats().peers[0]!.connected).toBe(true);
    } finally {
      await peer.close();
    }
  });

  it('drops what is still queued for a peer that is not connected, and ignores unknown peers', async () => {
    const t = createTcpTransport({ localId: 2, clusterId: 'c1', listenUrl: 'tcp://127.0.0.1:0', logger: silentLogger });
    open.push(t);
    t.addPeer(1, 'tcp://127.0.0.1:9');
    t.send(1, numbered(1));
    t.send(1, numbered(2));
    expect(t.stats().peers[0]!.queuedMessages).toBe(2);
    t.discardUnsent(1);
    t.discardUnsent(99);
    expect(t.stats().peers[0]!.queuedMessages).toBe(0);
  });
});

/**
 * Finds a free TCP port on loopback for a test server. Ports are drawn from
 * 20000-32767, below Linux's ephemeral range (32768-60999): a port from
 * that range can be taken as the source port of some outgoing connection
 * while a test restarts the server that listened on it, and the restart
 * then fails with EADDRINUSE. Falls back to a kernel-chosen port.
 */
import net from 'node:net';

const LOW = 20_000;
const HIGH = 32_767;
/** Ports handed out by this process, not handed out again. */
const given = new Set<number>();

/** A port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (given.has(port)) continue;
    if (await canListen(port)) {
      given.add(port);
      return port;
    }
  }
  return listenOnce(0);
}

function canListen(port: number): Promise<boolean> {
  return listenOnce(port).then(
    () => true,
    () => false,
  );
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

// Proves the client port survives what clients do to connections: a gRPC
// connection whose first request has a URL as :authority (so it runs
// through the authority rewriter), reset by the client in the middle of a
// call, many times over; then etcdctl with a URL endpoint still gets its
// answer and /health is true. (A reset once reached an internal assertion
// of Node's HTTP/2 session and killed the process.)
import http2 from 'node:http2';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcdctl, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** Opens an HTTP/2 connection, starts a call with a URL :authority, and resets the TCP connection. */
function resetMidCall(endpoint: string): Promise<void> {
  const [host, port] = endpoint.split(':');
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), host!);
    const session = http2.connect(`http://${endpoint}`, { createConnection: () => socket });
    session.on('error', () => {});
    const req = session.request({ ':method': 'POST', ':path': '/etcdserverpb.Maintenance/Status', ':authority': `http://${endpoint}`, 'content-type': 'application/grpc', te: 'trailers' });
    req.on('error', () => {});
    req.write(Buffer.from([0, 0, 0, 0, 0])); // an empty StatusRequest, not ended
    setTimeout(() => {
      socket.resetAndDestroy();
      session.destroy();
      resolve();
    }, 20);
  });
}

describe('the client port under connection resets', () => {
  it('keeps serving after URL-form connections are reset mid-call', async () => {
    for (let i = 0; i < 30; i++) await resetMidCall(h.endpoint);
    const status = await etcdctl(`http://${h.endpoint}`, ['endpoint', 'status', '-w', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)[0].Endpoint).toBe(`http://${h.endpoint}`);
    expect(await (await fetch(`http://${h.endpoint}/health`)).json()).toEqual({ health: 'true' });
  });
});

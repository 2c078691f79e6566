// Proves the client port counts its traffic for etcd's
// etcd_network_client_grpc_{sent,received}_bytes_total: a real etcdctl
// put (gRPC) and a gateway call (HTTP/1.1) each add at least their payload
// in both directions, closed connections stay counted, and one counter can
// serve a second server after the first has closed (totals never go back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientTraffic } from '../src/index.js';
import { etcdctl, startHarness, type Harness } from './harness.js';

const traffic = new ClientTraffic();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ server: { traffic } });
});
afterAll(async () => {
  await h.stop();
});

describe('client port traffic', () => {
  it('counts the bytes of a gRPC put and of a gateway range, both ways', async () => {
    const before = traffic.totals();
    const value = 'v'.repeat(10_000);
    expect((await etcdctl(h.endpoint, ['put', 'traffic', value])).code).toBe(0);
    const afterPut = traffic.totals();
    expect(afterPut.receivedBytes - before.receivedBytes).toBeGreaterThanOrEqual(value.length);
    expect(afterPut.sentBytes).toBeGreaterThan(before.sentBytes);
    const res = await fetch(`http://${h.endpoint}/v3/kv/range`, { method: 'POST', body: JSON.stringify({ key: btoa('traffic') }) });
    expect(res.status).toBe(200);
    await res.text();
    const afterRange = traffic.totals();
    // The value comes back base64'd to the HTTP client (and over gRPC to the gateway).
    expect(afterRange.sentBytes - afterPut.sentBytes).toBeGreaterThanOrEqual(value.length);
  });

  it('keeps counting across servers: totals never go back', async () => {
    const before = traffic.totals();
    await h.stop();
    const closed = traffic.totals(); // what the closing connections said last (GOAWAY) is counted too
    expect(closed.sentBytes).toBeGreaterThanOrEqual(before.sentBytes);
    expect(closed.receivedBytes).toBeGreaterThanOrEqual(before.receivedBytes);
    h = await startHarness({ server: { traffic } });
    expect((await etcdctl(h.endpoint, ['get', 'anything'])).code).toBe(0);
    const after = traffic.totals();
    expect(after.sentBytes).toBeGreaterThan(closed.sentBytes);
    expect(after.receivedBytes).toBeGreaterThan(closed.receivedBytes);
  });
});

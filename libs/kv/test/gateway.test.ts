// Proves the HTTP side of the client port against a real etcd 3.4 started
// beside it: the same requests to the grpc-gateway JSON API under /v3/
// (kv range/put/deleterange/txn/compaction, lease grant/timetolive/leases/
// revoke/keepalive, maintenance alarm/status, cluster member list, watch
// as JSON lines) get the same HTTP status and the same JSON (field names,
// base64, int64 as strings, zero values left out) once the ids that differ
// between two clusters are masked; bad JSON, bad base64, a bad integer, a
// body over the limit, an unknown path and a GET get etcd's status and
// body, and the server keeps serving. Also /health and /version, and
// /health false (503) while an alarm is raised (`?exclude=NOSPACE` passes it).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';
import { mask, post, sameOn, type Answer } from './side-by-side.js';

let h: Harness;
let etcd: RealEtcd;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  [h, etcd] = await Promise.all([startHarness(), startRealEtcd()]);
});
afterAll(async () => {
  await Promise.all([h?.stop(), etcd?.stop()]);
});

const same = (path: string, body: unknown, method = 'POST') => sameOn(h.endpoint, etcd.endpoint, path, body, method);

describe('the JSON gateway, side by side with etcd 3.4', () => {
  it('answers kv calls alike', async () => {
    await same('/v3/kv/put', { key: b64('foo'), value: b64('bar') });
    await same('/v3/kv/put', { key: b64('foo'), value: b64('baz'), prev_kv: true });
    await same('/v3/kv/put', { key: b64('fop'), value: '' });
    await same('/v3/kv/range', { key: b64('foo') });
    await same('/v3/kv/range', { key: b64('a'), rangeEnd: b64('z'), count_only: true });
    await same('/v3/kv/range', { key: b64('f'), range_end: b64('g'), limit: '1', keys_only: true });
    await same('/v3/kv/range', { key: b64('foo'), revision: 2 });
    await same('/v3beta/kv/range', { key: b64('foo') });
    await same('/v3/kv/txn', {
      compare: [{ key: b64('foo'), result: 'EQUAL', target: 'VALUE', value: b64('baz') }],
      success: [{ request_range: { key: b64('foo') } }, { request_put: { key: b64('t'), value: b64('1') } }],
      failure: [{ request_delete_range: { key: b64('foo') } }],
    });
    await same('/v3/kv/txn', { compare: [{ key: b64('foo'), target: 'VERSION', version: '9' }], failure: [{ request_range: { key: b64('t') } }] });
    await same('/v3/kv/deleterange', { key: b64('foo'), prev_kv: true });
    await same('/v3/kv/compaction', { revision: '3' });
    await same('/v3/kv/range', { key: b64('foo'), revision: '2' });
    await same('/v3/kv/range', {});
    await same('/v3/kv/range', { key: b64('foo'), revision: '99' });
  });

  it('answers lease, maintenance and cluster calls alike', async () => {
    await same('/v3/lease/grant', { TTL: 60, ID: '12345' });
    await same('/v3/lease/grant', { TTL: '60', ID: 12345 });
    await same('/v3/kv/put', { key: b64('leased'), value: b64('x'), lease: '12345' });
    const ttl = await post(h.endpoint, '/v3/lease/timetolive', JSON.stringify({ ID: '12345', keys: true }));
    expect(ttl.body).toMatchObject({ ID: '12345', grantedTTL: '60', keys: [b64('leased')] });
    await same('/v3/lease/leases', {});
    await same('/v3/lease/revoke', { ID: '999' });
    const kept = await same('/v3/lease/keepalive', { ID: '12345' });
    expect(kept.body).toMatchObject({ result: { ID: '12345', TTL: '60' } });
    await same('/v3/lease/revoke', { ID: '12345' });
    await same('/v3/kv/range', { key: b64('leased') });
    await same('/v3/maintenance/alarm', { action: 'GET' });
    await same('/v3/maintenance/defragment', {});
    const [ours, theirs] = await Promise.all([post(h.endpoint, '/v3/maintenance/status', '{}'), post(etcd.endpoint, '/v3/maintenance/status', '{}')]);
    expect(Object.keys(ours.body as object).sort()).toEqual(Object.keys(theirs.body as object).sort());
    const [m1, m2] = await Promise.all([post(h.endpoint, '/v3/cluster/member/list', '{}'), post(etcd.endpoint, '/v3/cluster/member/list', '{}')]);
    const shape = (a: Answer) => Object.keys((a.body as { members: object[] }).members[0]!).sort();
    expect(shape(m1)).toEqual(shape(m2));
  });

  it('streams a watch as JSON lines alike', async () => {
    const watch = async (endpoint: string) => {
      const controller = new AbortController();
      const res = await fetch(`http://${endpoint}/v3/watch`, { method: 'POST', body: JSON.stringify({ create_request: { key: b64('w'), prev_kv: true } }), signal: controller.signal });
      const reader = res.body!.getReader();
      let text = '';
      const lines = async (n: number) => {
        while (text.split('\n').filter(Boolean).length < n) text += new TextDecoder().decode((await reader.read()).value);
        return text.split('\n').filter(Boolean).map((l) => mask(JSON.parse(l)));
      };
      await lines(1);
      await post(endpoint, '/v3/kv/put', JSON.stringify({ key: b64('w'), value: b64('1') }));
      await post(endpoint, '/v3/kv/put', JSON.stringify({ key: b64('w'), value: b64('2') }));
      await post(endpoint, '/v3/kv/deleterange', JSON.stringify({ key: b64('w') }));
      const all = await lines(4);
      controller.abort();
      return all;
    };
    const [ours, theirs] = await Promise.all([watch(h.endpoint), watch(etcd.endpoint)]);
    // A watcher's id may differ; mask it.
    const noId = (lines: unknown[]) => lines.map((l) => JSON.parse(JSON.stringify(l).replace(/"watch_id":"\d+",?/g, '')));
    expect(noId(ours)).toEqual(noId(theirs));
  });

  it('refuses bad input as etcd does, and keeps serving', async () => {
    await same('/v3/kv/put', '{"key":');
    await same('/v3/kv/put', { key: '!!!' });
    await same('/v3/kv/put', { key: 'Zm9v!' });
    await same('/v3/kv/range', { key: b64('foo'), limit: 'abc' });
    await same('/v3/kv/nope', {});
    const get = await post(h.endpoint, '/v3/kv/range', '', 'GET');
    expect(get).toEqual(await post(etcd.endpoint, '/v3/kv/range', '', 'GET'));
    const huge = JSON.stringify({ key: b64('big'), value: Buffer.alloc(3_000_000).toString('base64') });
    const ours = await post(h.endpoint, '/v3/kv/put', huge);
    expect(ours.status).toBe(429);
    expect(ours.body).toMatchObject({ code: 8, error: expect.stringMatching(/^grpc: received message larger than max/) });
    await same('/v3/kv/range', { key: b64('t') });
  });

  it('survives garbage, a half preface and a malformed HTTP request on the client port', async () => {
    const [host, port] = h.endpoint.split(':');
    for (const bytes of [Buffer.from([0, 1, 2, 3, 255, 254]), Buffer.from('PRI * HTTP/2.0\r\n'), Buffer.from('GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n')]) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(port), host!, () => socket.end(bytes));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.resume();
        setTimeout(() => socket.destroy(), 500);
      });
    }
    expect(await post(h.endpoint, '/health', '', 'GET')).toEqual({ status: 200, body: { health: 'true' } });
  });

  it('serves /health and /version as etcd does', async () => {
    await same('/health', '', 'GET');
    const version = await post(h.endpoint, '/version', '', 'GET');
    expect(version).toEqual({ status: 200, body: { etcdserver: '3.4.23', etcdcluster: '3.4.0' } });
    expect(await post(h.endpoint, '/livez', '', 'GET')).toEqual({ status: 200, body: 'ok\n' });
  });

  it('answers /health false (503) while an alarm is raised, unless excluded, as etcd does', async () => {
    await same('/v3/maintenance/alarm', { action: 'ACTIVATE', memberID: '7', alarm: 'NOSPACE' });
    expect(await same('/health', '', 'GET')).toEqual({ status: 503, body: { health: 'false' } });
    expect(await same('/health?exclude=NOSPACE', '', 'GET')).toEqual({ status: 200, body: { health: 'true' } });
    expect(await same('/health?exclude=CORRUPT', '', 'GET')).toEqual({ status: 503, body: { health: 'false' } });
    const readyz = await post(h.endpoint, '/readyz', '', 'GET'); // (3.5's; etcd 3.4 has none)
    expect(readyz).toEqual({ status: 503, body: 'not ready: alarm NOSPACE raised\n' });
    await same('/v3/maintenance/alarm', { action: 'DEACTIVATE', memberID: '7', alarm: 'NOSPACE' });
    expect(await same('/health', '', 'GET')).toEqual({ status: 200, body: { health: 'true' } });
  });
});

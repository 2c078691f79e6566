// Proves the real etcdctl 3.4 (/usr/bin/etcdctl) works unchanged against
// our server over a LocalBackend: put/get (prefix, limit, rev, JSON), del
// (prefix, prev-kv), watch (prefix, rev, prev-kv) as a child process, txn in
// interactive mode, leases (grant, put --lease, keep-alive --once,
// timetolive --keys, list, revoke), `etcdctl lock` between two holders,
// member list, endpoint status and health, compaction, and etcd's error
// messages. Expected outputs were
// taken from a real etcd 3.4.23 run on loopback. Every command runs twice,
// with the endpoint as `host:port` and as a URL (`http://host:port`, the
// form ETCDCTL_ENDPOINTS usually holds: etcdctl then sends the whole URL as
// the HTTP/2 :authority of some calls, e.g. endpoint status).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CtlProcess, etcdctl, startHarness, until, type Harness } from './harness.js';

let h: Harness;
/** The endpoint as etcdctl is given it in the running describe block. */
let endpoint: string;
const ctl = (...args: string[]) => etcdctl(endpoint, args);
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe.each([
  { form: 'host:port', write: (hostPort: string) => hostPort },
  { form: 'http:// URL', write: (hostPort: string) => `http://${hostPort}` },
])('etcdctl against the server, endpoint as $form', ({ write }) => {
  beforeAll(async () => {
    h = await startHarness();
    endpoint = write(h.endpoint);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('puts and gets, with prefix, limit, rev and JSON output', async () => {
    expect((await ctl('put', 'foo', 'bar')).stdout).toBe('OK\n');
    expect((await ctl('put', 'foo', 'baz')).stdout).toBe('OK\n');
    expect((await ctl('get', 'foo')).stdout).toBe('foo\nbaz\n');
    const json = JSON.parse((await ctl('get', 'foo', '-w', 'json')).stdout);
    expect(json.kvs).toEqual([{ key: b64('foo'), create_revision: 2, mod_revision: 3, version: 2, value: b64('baz') }]);
    expect(json.header.revision).toBe(3);
    expect(json.header.raft_term).toBe(1);
    expect((await ctl('get', 'foo', '--rev', '2')).stdout).toBe('foo\nbar\n');
    for (const k of ['p/1', 'p/2', 'p/3']) await ctl('put', k, `v${k}`);
    expect((await ctl('get', 'p/', '--prefix', '--keys-only')).stdout).toBe('p/1\n\np/2\n\np/3\n\n');
    const limited = JSON.parse((await ctl('get', 'p/', '--prefix', '--limit', '2', '-w', 'json')).stdout);
    expect([limited.kvs.length, limited.more, limited.count]).toEqual([2, true, 3]);
    expect((await ctl('get', 'p/', '--prefix', '--sort-by', 'KEY', '--order', 'DESCEND', '--keys-only')).stdout).toBe('p/3\n\np/2\n\np/1\n\n');
  });

  it('deletes by prefix and with prev-kv', async () => {
    await ctl('put', 'd/1', 'x');
    await ctl('put', 'd/2', 'y');
    expect((await ctl('del', 'd/1', '--prev-kv')).stdout).toBe('1\nd/1\nx\n');
    expect((await ctl('del', 'd/', '--prefix')).stdout).toBe('1\n');
    expect((await ctl('del', 'nothing')).stdout).toBe('0\n');
  });

  it('watches a prefix live and a key from a past revision, with prev-kv', async () => {
    const live = new CtlProcess(endpoint, ['watch', '--prefix', 'w/', '--prev-kv']);
    const past = new CtlProcess(endpoint, ['watch', 'foo', '--rev', '1']);
    try {
      await until(() => h.backend.store.watcherCount === 2, 'both watchers');
      await ctl('put', 'w/a', '1');
      await ctl('put', 'w/a', '2');
      await ctl('del', 'w/a');
      // With --prev-kv etcdctl prints the previous pair before each event's own.
      expect(await live.waitFor('DELETE\nw/a\n2\nw/a\n\n')).toBe('PUT\nw/a\n1\nPUT\nw/a\n1\nw/a\n2\nDELETE\nw/a\n2\nw/a\n\n');
      expect(await past.waitFor('foo\nbaz\n')).toBe('PUT\nfoo\nbar\nPUT\nfoo\nbaz\n');
    } finally {
      await live.kill();
      await past.kill();
    }
    await until(() => h.backend.store.watcherCount === 0, 'watchers gone after etcdctl exits');
  });

  it('runs an interactive txn from stdin', async () => {
    await ctl('put', 'tx', 'on');
    const yes = await etcdctl(endpoint, ['txn'], 'value("tx") = "on"\n\nput t1 a\nput t2 b\n\nput t3 c\n\n');
    expect(yes.stdout).toBe('SUCCESS\n\nOK\n\nOK\n');
    const no = await etcdctl(endpoint, ['txn'], 'value("tx") = "off"\n\nput t1 a\n\nput t3 c\n\n');
    expect(no.stdout).toBe('FAILURE\n\nOK\n');
    expect((await ctl('get', 't3')).stdout).toBe('t3\nc\n');
    const dup = await etcdctl(endpoint, ['txn'], '\nput a 1\nput a 2\n\n\n');
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('etcdserver: duplicate key given in txn request');
  });

  it('grants, uses, keeps alive, inspects and revokes leases', async () => {
    const granted = (await ctl('lease', 'grant', '100')).stdout;
    const match = /^lease ([0-9a-f]+) granted with TTL\(100s\)\n$/.exec(granted);
    expect(match).not.toBeNull();
    const id = match![1]!;
    expect((await ctl('put', 'lk', 'v', `--lease=${id}`)).stdout).toBe('OK\n');
    expect((await ctl('lease', 'timetolive', id, '--keys')).stdout).toMatch(new RegExp(`^lease ${id} granted with TTL\\(100s\\), remaining\\(\\d+s\\), attached keys\\(\\[lk\\]\\)\\n$`));
    expect((await ctl('lease', 'keep-alive', '--once', id)).stdout).toBe(`lease ${id} keepalived with TTL(100)\n`);
    expect((await ctl('lease', 'list')).stdout).toBe(`found 1 leases\n${id}\n`);
    expect((await ctl('lease', 'revoke', id)).stdout).toBe(`lease ${id} revoked\n`);
    expect((await ctl('get', 'lk')).stdout).toBe('');
    expect((await ctl('lease', 'timetolive', '1234')).stdout).toBe('lease 0000000000001234 already expired\n');
    const gone = await ctl('lease', 'keep-alive', '--once', '1234');
    expect(gone.stderr).toContain('etcdserver: requested lease not found');
    expect((await ctl('lease', 'grant', '1')).stdout).toMatch(/granted with TTL\(2s\)/);
  });

  it('serializes two holders of `etcdctl lock` (leases, txn, watch on the waiter)', async () => {
    // The first holder leaves a marker as it finishes; the second, which
    // waits for the lock, must find it.
    const marker = path.join(os.tmpdir(), `kv-lock-${process.pid}-${Date.now()}`);
    const first = etcdctl(endpoint, ['lock', 'the-lock', '--', 'sh', '-c', `sleep 0.5; touch ${marker}`]);
    await until(() => h.backend.store.range({ key: Buffer.from('the-lock/'), rangeEnd: Buffer.from('the-lock0'), serializable: true }).count === 1, 'first holder');
    const second = etcdctl(endpoint, ['lock', 'the-lock', '--', 'sh', '-c', `test -f ${marker} && echo saw-first`]);
    const [a, b] = await Promise.all([first, second]);
    fs.rmSync(marker, { force: true });
    expect(a.code).toBe(0);
    expect(b.stdout).toContain('saw-first');
    expect(h.backend.store.range({ key: Buffer.from('the-lock/'), rangeEnd: Buffer.from('the-lock0') }).count).toBe(0);
  });

  it('lists members and reports endpoint status and health', async () => {
    const members = (await ctl('member', 'list')).stdout;
    expect(members).toMatch(new RegExp(`^[0-9a-f]+, started, test, http://127.0.0.1:2380, http://${h.endpoint}, false\\n$`));
    const status = JSON.parse((await ctl('endpoint', 'status', '-w', 'json')).stdout);
    expect(status[0].Status.version).toBe('3.4.23');
    expect(status[0].Status.leader).toBe(status[0].Status.header.member_id);
    const health = await ctl('endpoint', 'health');
    expect(health.stdout + health.stderr).toMatch(new RegExp(`^${endpoint} is healthy: successfully committed proposal`));
  });

  it('compacts and then refuses compacted revisions as etcd does', async () => {
    expect((await ctl('compact', '3')).stdout).toBe('compacted revision 3\n');
    const old = await ctl('get', 'foo', '--rev', '2');
    expect(old.code).not.toBe(0);
    expect(old.stderr).toContain('Error: etcdserver: mvcc: required revision has been compacted');
    const again = await ctl('compact', '3');
    expect(again.stderr).toContain('etcdserver: mvcc: required revision has been compacted');
    const future = await ctl('get', 'foo', '--rev', '100000');
    expect(future.stderr).toContain('etcdserver: mvcc: required revision is a future revision');
    const empty = await ctl('put', '', 'x');
    expect(empty.stderr).toContain('etcdserver: key is not provided');
  });
});

// Proves the tools people point at etcd work against a 3-member cluster of
// real `mgmt run` agents, with endpoints written as URLs: `etcdctl endpoint
// hashkv` gives the same hash on every member at a revision, `snapshot
// save` works against a follower and the file holds the store, `alarm
// list`, `defrag`, `endpoint status`, `lock`, `elect` and `move-leader`; /health answers
// true on every member; the JSON gateway answers on a follower; and
// /metrics on the client port parses as Prometheus text with each etcd
// series the etcd mixin uses (the client and peer byte counters included), with etcd's types and buckets, plus
// process_* and nodejs_*, and `etcdctl check datascale` reads it. The
// leader's corruption check runs every second all along and accuses nobody.
// /health and the gateway are asked with the real curl. The same tools
// (but move-leader) then run against a single agent.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KvStore, decodeSnapshotFile } from '@mgmt/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, startThreeMembers, voterNames, type AgentProc } from './process-harness.js';

let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];
const urls = () => procs.map((p) => p.clientUrl);

beforeAll(async () => {
  tmp = tempDir('mgmt-etcd-tools-');
  // Every member runs the leader's corruption check each second: with the
  // agents' own writes going on, it must never accuse a healthy member.
  const check = ['--experimental-corrupt-check-time', '1s'];
  await startThreeMembers(tmp.dir, ['h1', 'h2', 'h3'], procs, () => check);
}, 200_000);

afterAll(async () => {
  for (const p of procs) {
    // An agent that died on its own: show why before the directory goes.
    if (p.child.exitCode !== null || p.child.signalCode !== null) console.error(`${p.name} exited (${p.child.exitCode ?? p.child.signalCode}):\n${fs.readFileSync(p.logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  }
  await killAll(procs);
  tmp?.cleanup();
});

/** A sample line of Prometheus text: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (TYPE lines and samples). */
function parsePrometheus(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      types.set(name!, type!);
    } else if (line !== '' && !line.startsWith('#')) {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not Prometheus text: ${line}`);
      const labels: Record<string, string> = {};
      for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
      samples.push({ name: m[1]!, labels, value: Number(m[3]) });
    }
  }
  return { types, samples };
}

/** The real curl: the body and, on the last line, the HTTP status. */
function curl(url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const args = ['-sS', '-w', '\n%{http_code}', ...(body === undefined ? [] : ['-d', JSON.stringify(body)]), url];
  return new Promise((resolve, reject) => {
    execFile('curl', args, { timeout: 20_000 }, (error, out) => {
      if (error) return reject(error);
      const cut = out.lastIndexOf('\n');
      resolve({ status: Number(out.slice(cut + 1)), body: JSON.parse(out.slice(0, cut)) });
    });
  });
}

/** curl's /health on each URL, then a put and a range through the JSON gateway of `gatewayUrl`. */
async function expectHealthAndGateway(healthUrls: string[], gatewayUrl: string): Promise<void> {
  for (const url of healthUrls) expect(await curl(`${url}/health`)).toEqual({ status: 200, body: { health: 'true' } });
  expect((await curl(`${gatewayUrl}/v3/kv/put`, { key: btoa('gw'), value: btoa('via-gateway') })).status).toBe(200);
  const range = await curl(`${gatewayUrl}/v3/kv/range`, { key: btoa('gw') });
  expect(atob((range.body as { kvs: Array<{ value: string }> }).kvs[0]!.value)).toBe('via-gateway');
}

describe('etcd tools against a 3-member mgmt cluster', () => {
  it('answers /health true on every member, and the gateway on a follower (curl)', async () => {
    await expectHealthAndGateway(urls(), procs[2]!.clientUrl);
  });

  it('gives the same hashkv on every member at a revision', async () => {
    await etcdctl(procs[0]!.clientUrl, 'put', 'hash-me', 'x');
    const rev = JSON.parse(await etcdctl(procs[0]!.clientUrl, 'get', 'hash-me', '-w', 'json')).header.revision as number;
    const hashes = await waitFor('every member at the revision', async () => {
      try {
        const out = JSON.parse(await etcdctl(urls().join(','), 'endpoint', 'hashkv', '--rev', String(rev), '-w', 'json')) as Array<{ HashKV: { hash: number } }>;
        return out.length === 3 ? out.map((o) => o.HashKV.hash) : undefined;
      } catch {
        return undefined;
      }
    }, 30_000);
    expect(new Set(hashes).size).toBe(1);
  });

  it('saves a snapshot from a follower, lists no alarm, defragments, shows status', async () => {
    const file = path.join(tmp.dir, 'backup.db');
    const out = await etcdctl(procs[1]!.clientUrl, 'snapshot', 'save', file);
    expect(out).toContain(`Snapshot saved at ${file}`);
    const store = new KvStore();
    store.restore(decodeSnapshotFile(fs.readFileSync(file)));
    expect(store.range({ key: Buffer.from('hash-me') }).kvs[0]?.value).toEqual(Buffer.from('x'));
    expect(await etcdctl(urls().join(','), 'alarm', 'list')).toBe('');
    expect(await etcdctl(urls().join(','), 'defrag')).toMatch(/^(Finished defragmenting etcd member\[http:\/\/127\.0\.0\.1:\d+\]\n){3}$/);
    const status = JSON.parse(await etcdctl(urls().join(','), 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { leader: number; dbSize: number } }>;
    expect(status.length).toBe(3);
    expect(new Set(status.map((s) => s.Status.leader)).size).toBe(1);
    for (const s of status) expect(s.Status.dbSize).toBeGreaterThan(0);
  });

  it('runs etcdctl lock and elect', async () => {
    expect(await etcdctl(procs[0]!.clientUrl, 'lock', 'fleet-lock', 'echo', 'held')).toBe('held\n');
    const elect = spawn('etcdctl', ['--endpoints', procs[1]!.clientUrl, 'elect', 'fleet-leader', 'h-candidate'], { env: { ...process.env, ETCDCTL_API: '3' }, stdio: 'ignore' });
    try {
      const leader = await waitFor('a leader elected', async () => {
        const out = await etcdctl(procs[2]!.clientUrl, 'get', 'fleet-leader', '--prefix', '--print-value-only');
        return out.includes('h-candidate') ? out : undefined;
      }, 30_000);
      expect(leader).toBe('h-candidate\n');
    } finally {
      elect.kill('SIGINT');
    }
  });

  it('serves etcd metrics on the client port: each mixin series with etcd types and buckets, process_* and nodejs_*', async () => {
    await etcdctl(procs[0]!.clientUrl, 'put', 'metric', 'x');
    const res = await fetch(`${procs[0]!.clientUrl}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { types, samples } = parsePrometheus(await res.text());
    const want: Record<string, string> = {
      etcd_server_has_leader: 'gauge',
      etcd_server_is_leader: 'gauge',
      etcd_server_leader_changes_seen_total: 'counter',
      etcd_server_proposals_committed_total: 'gauge',
      etcd_server_proposals_applied_total: 'gauge',
      etcd_server_proposals_pending: 'gauge',
      etcd_server_proposals_failed_total: 'counter',
      etcd_disk_wal_fsync_duration_seconds: 'histogram',
      etcd_disk_backend_commit_duration_seconds: 'histogram',
      etcd_network_peer_round_trip_time_seconds: 'histogram',
      etcd_mvcc_db_total_size_in_bytes: 'gauge',
      etcd_mvcc_db_total_size_in_use_in_bytes: 'gauge',
      etcd_server_quota_backend_bytes: 'gauge',
      etcd_network_client_grpc_sent_bytes_total: 'counter',
      etcd_network_client_grpc_received_bytes_total: 'counter',
      etcd_network_peer_sent_bytes_total: 'counter',
      etcd_network_peer_received_bytes_total: 'counter',
      etcd_network_peer_sent_failures_total: 'counter',
      grpc_server_started_total: 'counter',
      grpc_server_handled_total: 'counter',
      process_resident_memory_bytes: 'gauge',
      process_cpu_seconds_total: 'counter',
      nodejs_heap_size_used_bytes: 'gauge',
    };
    for (const [name, type] of Object.entries(want)) expect([name, types.get(name)]).toEqual([name, type]);
    const one = (name: string) => samples.find((s) => s.name === name)!;
    expect(one('etcd_server_has_leader').value).toBe(1);
    expect(one('etcd_server_has_leader').labels).toEqual({}); // etcd's own series carry etcd's labels only
    expect(one('etcd_server_proposals_committed_total').value).toBeGreaterThan(0);
    expect(one('etcd_mvcc_db_total_size_in_bytes').value).toBeGreaterThan(0);
    // The bytes of the client port's connections: at least the put above, and its answers.
    for (const name of ['etcd_network_client_grpc_sent_bytes_total', 'etcd_network_client_grpc_received_bytes_total']) {
      expect([name, one(name).labels]).toEqual([name, {}]);
      expect([name, one(name).value > 0]).toEqual([name, true]);
    }
    const fsyncBuckets = samples.filter((s) => s.name === 'etcd_disk_wal_fsync_duration_seconds_bucket').map((s) => s.labels.le);
    expect(fsyncBuckets).toEqual([...Array.from({ length: 14 }, (_, i) => String(0.001 * 2 ** i)), '+Inf']);
    expect(one('etcd_disk_wal_fsync_duration_seconds_count').value).toBeGreaterThan(0);
    const puts = samples.find((s) => s.name === 'grpc_server_handled_total' && s.labels.grpc_method === 'Put' && s.labels.grpc_code === 'OK');
    expect(puts?.labels).toEqual({ grpc_type: 'unary', grpc_service: 'etcdserverpb.KV', grpc_method: 'Put', grpc_code: 'OK' });
    expect(one('process_resident_memory_bytes').value).toBeGreaterThan(0);
    // Raft messages to and from both other members, by peer id in hex.
    for (const [name, label] of [['etcd_network_peer_sent_bytes_total', 'To'], ['etcd_network_peer_received_bytes_total', 'From']] as const) {
      const peers = samples.filter((s) => s.name === name && s.value > 0).map((s) => s.labels[label] ?? '');
      expect([name, peers.length >= 2, peers.every((p) => /^[0-9a-f]+$/.test(p))]).toEqual([name, true, true]);
    }
    // The leader times its heartbeats to each follower (label To: the follower's id in hex).
    const roundTrips = async () => {
      const found: Array<{ to: string; count: number }> = [];
      for (const url of urls()) {
        const { samples: s } = parsePrometheus(await (await fetch(`${url}/metrics`)).text());
        for (const x of s) if (x.name === 'etcd_network_peer_round_trip_time_seconds_count' && x.value > 0) found.push({ to: x.labels.To ?? '', count: x.value });
      }
      return found.length >= 2 ? found : undefined;
    };
    const rtts = await waitFor('the leader to time heartbeats to both followers', roundTrips, 30_000);
    for (const r of rtts) expect(r.to).toMatch(/^[0-9a-f]+$/);
  });

  it('raised no CORRUPT alarm: the corruption check ran all along and found the members equal', async () => {
    // The leader's check calls HashKV on the other members: their metrics count those calls.
    // It runs once a second: wait for a few rounds (however long the tests before took).
    const hashKvCalls = async () => {
      let calls = 0;
      for (const url of urls()) {
        const { samples } = parsePrometheus(await (await fetch(`${url}/metrics`)).text());
        calls += samples.filter((x) => x.name === 'grpc_server_handled_total' && x.labels.grpc_method === 'HashKV' && x.labels.grpc_code === 'OK').reduce((a, x) => a + x.value, 0);
      }
      return calls;
    };
    await waitFor('the corruption check to call HashKV a few times', async () => (await hashKvCalls()) > 5, 60_000);
    expect(await etcdctl(urls().join(','), 'alarm', 'list')).toBe('');
    const log = fs.readFileSync(procs.find((p) => p.name === 'h1')!.logFile, 'utf8');
    expect(log).not.toContain('corruption check');
  });

  it('hands leadership over with etcdctl move-leader', async () => {
    type EndpointStatus = { Endpoint: string; Status: { leader: number; header: { member_id: number } } };
    const statuses = async () => JSON.parse(await etcdctl(urls().join(','), 'endpoint', 'status', '-w', 'json')) as EndpointStatus[];
    const before = await statuses();
    const leader = before[0]!.Status.leader;
    const target = before.map((s) => s.Status.header.member_id).find((id) => id !== leader)!;
    // etcdctl finds the leader among the endpoints and asks it (member ids in hex, as etcd prints them).
    const out = await etcdctl(urls().join(','), 'move-leader', target.toString(16));
    expect(out).toBe(`Leadership transferred from ${leader.toString(16)} to ${target.toString(16)}\n`);
    await waitFor('every member to follow the new leader', async () => (await statuses()).every((s) => s.Status.leader === target), 30_000);
  });
});

describe('etcdctl check datascale against one agent', () => {
  // A cluster of one: the check's 50 clients on a loaded 2-core machine can
  // starve a 3-member cluster's heartbeats into an election, and the check
  // stops at the first "no leader"; what is tested here is /metrics.
  it('passes (it reads process_resident_memory_bytes from /metrics on the client port)', async () => {
    const solo = await startAgent({ name: 'solo', dir: tmp.dir });
    procs.push(solo);
    await waitFor('solo serves', () => voterNames(solo.endpoint).then((v) => v?.length === 1), 60_000);
    const out = await etcdctl(solo.clientUrl, 'check', 'datascale', '--load=s', '--command-timeout=60s');
    expect(out).toMatch(/PASS: Approximate system memory used : [\d.]+ MB\./);
  }, 300_000);
});

describe('etcd tools against one agent', () => {
  it('serves /health and the gateway (curl), snapshot save, hashkv, alarm list, defrag, lock and elect', async () => {
    const one = await startAgent({ name: 'one', dir: tmp.dir });
    procs.push(one);
    await waitFor('one serves', () => voterNames(one.endpoint).then((v) => v?.length === 1), 60_000);
    await expectHealthAndGateway([one.clientUrl], one.clientUrl);
    const file = path.join(tmp.dir, 'one.db');
    expect(await etcdctl(one.clientUrl, 'snapshot', 'save', file)).toContain(`Snapshot saved at ${file}`);
    const store = new KvStore();
    store.restore(decodeSnapshotFile(fs.readFileSync(file)));
    expect(store.range({ key: Buffer.from('gw') }).kvs[0]?.value).toEqual(Buffer.from('via-gateway'));
    const hashkv = JSON.parse(await etcdctl(one.clientUrl, 'endpoint', 'hashkv', '-w', 'json')) as Array<{ HashKV: { hash: number } }>;
    expect(hashkv.length).toBe(1);
    expect(await etcdctl(one.clientUrl, 'alarm', 'list')).toBe('');
    expect(await etcdctl(one.clientUrl, 'defrag')).toBe(`Finished defragmenting etcd member[${one.clientUrl}]\n`);
    expect(await etcdctl(one.clientUrl, 'lock', 'one-lock', 'echo', 'held')).toBe('held\n');
    const elect = spawn('etcdctl', ['--endpoints', one.clientUrl, 'elect', 'one-leader', 'solo-candidate'], { env: { ...process.env, ETCDCTL_API: '3' }, stdio: 'ignore' });
    try {
      await waitFor('elected', async () => (await etcdctl(one.clientUrl, 'get', 'one-leader', '--prefix', '--print-value-only')) === 'solo-candidate\n', 30_000);
    } finally {
      elect.kill('SIGINT');
    }
  }, 120_000);
});

/**
 * Transport benchmark: round-trip latency (p50/p99) and one-way messages per
 * second for 256-byte Raft-sized messages over each @mgmt/transport carrier,
 * beside raw NATS request/reply (the floor: ~0.22 ms here).
 *
 *   npx tsx tools/src/transport-bench.ts [--round-trips 2000] [--messages 20000]
 *
 * Round trip: member 1 sends, member 2 echoes, one at a time. Throughput:
 * member 1 sends as fast as the transport accepts (a full queue is retried
 * on the next turn of the event loop) until member 2 has them all.
 * tcp and nats run both members in this process; worker runs member 2 in a
 * real worker thread (this same file is its entry). A nats-server is started
 * on a free loopback port and stopped at the end.
 *
 * The second table runs a real 3-member Raft group (@mgmt/raft's RaftDriver,
 * the production loop, with MemoryStorage, messages encoded with @mgmt/proto) over each transport, all
 * in this process, and reports commit latency on the leader (propose to
 * apply, one at a time) and committed entries/s with 64 proposals in flight.
 * `--raft-entries N` (default 2000) per row.
 *
 * NATS runs three ways: plain, with a shared cluster key (an HMAC tag per
 * chunk), and with member authentication (a handshake of signed hellos per
 * pair, then an HMAC tag with the pair's key per chunk; member certificates
 * made by openssl), to show what authenticating each message costs.
 */
import { isMainThread, MessageChannel } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { decodeMessage, encodeMessage } from '@mgmt/proto';
import { systemClock } from '@mgmt/agent';
import { bootstrapNewCluster, MemoryStorage, messageFromWire, mulberry32, RaftDriver } from '@mgmt/raft';
import {
  agentWorkerContext,
  createAgentWorkerTransport,
  createNatsTransport,
  createTcpTransport,
  createWorkerHub,
  createWorkerTransport,
  exposeAgentControl,
  silentLogger,
  spawnAgentWorker,
} from '@mgmt/transport';
import type { Transport } from '@mgmt/transport';
import { makeTestCa, startNatsServer } from '@mgmt/transport/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MESSAGE_BYTES = 256;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

interface Row {
  transport: string;
  p50Ms: number;
  p99Ms: number;
  roundTripsPerSec: number;
  messagesPerSec: number | undefined;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

function payload(): Uint8Array {
  return new Uint8Array(MESSAGE_BYTES).fill(7);
}

/** Round trips from `a` to member 2, which echoes; returns sorted latencies in ms. */
async function roundTrips(a: Transport, count: number): Promise<number[]> {
  let resolveEcho: (() => void) | undefined;
  a.onMessage(() => resolveEcho?.());
  const latencies: number[] = [];
  for (let i = 0; i < count + 200; i += 1) {
    const echoed = new Promise<void>((resolve) => (resolveEcho = resolve));
    const start = performance.now();
    a.send(2, payload());
    await echoed;
    if (i >= 200) latencies.push(performance.now() - start); // the first 200 warm up
  }
  return latencies.sort((x, y) => x - y);
}

/** Sends `count` messages from `a` to 2 as fast as accepted; `received` reports how many arrived. */
async function throughput(a: Transport, count: number, received: () => Promise<number> | number): Promise<number> {
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    const result = a.send(2, payload());
    if (result === 'queued') sent += 1;
    else if (result === 'queue-full') await new Promise((r) => setImmediate(r));
    else throw new Error(`send failed: ${result}`);
  }
  while ((await received()) < count) await new Promise((r) => setTimeout(r, 1));
  return count / ((performance.now() - start) / 1000);
}

/** Benchmarks members 1 (`a`) and 2 (`b`), which already know each other. */
async function benchPair(name: string, a: Transport, b: Transport, rounds: number, messages: number): Promise<Row> {
  let echo = true;
  let count = 0;
  b.onMessage(({ from, bytes }) => {
    if (echo) b.send(from, bytes);
    else count += 1;
  });
  const latencies = await roundTrips(a, rounds);
  echo = false;
  const messagesPerSec = await throughput(a, messages, () => count);
  return summarize(name, latencies, messagesPerSec);
}

function summarize(transport: string, latencies: number[], messagesPerSec: number | undefined): Row {
  const totalMs = latencies.reduce((s, x) => s + x, 0);
  return {
    transport,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    roundTripsPerSec: latencies.length / (totalMs / 1000),
    messagesPerSec,
  };
}

async function benchTcp(rounds: number, messages: number): Promise<Row> {
  const options = { clusterId: 'bench', listenUrl: 'tcp://127.0.0.1:0', logger: silentLogger };
  const a = createTcpTransport({ ...options, localId: 1 });
  const b = createTcpTransport({ ...options, localId: 2 });
  await Promise.all([a.start(), b.start()]);
  try {
    a.addPeer(2, b.listenUrl);
    b.addPeer(1, a.listenUrl);
    return await benchPair('tcp (one process)', a, b, rounds, messages);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** How NATS messages are authenticated: not at all, with a shared cluster key, or as their member. */
type NatsAuth = 'none' | 'cluster key' | 'member identity';

/** Member certificates (openssl) for the member-identity rows, made once. */
function natsAuthOptions(auth: NatsAuth, pki: MemberPki, id: number): Partial<Parameters<typeof createNatsTransport>[0]> {
  if (auth === 'cluster key') return { authKey: new Uint8Array(32).fill(7) };
  if (auth === 'none') return {};
  const files = pki.issue(id);
  return { memberAuth: { cert: files.cert, key: files.key, ca: pki.ca, authorizePeer: (fromId, peer) => (peer.names.includes(`member-${fromId}`) ? undefined : 'not that member') } };
}

interface MemberPki {
  ca: string;
  issue(id: number): { cert: string; key: string };
  dispose(): void;
}

function memberPki(): MemberPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transport-bench-pki-'));
  const ca = makeTestCa(dir, 'cluster-ca');
  const issued = new Map<number, { cert: string; key: string }>();
  return {
    ca: fs.readFileSync(ca.cert, 'utf8'),
    issue(id) {
      let i = issued.get(id);
      if (i === undefined) {
        const f = ca.issue(`member-${id}`, []);
        i = { cert: fs.readFileSync(f.cert, 'utf8'), key: fs.readFileSync(f.key, 'utf8') };
        issued.set(id, i);
      }
      return i;
    },
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function benchNats(url: string, rounds: number, messages: number, auth: NatsAuth = 'none', pki?: MemberPki): Promise<Row> {
  const options = { clusterId: 'bench', servers: [url], logger: silentLogger };
  const a = createNatsTransport({ ...options, localId: 1, ...(pki ? natsAuthOptions(auth, pki, 1) : {}) });
  const b = createNatsTransport({ ...options, localId: 2, ...(pki ? natsAuthOptions(auth, pki, 2) : {}) });
  await Promise.all([a.start(), b.start()]);
  try {
    a.addPeer(2, 'nats');
    b.addPeer(1, 'nats');
    return await benchPair(auth === 'none' ? 'nats (one process)' : `nats + ${auth}`, a, b, rounds, messages);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function benchRawNats(url: string, rounds: number): Promise<Row> {
  const server = await connect({ servers: url });
  const client = await connect({ servers: url });
  server.subscribe('bench.echo', { callback: (_err, msg) => msg.respond(msg.data) });
  await server.flush();
  const latencies: number[] = [];
  for (let i = 0; i < rounds + 200; i += 1) {
    const start = performance.now();
    await client.request('bench.echo', payload(), { timeout: 5000 });
    if (i >= 200) latencies.push(performance.now() - start);
  }
  await Promise.all([client.close(), server.close()]);
  return summarize('raw NATS request/reply (floor)', latencies.sort((x, y) => x - y), undefined);
}

interface BenchEcho {
  start(): Promise<void>;
  received(): number;
  setEcho(on: boolean): void;
}

async function benchWorker(rounds: number, messages: number): Promise<Row> {
  const hub = createWorkerHub();
  const { port1, port2 } = new MessageChannel();
  const a = createWorkerTransport({ localId: 1, hubPort: port2, logger: silentLogger });
  await a.start();
  hub.attach(1, port1);
  const agent = spawnAgentWorker<BenchEcho>(hub, new URL(import.meta.url), { memberId: 2 });
  try {
    await agent.control.start();
    a.addPeer(2, 'worker://2');
    const latencies = await roundTrips(a, rounds);
    await agent.control.setEcho(false);
    const messagesPerSec = await throughput(a, messages, () => agent.control.received());
    return summarize('worker (main <-> worker thread)', latencies, messagesPerSec);
  } finally {
    await agent.terminate();
    await a.close();
    hub.close();
  }
}

/** Member 2 when this file runs as an agent worker: echo, or count. */
function runEchoAgent(): void {
  const context = agentWorkerContext();
  let echo = true;
  let received = 0;
  const transport = createAgentWorkerTransport({ logger: silentLogger });
  exposeAgentControl<BenchEcho>({
    async start() {
      transport.addPeer(1, 'worker://1');
      transport.onMessage(({ from, bytes }) => {
        if (echo) transport.send(from, bytes);
        else received += 1;
      });
      await transport.start();
    },
    received: () => received,
    setEcho(on) {
      echo = on;
    },
  });
  void context;
}

// ---------------------------------------------------------------------------
// A 3-member Raft group over a transport.

interface RaftRow {
  transport: string;
  p50Ms: number;
  p99Ms: number;
  entriesPerSec: number;
}

/** One Raft member: the production driver over MemoryStorage, wired to a transport. */
class RaftMember {
  readonly storage = new MemoryStorage();
  readonly driver: RaftDriver;
  onApply: (data: Uint8Array) => void = () => {};

  constructor(
    readonly id: number,
    ids: number[],
    readonly transport: Transport,
  ) {
    bootstrapNewCluster(this.storage, ids);
    this.driver = new RaftDriver({
      id,
      storage: this.storage,
      clock: systemClock,
      random: mulberry32(id),
      tickMs: 10,
      heartbeatTicks: 1,
      snapshotEveryEntries: 0,
      send: (msg) => this.transport.send(msg.to, encodeMessage(msg)) === 'queued',
      stateMachine: {
        applyEntry: (entry) => this.onApply(entry.data),
        applyConfChange: () => {},
        snapshotData: () => new Uint8Array(0),
        restore: () => {},
      },
    });
    transport.onMessage(({ bytes }) => this.driver.receive(messageFromWire(decodeMessage(bytes))));
    transport.onUnreachable((peer) => this.driver.peerUnreachable(peer));
  }
}

async function raftOver(name: string, transports: Transport[], entries: number): Promise<RaftRow> {
  const ids = transports.map((t) => t.localId);
  const members = transports.map((t) => new RaftMember(t.localId, ids, t));
  for (const m of members) m.driver.start();
  try {
    const leader = members[0]!;
    leader.driver.campaign();
    const deadline = Date.now() + 10_000;
    while (leader.driver.role !== 'leader') {
      if (Date.now() > deadline) throw new Error(`${name}: no leader elected`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const started = new Map<number, number>();
    const latencies: number[] = [];
    let applied = 0;
    let wake: (() => void) | undefined;
    leader.onApply = (data) => {
      const seq = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
      const t0 = started.get(seq);
      if (t0 !== undefined) latencies.push(performance.now() - t0);
      started.delete(seq);
      applied += 1;
      wake?.();
    };
    let seq = 0;
    const propose = (): void => {
      const data = new Uint8Array(MESSAGE_BYTES);
      new DataView(data.buffer).setUint32(0, ++seq);
      started.set(seq, performance.now());
      leader.driver.propose(data);
    };
    const waitApplied = (n: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: entries stopped committing`)), 20_000);
        const check = (): void => {
          if (applied >= n) {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
        };
        wake = check;
        check();
      });
    // Latency: one proposal at a time.
    for (let i = 0; i < entries; i += 1) {
      propose();
      await waitApplied(applied + 1);
    }
    const sorted = latencies.splice(0).sort((x, y) => x - y);
    // Throughput: keep 64 proposals in flight.
    const base = applied;
    const start = performance.now();
    let proposed = 0;
    while (proposed < entries) {
      while (proposed < entries && proposed - (applied - base) < 64) {
        propose();
        proposed += 1;
      }
      await waitApplied(Math.min(base + entries, applied + 1));
    }
    await waitApplied(base + entries);
    const entriesPerSec = entries / ((performance.now() - start) / 1000);
    return { transport: name, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), entriesPerSec };
  } finally {
    for (const m of members) m.driver.halt();
    await Promise.all(transports.map((t) => t.close()));
  }
}

async function raftTransports(kind: 'tcp' | 'nats' | 'worker', natsUrl: string, hub: ReturnType<typeof createWorkerHub>, natsAuth?: { auth: NatsAuth; pki: MemberPki }): Promise<Transport[]> {
  const ids = [1, 2, 3];
  let transports: Transport[];
  if (kind === 'tcp') {
    transports = ids.map((id) => createTcpTransport({ localId: id, clusterId: 'raft', listenUrl: 'tcp://127.0.0.1:0', logger: silentLogger }));
  } else if (kind === 'nats') {
    const clusterId = natsAuth ? `raft-${natsAuth.auth.replace(' ', '-')}` : 'raft';
    transports = ids.map((id) => createNatsTransport({ localId: id, clusterId, servers: [natsUrl], logger: silentLogger, ...(natsAuth ? natsAuthOptions(natsAuth.auth, natsAuth.pki, id) : {}) }));
  } else {
    transports = ids.map((id) => {
      const { port1, port2 } = new MessageChannel();
      hub.attach(id, port1);
      return createWorkerTransport({ localId: id, hubPort: port2, logger: silentLogger });
    });
  }
  await Promise.all(transports.map((t) => t.start()));
  for (const t of transports) {
    for (const peer of transports) {
      if (peer === t) continue;
      const address = 'listenUrl' in peer && typeof peer.listenUrl === 'string' ? peer.listenUrl : `${kind}://${peer.localId}`;
      t.addPeer(peer.localId, address);
    }
  }
  return transports;
}

function formatRaft(rows: RaftRow[]): string {
  const header = ['3-member raft over', 'commit p50 ms', 'commit p99 ms', 'entries/s (64 in flight)'];
  const lines = rows.map((r) => [r.transport, r.p50Ms.toFixed(3), r.p99Ms.toFixed(3), Math.round(r.entriesPerSec).toString()]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

function format(rows: Row[]): string {
  const header = ['transport', 'p50 ms', 'p99 ms', 'round trips/s', 'one-way msgs/s'];
  const lines = rows.map((r) => [
    r.transport,
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
    Math.round(r.roundTripsPerSec).toString(),
    r.messagesPerSec === undefined ? '-' : Math.round(r.messagesPerSec).toString(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

async function main(): Promise<void> {
  const rounds = arg('round-trips', 2000);
  const messages = arg('messages', 20000);
  console.log(`transport-bench: ${MESSAGE_BYTES}-byte messages, ${rounds} round trips (after 200 warm-up), ${messages} one-way messages`);
  const raftEntries = arg('raft-entries', 2000);
  const nats = await startNatsServer();
  const rows: Row[] = [];
  const raftRows: RaftRow[] = [];
  const hub = createWorkerHub();
  const pki = memberPki();
  try {
    rows.push(await benchRawNats(nats.url, rounds));
    rows.push(await benchNats(nats.url, rounds, messages));
    rows.push(await benchNats(nats.url, rounds, messages, 'cluster key', pki));
    rows.push(await benchNats(nats.url, rounds, messages, 'member identity', pki));
    rows.push(await benchTcp(rounds, messages));
    rows.push(await benchWorker(rounds, messages));
    console.log(format(rows));
    console.log('');
    for (const kind of ['tcp', 'nats', 'worker'] as const) {
      const label = kind === 'worker' ? 'worker (MessagePorts, one thread)' : kind;
      raftRows.push(await raftOver(label, await raftTransports(kind, nats.url, hub), raftEntries));
    }
    for (const auth of ['cluster key', 'member identity'] as const) {
      raftRows.push(await raftOver(`nats + ${auth}`, await raftTransports('nats', nats.url, hub, { auth, pki }), raftEntries));
    }
    console.log(formatRaft(raftRows));
  } finally {
    pki.dispose();
    hub.close();
    await nats.dispose();
  }
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  runEchoAgent();
}

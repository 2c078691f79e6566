// What the per-connection limits cost: put and get throughput and p99 with
// the limits on (the defaults: an interceptor on every call) and off
// (`connectionLimits: false`), each on a fresh `serve-local.ts` server
// process (a LocalBackend, so the request path is the gRPC server and the
// interceptor, not Raft). The runs alternate A B B A ... so the machine's
// changing load (others' tests) falls on both alike; each row prints the
// 1-minute load average at its start. Closed loops: `connections`
// connections, one call in flight on each. Besides throughput and p99 (both
// at the mercy of a shared 2-core machine), each row gives the server
// process's CPU time per call (utime + stime from /proc over the measured
// window): the interceptor's cost shows there with far less noise.
// Usage: npx tsx scripts/bench-limits.ts [rounds=4] [connections=32] [seconds=6]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { KvService } from '../src/index.js';

const [roundsArg = '4', connsArg = '32', secsArg = '6'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const connections = Number(connsArg);
const durationMs = Number(secsArg) * 1000;
const here = path.dirname(fileURLToPath(import.meta.url));
const Ctor = makeGenericClientConstructor({ Put: KvService.Put, Range: KvService.Range }, 'KV');
type KvClient = Client & { Put(req: object, cb: (e: Error | null) => void): void; Range(req: object, cb: (e: Error | null) => void): void };
type Variant = 'on' | 'off';
interface Row {
  variant: Variant;
  op: 'put' | 'get';
  load: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time per answered call, in microseconds. */
  cpuUsPerCall: number;
}

/** CPU seconds (user + system) process `pid` has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts serve-local.ts on a free port; resolves with the process and its endpoint. */
function startServer(variant: Variant): Promise<{ child: ChildProcess; endpoint: string }> {
  // One process (not npx, whose child would outlive a kill), so /proc shows the server's own CPU.
  const args = ['--import', 'tsx', path.join(here, 'serve-local.ts'), '127.0.0.1:0', ...(variant === 'off' ? ['--no-limits'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /etcd API on (\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`serve-local exited with ${code}`)));
  });
}

/** Closed loops of `op` on every client for durationMs (after a 1 s warm-up). */
async function drive(clients: KvClient[], op: 'put' | 'get', serverPid: number): Promise<Omit<Row, 'variant' | 'op'>> {
  const value = Buffer.alloc(256, 1);
  const latencies: number[] = [];
  let errors = 0;
  const warmupMs = 1000;
  const load = loadavg()[0]!;
  const started = performance.now();
  let cpuAtStart = 0;
  const warm = setTimeout(() => (cpuAtStart = cpuSeconds(serverPid)), warmupMs);
  await Promise.all(
    clients.map(async (c, i) => {
      for (let n = 0; performance.now() - started < warmupMs + durationMs; n++) {
        const t0 = performance.now();
        const key = Buffer.from(`/bench/${i}/${n % 100}`);
        const e = await new Promise<Error | null>((resolve) => (op === 'put' ? c.Put({ key, value }, resolve) : c.Range({ key }, resolve)));
        if (t0 - started < warmupMs) continue;
        if (e) errors++;
        else latencies.push(performance.now() - t0);
      }
    }),
  );
  const cpu = cpuSeconds(serverPid) - cpuAtStart;
  clearTimeout(warm);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { load, perSecond: latencies.length / (durationMs / 1000), p50: pct(0.5), p99: pct(0.99), errors, cpuUsPerCall: (cpu * 1e6) / latencies.length };
}

async function run(variant: Variant): Promise<Row[]> {
  const { child, endpoint } = await startServer(variant);
  const clients = Array.from({ length: connections }, (_, i) => new Ctor(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1, 'grpc.channel_id': i }) as unknown as KvClient);
  try {
    const rows: Row[] = [];
    for (const op of ['put', 'get'] as const) rows.push({ variant, op, ...(await drive(clients, op, child.pid!)) });
    return rows;
  } finally {
    for (const c of clients) c.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const rows: Row[] = [];
for (let r = 0; r < rounds; r++) {
  const order: Variant[] = r % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
  for (const variant of order) {
    for (const row of await run(variant)) {
      rows.push(row);
      console.log(`round ${r + 1} limits ${row.variant} ${row.op}: ${Math.round(row.perSecond)}/s p50 ${row.p50.toFixed(2)} ms p99 ${row.p99.toFixed(2)} ms server CPU ${row.cpuUsPerCall.toFixed(0)} us/call errors ${row.errors} (load ${row.load.toFixed(2)})`);
    }
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log('\n| op | limits | each run: calls/s (p99 ms, server CPU us/call, load) | mean calls/s | mean p99 ms | mean server CPU us/call |');
console.log('|---|---|---|---|---|---|');
for (const op of ['put', 'get'] as const) {
  for (const variant of ['on', 'off'] as const) {
    const mine = rows.filter((r) => r.op === op && r.variant === variant);
    const cells = mine.map((r) => `${Math.round(r.perSecond)} (${r.p99.toFixed(0)}, ${r.cpuUsPerCall.toFixed(0)}, ${r.load.toFixed(1)})`).join('; ');
    console.log(`| ${op} | ${variant} | ${cells} | ${Math.round(mean(mine.map((r) => r.perSecond)))} | ${mean(mine.map((r) => r.p99)).toFixed(0)} | ${mean(mine.map((r) => r.cpuUsPerCall)).toFixed(0)} |`);
  }
  const of = (variant: Variant, pick: (r: Row) => number) => mean(rows.filter((r) => r.op === op && r.variant === variant).map(pick));
  console.log(`${op}: limits on / off: throughput ${(of('on', (r) => r.perSecond) / of('off', (r) => r.perSecond)).toFixed(3)}, server CPU per call ${(of('on', (r) => r.cpuUsPerCall) / of('off', (r) => r.cpuUsPerCall)).toFixed(3)}`);
}

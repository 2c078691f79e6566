// Drives Put over gRPC against an etcd endpoint with N connections, each
// with one request in flight, for D seconds; prints throughput and latency
// percentiles. Works against our server and a real etcd alike.
// Usage: npx tsx scripts/bench-grpc.ts <host:port> [connections=50] [seconds=10] [rate/s=0 (unlimited)]
import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { KvService } from '../src/index.js';

const [endpoint = '127.0.0.1:2379', conns = '50', secs = '10', rateArg = '0'] = process.argv.slice(2);
const connections = Number(conns);
const durationMs = Number(secs) * 1000;
const rate = Number(rateArg);
const Ctor = makeGenericClientConstructor({ Put: KvService.Put }, 'KV');
type PutClient = Client & { Put(req: object, cb: (e: Error | null) => void): void };
const clients = Array.from({ length: connections }, (_, i) => new Ctor(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1, 'grpc.channel_id': i }) as unknown as PutClient);
const value = Buffer.alloc(256, 1);
const latencies: number[] = [];
const firstLatencies: number[] = [];
let errors = 0;
const started = performance.now();
const perClientIntervalMs = rate > 0 ? (1000 * connections) / rate : 0;

async function loop(c: PutClient, i: number): Promise<void> {
  let n = 0;
  while (performance.now() - started < durationMs) {
    const due = started + n * perClientIntervalMs + (i * perClientIntervalMs) / connections;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    await new Promise<void>((resolve) =>
      c.Put({ key: Buffer.from(`/bench/${i}/${n % 1000}`), value }, (e) => {
        if (e) errors++;
        else if (n === 0) firstLatencies.push(performance.now() - t0);
        else latencies.push(performance.now() - t0);
        resolve();
      }),
    );
    n++;
  }
}

await Promise.all(clients.map((c, i) => loop(c, i)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(2);
console.log(`${endpoint}: ${latencies.length} puts in ${elapsed.toFixed(1)} s = ${Math.round(latencies.length / elapsed)} puts/s, errors ${errors}`);
console.log(`latency ms (after each connection's first put): p50 ${pct(50)} p90 ${pct(90)} p99 ${pct(99)} max ${latencies[latencies.length - 1]?.toFixed(2)}`);
console.log(`first put per connection (includes connecting): max ${Math.max(...firstLatencies).toFixed(2)} ms`);
for (const c of clients) c.close();

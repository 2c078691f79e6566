// The tail of polite clients beside a greedy one: one connection keeps
// `greedy` puts in flight all the time (a new one as each ends; refusals
// are counted and retried), while `polite` connections each run a closed
// loop of one put at a time; prints the polite clients' throughput and
// latency percentiles and what the greedy connection got. Works against
// our server and a real etcd alike (compare `mgmt run
// --max-requests-in-flight N` with the queue effectively off, N = 1000000).
// Usage: npx tsx scripts/bench-fairness.ts <host:port> [greedy=2000] [polite=16] [seconds=10]
import { credentials, makeGenericClientConstructor, type Client, type ServiceError } from '@grpc/grpc-js';
import { KvService } from '../src/index.js';

const [endpoint = '127.0.0.1:2379', greedyArg = '2000', politeArg = '16', secs = '10'] = process.argv.slice(2);
const greedyInFlight = Number(greedyArg);
const politeCount = Number(politeArg);
const durationMs = Number(secs) * 1000;
const warmupMs = 1000;
const Ctor = makeGenericClientConstructor({ Put: KvService.Put }, 'KV');
type PutClient = Client & { Put(req: object, cb: (e: ServiceError | null) => void): void };
const connect = (id: number) => new Ctor(endpoint, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1, 'grpc.channel_id': id }) as unknown as PutClient;
const greedy = connect(-1);
const polite = Array.from({ length: politeCount }, (_, i) => connect(i));
const value = Buffer.alloc(256, 1);
const started = performance.now();
const measuring = () => performance.now() - started >= warmupMs;
const politeLatencies: number[] = [];
const greedyStats = { ok: 0, refused: 0, failed: 0 };
let politeErrors = 0;

const put = (c: PutClient, key: string) => new Promise<ServiceError | null>((resolve) => c.Put({ key: Buffer.from(key), value }, (e) => resolve(e)));

async function greedyLoop(slot: number): Promise<void> {
  for (let n = 0; performance.now() - started < durationMs + warmupMs; n++) {
    const e = await put(greedy, `/fair/greedy/${slot}/${n % 100}`);
    if (!measuring()) continue;
    if (!e) greedyStats.ok++;
    else if (e.code === 8) greedyStats.refused++;
    else greedyStats.failed++;
    // A refused put is retried after a pause, as etcd's clients back off.
    if (e) await new Promise((r) => setTimeout(r, 50));
  }
}

async function politeLoop(c: PutClient, i: number): Promise<void> {
  for (let n = 0; performance.now() - started < durationMs + warmupMs; n++) {
    const t0 = performance.now();
    const e = await put(c, `/fair/polite/${i}/${n % 100}`);
    if (t0 - started < warmupMs) continue;
    if (e) politeErrors++;
    else politeLatencies.push(performance.now() - t0);
  }
}

await Promise.all([...Array.from({ length: greedyInFlight }, (_, s) => greedyLoop(s)), ...polite.map((c, i) => politeLoop(c, i))]);
politeLatencies.sort((a, b) => a - b);
const pct = (p: number) => politeLatencies[Math.min(politeLatencies.length - 1, Math.floor((p / 100) * politeLatencies.length))]?.toFixed(1);
const seconds = durationMs / 1000;
console.log(`${endpoint}: greedy connection (${greedyInFlight} in flight): ${Math.round(greedyStats.ok / seconds)} puts/s, refused ${greedyStats.refused}, failed ${greedyStats.failed}`);
console.log(`polite clients (${politeCount} connections, one put each): ${Math.round(politeLatencies.length / seconds)} puts/s, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${politeLatencies[politeLatencies.length - 1]?.toFixed(1)} ms, errors ${politeErrors}`);
greedy.close();
for (const c of polite) c.close();

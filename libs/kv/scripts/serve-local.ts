// Serves the etcd v3 API over a LocalBackend until Ctrl-C: for trying
// etcdctl by hand and for `etcdctl check perf`.
// Usage: npx tsx scripts/serve-local.ts [address] [--stats] [--no-limits] [--api-workers N]   (default 127.0.0.1:0)
// --api-workers N serves the API from N worker threads (server/workers/api-pool.ts) instead of this one.
// --no-limits serves without the per-connection limits (their A/B benchmark).
// --stats prints the event loop's delay every 10 s (stalls show as a high max).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LocalBackend, createEtcdServer } from '../src/index.js';
import { serveFromWorkers } from '../src/server/workers/api-pool.js';

const address = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--api-workers') ?? '127.0.0.1:0';
if (process.argv.includes('--stats')) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(`event loop delay ms: p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
    delay.reset();
  }, 10_000).unref();
}
const backend = new LocalBackend({ name: 'local' });
const workersAt = process.argv.indexOf('--api-workers');
const options = process.argv.includes('--no-limits') ? { connectionLimits: false as const } : {};
const server = workersAt > 0 ? serveFromWorkers(backend, { ...options, workers: Number(process.argv[workersAt + 1]) }) : createEtcdServer(backend, options);
const port = await server.listen(address);
const host = address.slice(0, address.lastIndexOf(':'));
backend.setClientUrls([`http://${host}:${port}`]);
console.log(`etcd API on ${host}:${port}`);
const stop = () => {
  backend.close();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

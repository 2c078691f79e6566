// Serves the etcd v3 API over a LocalBackend until Ctrl-C: for trying
// etcdctl by hand and for `etcdctl check perf`.
// Usage: npx tsx scripts/serve-local.ts [address]   (default 127.0.0.1:0)
import { LocalBackend, createEtcdServer } from '../src/index.js';

const address = process.argv[2] ?? '127.0.0.1:0';
const backend = new LocalBackend({ name: 'local' });
const server = createEtcdServer(backend);
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

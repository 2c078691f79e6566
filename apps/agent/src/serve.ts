// `nx run agent:serve`: runs one agent with the defaults of `mgmt run`
// (a cluster of one serving the etcd v3 API on http://127.0.0.1:2379, Raft
// peers on :2380, data under the OS temp directory). MGMT_* variables
// change it, e.g. MGMT_HOSTNAME=h2 MGMT_SEEDS=http://127.0.0.1:2379.
// The live status page is on http://127.0.0.1:8080 (MGMT_STATUS_URL).
// Ctrl-C leaves cleanly; a second Ctrl-C forces.
import os from 'node:os';
import path from 'node:path';
import { Agent } from './agent.js';
import { createLogger } from './log.js';
import { startStatusServer } from './status/status-server.js';

const env = process.env;
const hostname = env.MGMT_HOSTNAME ?? os.hostname();
const list = (v: string | undefined, d: string) => (v ?? d).split(/[,;\s]+/).filter(Boolean);
const config = {
  hostname,
  seeds: list(env.MGMT_SEEDS, ''),
  clientUrls: list(env.MGMT_CLIENT_URLS, 'http://127.0.0.1:2379'),
  serverUrls: list(env.MGMT_SERVER_URLS, 'http://127.0.0.1:2380'),
  idealClusterSize: Number(env.MGMT_IDEAL_CLUSTER_SIZE ?? 5),
  noServer: false,
  dataDir: env.MGMT_DATA_DIR ?? path.join(os.tmpdir(), 'mgmt', hostname),
};
const log = createLogger(hostname);
const agent = new Agent(config, log);
process.stderr.write(`mgmt agent ${hostname}: etcd v3 API on ${config.clientUrls.join(', ')} (try: ETCDCTL_API=3 etcdctl --endpoints ${new URL(config.clientUrls[0]!).host} member list)\n`);
let signals = 0;
const stop = () => {
  if (++signals >= 3) process.exit(130);
  agent.requestShutdown();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const running = agent.run();
const status = await startStatusServer(agent, env.MGMT_STATUS_URL ?? 'http://127.0.0.1:8080', log.child({ part: 'status' }));
process.stderr.write(`mgmt agent ${hostname}: status page on ${status.url}/ (metrics on ${status.url}/metrics)\n`);
const out = await running;
await status.close();
if (out.error) {
  process.stderr.write(`mgmt agent: ${out.error.message}\n`);
  process.exitCode = 1;
}

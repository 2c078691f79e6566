// `nx run agent:serve`: the local demo cluster. Five agents as worker
// threads in this process, Raft over the worker transport, idealClusterSize
// 3 so two volunteers wait as spares. h1's etcd v3 API is on
// http://127.0.0.1:2379 (h2 on :2381, ...), the live status page on
// http://127.0.0.1:8080. Ctrl-C shuts everything down cleanly.
// MGMT_DEMO_AGENTS, MGMT_IDEAL_CLUSTER_SIZE, MGMT_DEMO_BASE_PORT and
// MGMT_STATUS_URL change the defaults (also: `mgmt demo --help`).
import { runDemo } from './demo/run-demo.js';

const env = process.env;
await runDemo(
  {
    agents: Number(env.MGMT_DEMO_AGENTS ?? 5),
    idealClusterSize: Number(env.MGMT_IDEAL_CLUSTER_SIZE ?? 3),
    basePort: Number(env.MGMT_DEMO_BASE_PORT ?? 2379),
    statusUrl: env.MGMT_STATUS_URL ?? 'http://127.0.0.1:8080',
  },
  (line) => process.stdout.write(`${line}\n`),
);

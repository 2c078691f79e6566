// Entry point of every agent worker thread started by spawnAgentWorker.
// Node 20 ignores `--import` in a Worker's execArgv, so TypeScript entries
// are loaded by registering tsx here and then importing the real entry.
import { workerData } from 'node:worker_threads';

const data = workerData?.mgmtAgentWorker;
if (data === undefined || typeof data.entryUrl !== 'string') {
  throw new Error('bootstrap.mjs must be started by spawnAgentWorker (no mgmtAgentWorker in workerData)');
}
if (/\.(c|m)?tsx?$/.test(new URL(data.entryUrl).pathname)) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(data.entryUrl);

// Entry of an API worker started from the sources (api-pool.ts). Node 20
// ignores `--import` in a Worker's execArgv, so a TypeScript entry is
// loaded by registering tsx here first; loading the entry starts the worker.
import { workerData } from 'node:worker_threads';

const entryUrl = workerData?.mgmtApiWorkerEntry;
if (typeof entryUrl !== 'string') throw new Error('bootstrap.mjs must be started by the API pool (no mgmtApiWorkerEntry in workerData)');
if (/\.(c|m)?tsx?$/.test(new URL(entryUrl).pathname)) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entryUrl);

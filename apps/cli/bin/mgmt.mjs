#!/usr/bin/env -S node --max-semi-space-size=8 --max-old-space-size=4096 --expose-gc
// The `mgmt` command: see load-main.mjs for how its TypeScript is loaded.
// V8's heap limits, set on purpose (the shebang's flags; tools/src/bench
// reads them from here for its profiled members):
// - young-generation semi-spaces of at most 8 MiB (V8's 64-bit default is
//   16): a leader's young generation stays at its maximum, 2 x the
//   semi-space, for as long as it runs (it allocates all the time, so V8
//   never shrinks it): 16 MiB of its resident set instead of 32.
//   The puts from 256 clients that once collapsed to 30-60/s with 4 and
//   8 MiB collapsed the same way with 16 MiB in the issue-21 runs (two of
//   four runs each, load 11-20): not the young generation's doing;
// - an old space of 4 GiB, room for the default 2 GiB keyspace quota
//   (--quota-backend-bytes) with the objects around it, whatever the
//   machine's memory (V8's default limit depends on it). A larger store
//   needs a larger limit: run node on this file with the flags above and
//   a larger --max-old-space-size (NODE_OPTIONS cannot raise it: these
//   flags win over it);
// - --expose-gc gives src/heap-trim.ts its full collection: after a burst
//   of writes, once the process is quiet, it gives the burst's garbage back
//   (V8's own memory reducer waits for an allocation rate an idle leader
//   never falls to).
import { loadMain } from './load-main.mjs';

// grpc-js dials https://<IP address> endpoints with the IP as TLS server name,
// which Node flags once per process (DEP0123) on stderr; the certificate is
// still checked against the IP. Keep the command's stderr to its own lines.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
  if (code === 'DEP0123') return;
  emitWarning(warning, ...rest);
};

const main = await loadMain(process.argv[2]);
process.exitCode = await main(process.argv.slice(2));

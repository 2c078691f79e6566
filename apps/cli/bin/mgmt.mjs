#!/usr/bin/env -S node --max-semi-space-size=16 --max-old-space-size=4096 --expose-gc
// The `mgmt` command: see load-main.mjs for how its TypeScript is loaded.
// V8's heap limits, set on purpose (the shebang's flags; tools/src/bench
// reads them from here for its profiled members): young-generation
// semi-spaces of at most 16 MiB (V8's 64-bit default, written down: 4 and
// 8 MiB saved 8-24 MB of an idle member's resident set, but puts from 256
// clients collapsed in three of four runs with them, to 30-60/s, as the
// requests in flight outgrew the young generation; the runs were on a
// loaded machine, so this is a suspicion, not a measurement), and an old
// space of 4 GiB, room for the default 2 GiB keyspace quota
// (--quota-backend-bytes) with the objects around it, whatever the
// machine's memory (V8's default limit depends on it). --expose-gc gives
// src/heap-trim.ts its full collection: after a burst of writes, once the
// process is quiet, it gives the burst's garbage back (V8's own memory
// reducer waits for an allocation rate an idle leader never falls to).
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

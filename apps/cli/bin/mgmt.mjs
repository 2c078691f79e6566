#!/usr/bin/env node
// The `mgmt` command: see load-main.mjs for how its TypeScript is loaded.
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

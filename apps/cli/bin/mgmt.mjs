#!/usr/bin/env node
// The `mgmt` command: see load-main.mjs for how its TypeScript is loaded.
import { loadMain } from './load-main.mjs';

const main = await loadMain(process.argv[2]);
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `mgmt` command. Sources are TypeScript; tsx compiles them on load, so
// the command works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));

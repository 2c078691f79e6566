/** Entry point: `npx tsx tools/src/linearizability/main.ts history.json` (see cli.ts). */
import { readFileSync } from 'node:fs';
import { runCli } from './cli.js';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});

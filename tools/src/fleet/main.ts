/**
 * `npx nx run tools:fleet -- --agents N`: runs the fleet harness (fleet.ts)
 * and prints its table and last line. Bad flags: one line, exit code 2.
 */
import { ProcessRegistry, killChildrenOnExit } from '../bench/processes.js';
import { parseFleetArgs } from './fleet-args.js';
import { runFleet } from './fleet.js';

const parsed = parseFleetArgs(process.argv.slice(2));
if ('error' in parsed) {
  process.stderr.write(`${parsed.error}\n`);
  process.exit(2);
}
const registry = new ProcessRegistry();
killChildrenOnExit(registry);
try {
  const result = await runFleet(parsed, registry, (line) => process.stderr.write(`${line}\n`));
  const width = Math.max(...result.rows.map((r) => r.what.length));
  process.stdout.write(`| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|\n`);
  for (const r of result.rows) process.stdout.write(`| ${r.what.padEnd(width)} | ${r.value} |\n`);
  process.stdout.write(`${result.lastLine}\n`);
  process.exitCode = result.missing === 0 ? 0 : 1;
} catch (err) {
  process.stderr.write(`fleet: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  registry.killAll();
}

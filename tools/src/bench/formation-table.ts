/**
 * Prints the start-up phases of a formation kept by `tools:bench -- --only
 * formation --keep` (its work dir holds each member's `<name>.log` and the
 * run's t0): `npx tsx src/bench/formation-table.ts DIR`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FORMATION_T0_FILE, describeFormationPhases, formationPhases } from './formation-phases.js';

function main(dir: string | undefined): number {
  if (!dir) {
    process.stderr.write('usage: formation-table.ts DIR (a kept mgmt-form<N>-* work dir)\n');
    return 2;
  }
  let t0: number;
  try {
    t0 = Number(fs.readFileSync(path.join(dir, FORMATION_T0_FILE), 'utf8').trim());
  } catch {
    process.stderr.write(`formation-table: no ${FORMATION_T0_FILE} in ${dir} (not a kept formation dir)\n`);
    return 2;
  }
  const logs = new Map<string, string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.log'))) logs.set(f.replace(/\.log$/, ''), fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const line of describeFormationPhases(formationPhases(logs, t0))) process.stdout.write(`${line}\n`);
  return 0;
}

process.exitCode = main(process.argv[2]);

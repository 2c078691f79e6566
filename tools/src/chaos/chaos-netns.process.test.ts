// The chaos runner with `--hosts netns` (issue 17): one run of real agents,
// each on a network namespace of its own on the default ports, where the
// nemesis's partitions and one-way cuts are nftables rules between the
// namespaces (all traffic, not only Raft's), ends with no anomaly. Needs
// root, as CI has; without it the run fails saying why. CHAOS_SEED
// overrides the seed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { netnsUnavailableReason } from '../netns/network.js';

const run = promisify(execFile);
const tools = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

it(`a chaos run across network namespaces finds no anomaly (seed ${SEED})`, { timeout: 240_000 }, async () => {
  const why = await netnsUnavailableReason();
  if (why) throw new Error(`chaos --hosts netns needs network namespaces: ${why}`);
  const tsx = path.join(tools, '../node_modules/.bin/tsx');
  const { stdout } = await run(tsx, ['src/chaos/main.ts', '--hosts', 'netns', '--runs', '1', '--seconds', '25', '--seed', String(SEED)], { cwd: tools, timeout: 230_000, maxBuffer: 16 * 1024 * 1024 }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`chaos --hosts netns failed (replay: cd tools && npx tsx src/chaos/main.ts --hosts netns --runs 1 --seconds 25 --seed ${SEED}):\n${err.stdout ?? ''}\n${err.stderr ?? err.message}`);
  });
  console.log(stdout.trim());
  expect(stdout).toContain('1 runs, 0 anomalies');
});

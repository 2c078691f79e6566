// The fleet harness in CI, kept light for a 2-core machine: a real 3-member
// cluster of `mgmt run` processes plus 50 agents running the real agent
// code (two processes of 25). Every agent must register, and observe both
// timed changes (an idealClusterSize write and an exported resource edit)
// through its watch. Timings are printed, never asserted.
import { afterAll, expect, it } from 'vitest';
import { ProcessRegistry } from '../bench/processes.js';
import { DEFAULT_FLEET_OPTIONS } from './fleet-args.js';
import { runFleet } from './fleet.js';

const registry = new ProcessRegistry();
afterAll(() => registry.killAll());

it('50 agents on a 3-member cluster all observe every change', async () => {
  const lines: string[] = [];
  const result = await runFleet({ ...DEFAULT_FLEET_OPTIONS, agents: 50, perProcess: 25, windowMs: 3_000, changes: 2, quick: true }, registry, (line) => lines.push(line));
  console.log([...lines, result.lastLine].join('\n'));
  expect(result.rows.some((r) => r.what.startsWith('propagation of an idealClusterSize write'))).toBe(true);
  expect(result.rows.some((r) => r.what.startsWith('propagation of an exported resource edit'))).toBe(true);
  expect(result.missing).toBe(0);
}, 300_000);

/**
 * `npx nx run agent:simulate -- --runs N --seed S [--scenario NAME]`: runs
 * N seeds from S of the agent simulator (simulate.ts), prints each failure
 * with the command that replays it, and last `N runs, M violations`.
 * Exit 0 when none, 1 when some, 2 on bad flags (one line).
 */
import { parseArgs } from 'node:util';
import { SCENARIOS, runAgentSim, type ScenarioName } from './simulate.js';

function fail(message: string): never {
  process.stderr.write(`agent:simulate: ${message}\n`);
  process.exit(2);
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`--${name} must be a non-negative integer, not ${JSON.stringify(text)}`);
  return Number(text);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, scenario: { type: 'string' }, verbose: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    fail((err as Error).message);
  }
  const runs = positiveInt('runs', values.runs, 20);
  const seed = positiveInt('seed', values.seed, 1);
  const scenario = values.scenario ?? 'random';
  if (scenario !== 'random' && !SCENARIOS.includes(scenario as ScenarioName)) fail(`--scenario must be one of random, ${SCENARIOS.join(', ')}; not ${JSON.stringify(scenario)}`);
  let violations = 0;
  const started = Date.now();
  for (let i = 0; i < runs; i++) {
    const r = await runAgentSim({ seed: seed + i, scenario: scenario as ScenarioName | 'random' });
    if (values.verbose) process.stdout.write(`seed ${r.seed} (${r.scenario}): ${r.steps} steps, ${r.violations.length} violations\n`);
    if (r.violations.length === 0) continue;
    violations += r.violations.length;
    process.stdout.write(`seed ${r.seed} (${r.scenario}) FAILED:\n${r.violations.map((v) => `  ${v}`).join('\n')}\n  replay: npx nx run agent:simulate -- --runs 1 --seed ${r.seed} --scenario ${r.scenario}\n`);
  }
  process.stderr.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  process.stdout.write(`${runs} runs, ${violations} violations\n`);
  process.exit(violations === 0 ? 0 : 1);
}

void main();

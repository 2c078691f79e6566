/**
 * `npx nx run agent:simulate -- --runs N --seed S [--scenario NAME] [--jobs J]`:
 * runs N seeds from S of the agent simulator (simulate.ts), in J processes
 * (default 1: this one; each child runs every J-th seed and reports as JSON
 * lines), prints each failure with the command that replays it, progress
 * on stderr, and last `N runs, M violations`. A seed's run is the same
 * whichever process runs it. Exit 0 when none, 1
 * when some, 2 on bad flags (one line).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SCENARIO_NAMES, runAgentSim, type AgentSimResult, type ScenarioName } from './simulate.js';

/** What a process is given: every `stride`-th seed from `first`, `count` seeds in all. */
interface Share {
  first: number;
  stride: number;
  count: number;
  scenario: ScenarioName | 'random';
  verbose: boolean;
}

/** What a process reports: a line to print, a finished run, or its end. */
type Report = { kind: 'line'; text: string } | { kind: 'run'; seed: number; violations: number } | { kind: 'done' };

/** How often progress is printed, in runs. */
const PROGRESS_EVERY = 1_000;

function fail(message: string): never {
  process.stderr.write(`agent:simulate: ${message}\n`);
  process.exit(2);
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`--${name} must be a non-negative integer, not ${JSON.stringify(text)}`);
  return Number(text);
}

function describeFailure(r: AgentSimResult): string {
  return `seed ${r.seed} (${r.scenario}, ${r.hosts} hosts) FAILED:\n${r.violations.map((v) => `  ${v}`).join('\n')}\n  replay: npx nx run agent:simulate -- --runs 1 --seed ${r.seed} --scenario ${r.scenario}\n`;
}

/** Runs a share of the seeds, reporting each run through `report`. */
async function runShare(share: Share, report: (r: Report) => void, onSeed: (seed: number) => void): Promise<void> {
  for (let i = 0; i < share.count; i++) {
    const seed = share.first + i * share.stride;
    onSeed(seed);
    const r = await runAgentSim({ seed, scenario: share.scenario });
    if (share.verbose) report({ kind: 'line', text: `seed ${r.seed} (${r.scenario}, ${r.hosts} hosts): ${r.steps} steps, ${r.violations.length} violations\n` });
    if (r.violations.length > 0) report({ kind: 'line', text: describeFailure(r) });
    report({ kind: 'run', seed, violations: r.violations.length });
  }
  report({ kind: 'done' });
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        scenario: { type: 'string' },
        jobs: { type: 'string' },
        verbose: { type: 'boolean' },
        // Internal: this process is a child of a --jobs run, running every `stride`-th seed.
        stride: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const runs = positiveInt('runs', values.runs, 20);
  const seed = positiveInt('seed', values.seed, 1);
  const jobs = positiveInt('jobs', values.jobs, 1);
  if (jobs < 1 || jobs > 64) fail(`--jobs must be between 1 and 64, not ${jobs}`);
  const scenario = values.scenario ?? 'random';
  if (scenario !== 'random' && !SCENARIO_NAMES.includes(scenario as ScenarioName)) fail(`--scenario must be one of random, ${SCENARIO_NAMES.join(', ')}; not ${JSON.stringify(scenario)}`);
  const started = Date.now();
  let done = 0;
  let violations = 0;
  // The last seed each process finished (they run theirs in order): every seed below the smallest next one is done.
  const lastDone = new Map<number, number>();
  const onReport = (r: Report) => {
    if (r.kind === 'line') process.stdout.write(r.text);
    else if (r.kind === 'run') {
      done++;
      violations += r.violations;
      lastDone.set((r.seed - seed) % threads, r.seed);
      if (done % PROGRESS_EVERY === 0 && done < runs) {
        const prefix = Math.min(...Array.from({ length: threads }, (_, j) => (lastDone.get(j) ?? seed + j - threads) + threads)) - 1;
        process.stderr.write(`${done} runs, ${violations} violations; seeds ${seed}-${prefix} all done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      }
    }
  };
  const shares: Share[] = [];
  const threads = Math.min(jobs, Math.max(1, runs));
  for (let j = 0; j < threads; j++) shares.push({ first: seed + j, stride: threads, count: Math.floor(runs / threads) + (j < runs % threads ? 1 : 0), scenario: scenario as Share['scenario'], verbose: values.verbose === true });
  if (values.stride !== undefined) {
    // A child: the share it was given, each report a JSON line on stdout.
    const share = { first: seed, stride: positiveInt('stride', values.stride, 1), count: runs, scenario: shares[0]!.scenario, verbose: shares[0]!.verbose };
    await runShare(share, (r) => process.stdout.write(`${JSON.stringify(r)}\n`), () => {});
    process.exit(0);
  }
  if (threads === 1) {
    let current = seed;
    // A run whose promises can no longer settle would let the process end quietly: say so and fail.
    process.on('beforeExit', () => {
      process.stdout.write(`seed ${current} stopped without finishing (a promise never settled); replay: npx nx run agent:simulate -- --runs 1 --seed ${current}\n`);
      process.exit(1);
    });
    await runShare(shares[0]!, onReport, (s) => (current = s));
  } else {
    await Promise.all(shares.map((share) => runChild(share, onReport)));
  }
  process.stderr.write(`(${((Date.now() - started) / 1000).toFixed(1)} s, ${threads} process${threads === 1 ? '' : 'es'})\n`);
  process.stdout.write(`${runs} runs, ${violations} violations\n`);
  process.exit(violations === 0 ? 0 : 1);
}

/** Runs `share` in a child process of this same program (this runtime's flags, so tsx's loader too). */
function runChild(share: Share, onReport: (r: Report) => void): Promise<void> {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--seed', String(share.first), '--stride', String(share.stride), '--runs', String(share.count), '--scenario', share.scenario];
  if (share.verbose) args.push('--verbose');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let finished = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const r = JSON.parse(line) as Report;
    if (r.kind === 'done') finished = true;
    else onReport(r);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (finished) resolve();
      else reject(new Error(`the child running seeds ${share.first}, ${share.first + share.stride}, ... stopped before its last run (exit code ${String(code)}); replay its seeds one by one with --runs 1`));
    });
  });
}

void main().catch((err: unknown) => {
  process.stderr.write(`agent:simulate: ${(err as Error).message}\n`);
  process.exit(1);
});

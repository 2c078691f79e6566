/**
 * Chaos runner: real `mgmt run` agents, real faults, a recorded client
 * history checked for linearizability.
 * Usage: npx tsx tools/src/chaos/main.ts [--runs N] [--seconds S] [--seed X]
 * --errors prints the commonest client errors per run.
 * --restart-as-started restarts h1 without seeds, exactly as first started.
 * --inject-stale adds a fabricated stale read, to see the check fail (self-test).
 * Exit 0 when every run is ok (or unknown), 1 when any run found an anomaly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkHistory, formatReport, type CheckResult, type Operation } from '../linearizability/index.js';
import { Cluster, killAllChildren, sleep } from './cluster.js';
import { describeFaults, startNemesis, summarizeFaults, type Fault } from './nemesis.js';
import { mulberry32 } from './rng.js';
import { errorCounts, finalReads, startWorkload } from './workload.js';

const root = path.resolve(import.meta.dirname, '../../..');
const KEYS = ['k0', 'k1', 'k2'];

/** What one run found. */
export interface RunResult {
  seed: number;
  ops: number;
  faults: Fault[];
  /** Kill/pause turns the nemesis skipped to keep a majority. */
  skipped: number;
  /** Seconds from the heal until the voters matched the ideal size. */
  healSeconds: number;
  verdict: 'ok' | 'ANOMALY' | 'unknown';
  /** Why, for anything but ok. */
  problems: string[];
  history: Operation[];
  check?: CheckResult;
  t0: number;
  dir: string;
  ms: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** One run: form a cluster of 3 voters + 1 spare, run clients and the nemesis for `seconds`, heal, check. */
export async function runOnce(seed: number, seconds: number): Promise<RunResult> {
  const rng = mulberry32(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chaos-${seed}-`));
  const cluster = new Cluster(dir);
  const started = performance.now();
  const problems: string[] = [];
  try {
    const names = ['h1', 'h2', 'h3', 'h4'];
    await cluster.plan(names);
    const others = (n: string) => names.filter((o) => o !== n).map((o) => cluster.urlOf(o));
    const h1 = await cluster.start('h1', 3);
    if (!process.argv.includes('--restart-as-started')) h1.restartSeeds = others('h1');
    for (const name of names.slice(1)) await cluster.start(name, 3, [cluster.urlOf('h1'), ...others(name).slice(1)]);
    if (!(await cluster.until(async () => ((await cluster.voters())?.length ?? 0) >= 3, 120_000))) throw new Error('cluster did not form 3 voters in 120 s');

    const t0 = performance.now();
    const workload = startWorkload({ clients: 5, keys: KEYS, hosts: cluster.clientUrls(), rng: rng.fork() });
    const nemesis = startNemesis(cluster, rng.fork());
    await sleep(seconds * 1000);
    const faults = await nemesis.stop();
    cluster.heal();
    const healStart = performance.now();

    let ideal: number | undefined;
    let voters: string[] | undefined;
    const selfExited = new Set<string>();
    const healed = await cluster.until(async () => {
      // like a supervisor (systemd Restart=always): an agent that exited on its own is started again, and noted
      for (const n of cluster.heal()) selfExited.add(n);
      ideal = await cluster.idealSize();
      voters = await cluster.voters();
      return ideal !== undefined && voters?.length === ideal;
    }, 60_000);
    if (!healed) problems.push(`cluster did not come back to its ideal size in 60 s: ideal=${ideal ?? '?'} voters=${voters?.join(',') ?? '?'}`);
    const healSeconds = (performance.now() - healStart) / 1000;
    if (selfExited.size > 0) problems.push(`agents exited on their own after the heal and were restarted: ${[...selfExited].join(',')}`);
    await workload.stop();

    const history = workload.history;
    const finals = await finalReads(cluster.clientUrls(), KEYS, history);
    for (const k of KEYS) if (!finals.has(k)) problems.push(`final read of ${k} failed`);

    if (process.argv.includes('--inject-stale')) injectStaleRead(history);
    const check = checkHistory(history, { maxMs: 60_000 });
    let verdict: RunResult['verdict'] = 'ok';
    if (!check.ok && check.status === 'not-linearizable') {
      verdict = 'ANOMALY';
      problems.push(`not linearizable: key ${check.key} (${check.kind})`);
    } else if (!check.ok) {
      verdict = 'unknown';
      problems.push(`checker gave up: ${check.reason}`);
    }
    if (!healed) verdict = 'ANOMALY';
    return { seed, ops: history.length, faults, skipped: nemesis.skipped(), healSeconds, verdict, problems, history, check, t0, dir, ms: performance.now() - started };
  } finally {
    await cluster.stopAll();
  }
}

/**
 * Self-test of the pipeline (`--inject-stale`): appends a read, after
 * everything else, of the first value written to a key that was later
 * overwritten. The run must then report an ANOMALY.
 */
function injectStaleRead(history: Operation[]): void {
  const last = Math.max(...history.map((o) => o.return ?? o.call));
  for (const key of KEYS) {
    const finalValue = history.find((o) => o.client === 'final' && o.op.key === key)?.output.value;
    const old = history.find((o) => o.op.key === key && o.op.kind === 'write' && o.return !== null && o.op.value !== finalValue);
    if (old) {
      history.push({ client: 'injected', op: { kind: 'read', key }, call: last + 1, return: last + 2, output: { value: old.op.value ?? null } });
      return;
    }
  }
}

/** Saves history, report, faults and agent logs into tools/out/chaos-<seed>/; returns the folder. */
function saveAnomaly(r: RunResult, seconds: number): string {
  const out = path.join(root, 'tools/out', `chaos-${r.seed}`);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'history.json'), JSON.stringify(r.history, null, 1));
  const report = [
    `seed=${r.seed} seconds=${seconds} ops=${r.ops}`,
    ...r.problems,
    '',
    'faults (seconds since the workload started):',
    describeFaults(r.faults, r.t0),
    '',
    `history times are performance.now() ms; the workload started at ${r.t0.toFixed(1)}`,
    r.check ? formatReport(r.history, r.check) : '',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'report.txt'), report);
  fs.writeFileSync(path.join(out, 'faults.json'), JSON.stringify({ t0: r.t0, faults: r.faults }, null, 1));
  for (const f of fs.readdirSync(r.dir)) if (f.endsWith('.log')) fs.copyFileSync(path.join(r.dir, f), path.join(out, f));
  return out;
}

async function main(): Promise<number> {
  const runs = Number(arg('runs') ?? 1);
  const seconds = Number(arg('seconds') ?? 20);
  const seedArg = arg('seed');
  const firstSeed = seedArg === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedArg);
  let anomalies = 0;
  for (let k = 1; k <= runs; k++) {
    const seed = (firstSeed + k - 1) >>> 0;
    let r: RunResult;
    try {
      r = await runOnce(seed, seconds);
    } catch (err) {
      console.log(`run ${k} seed=${seed} ops=0 faults=0 verdict=unknown (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const unknown = r.history.filter((o) => o.return === null).length;
    const failedReads = r.history.filter((o) => o.output.error !== undefined).length;
    console.log(`run ${k} seed=${seed} ops=${r.ops} faults=${r.faults.length} verdict=${r.verdict} (${(r.ms / 1000).toFixed(1)} s; ${unknown} unknown-outcome writes, ${failedReads} failed (not sent or read); ${summarizeFaults(r.faults)}, skipped ${r.skipped}; healed in ${r.healSeconds.toFixed(1)} s)${r.problems.length ? ` ${r.problems.join('; ')}` : ''}`);
    if (process.argv.includes('--errors')) {
      for (const [m, n] of [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${n}x ${m}`);
      errorCounts.clear();
    }
    if (r.verdict === 'ANOMALY') {
      anomalies++;
      const out = saveAnomaly(r, seconds);
      console.log(`  saved ${path.relative(process.cwd(), out)}; replay: npx tsx tools/src/chaos/main.ts --runs 1 --seconds ${seconds} --seed ${seed}`);
    }
    fs.rmSync(r.dir, { recursive: true, force: true });
  }
  console.log(`${runs} runs, ${anomalies} anomalies`);
  return anomalies > 0 ? 1 : 0;
}

process.on('exit', killAllChildren);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAllChildren();
    process.exit(130);
  });
}
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    killAllChildren();
    process.exit(2);
  },
);

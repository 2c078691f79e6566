/**
 * The Raft simulator's command line:
 *   npx nx run raft:simulate -- --runs N --seed S [--storage wal|memory]
 * Runs seeds S, S+1, ..., S+N-1; prints one line per failing seed with the
 * command to replay it, then "N runs, M violations"; exits 1 if M > 0.
 *
 * Every member runs the production driver with production's options. By
 * default its log is DurableStorage on a SimDisk (crashes tear or lose
 * unsynced writes, restarts recover from the disk), and even seeds run
 * production's exact settings while odd seeds randomize them (small
 * messages, few in flight, frequent snapshots). It lives in tools because
 * it wires libs/raft's simulator to libs/wal's storage.
 */
import type { UnsafeTestBugs } from '@mgmt/raft';
import { runSimulation } from '@mgmt/raft/sim';
import { WalStorageModel } from '@mgmt/wal';

function arg(name: string, def: number): number {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return Number(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return Number(eq.slice(name.length + 3));
  return def;
}

const runs = arg('runs', 100);
const seed = arg('seed', 1);
const steps = arg('steps', 250);
const verbose = process.argv.includes('--verbose');
const progressEvery = arg('progress', 0);
const storageIdx = process.argv.indexOf('--storage');
const storageKind = storageIdx >= 0 ? process.argv[storageIdx + 1] : 'wal';
// Test-only: --bug NAME runs every node with a deliberate bug (see UnsafeTestBugs),
// to show that the checkers catch it.
const bugIdx = process.argv.indexOf('--bug');
const bugs: UnsafeTestBugs | undefined = bugIdx >= 0 ? { [process.argv[bugIdx + 1] ?? '']: true } : undefined;
if (!Number.isSafeInteger(runs) || runs < 0 || !Number.isSafeInteger(seed) || (storageKind !== 'wal' && storageKind !== 'memory')) {
  console.error('usage: simulate --runs N --seed S [--steps K] [--storage wal|memory] [--verbose] [--progress EVERY] [--bug NAME]');
  process.exit(2);
}

const t0 = Date.now();
let violations = 0;
let commits = 0;
for (let k = 0; k < runs; k++) {
  const s = seed + k;
  let res;
  try {
    res = runSimulation({
      seed: s,
      faultSteps: steps,
      bugs,
      ...(storageKind === 'wal' ? { storage: (seed: number) => new WalStorageModel(seed), productionDefaults: (s & 1) === 0 } : {}),
    });
  } catch (e) {
    violations++;
    console.log(`seed ${s}: exception: ${(e as Error).stack ?? String(e)}  replay: npx nx run raft:simulate -- --runs 1 --seed ${s}`);
    continue;
  }
  commits += res.commits;
  if (res.violations.length > 0) {
    violations++;
    const bugArg = bugIdx >= 0 ? ` --bug ${process.argv[bugIdx + 1]}` : '';
    console.log(`seed ${s}: ${res.violations[0]}  replay: npx nx run raft:simulate -- --runs 1 --seed ${s}${steps !== 250 ? ` --steps ${steps}` : ''}${bugArg}${storageKind !== 'wal' ? ` --storage ${storageKind}` : ''}`);
  } else if (verbose) {
    console.log(`seed ${s}: ok steps=${res.steps} commits=${res.commits} ${JSON.stringify(res.stats)}`);
  }
  if (progressEvery > 0 && (k + 1) % progressEvery === 0) {
    console.log(`progress: ${k + 1} runs, ${violations} violations, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
}
const secs = (Date.now() - t0) / 1000;
console.log(`(${secs.toFixed(1)}s, ${commits} committed entries in total)`);
console.log(`${runs} runs, ${violations} violations`);
process.exit(violations > 0 ? 1 : 0);

/**
 * Chaos runner CLI: real `mgmt run` agents, real faults, checked histories (see README.md).
 * Usage: npx tsx tools/src/chaos/main.ts [--runs N] [--seconds S] [--seed X]
 * --errors prints the commonest client errors per run.
 * Every host is restarted exactly as first started (h1 without seeds);
 * --restart-with-seeds gives h1 seeds on restart instead (the old runs).
 * --bootstrap-expect starts every host with the same command (--seeds naming
 * all four, --bootstrap-expect 3) instead of h1 first.
 * --inject-stale adds a fabricated stale read, --inject-gap forgets an event a
 * watcher saw, to see the checks fail (self-tests).
 * --keep saves every run's files, not only anomalies'.
 * --hosts netns puts each agent on a network namespace of its own (default
 * ports, real partitions with nftables; needs root), see netns-hosts.ts.
 * Prints one line per run and `N runs, M anomalies`; exit 0 when no run found
 * an anomaly, 1 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { killAllChildren } from './cluster.js';
import { NetnsHosts, runInsideNetns } from './netns-hosts.js';
import { summarizeFaults, type Fault } from './nemesis.js';
import { replayCommand, runOnce, saveRun, type RunResult } from './run.js';
import { errorCounts } from './workload.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The line printed for a run. */
export function runLine(k: number, r: RunResult): string {
  const unknown = r.history.filter((o) => o.return === null).length;
  const failed = r.history.filter((o) => o.output.error !== undefined).length;
  const watched = r.watch.watchers.map((w) => `${w.events.length}/${w.sessions.length}`).join(' ');
  const problems = [...r.anomalies, ...r.notes];
  return `run ${k} seed=${r.seed} ops=${r.ops} faults=${r.faults.length} verdict=${r.verdict} (${(r.ms / 1000).toFixed(1)} s; ${unknown} unknown-outcome writes, ${failed} failed (not sent or read); ${summarizeFaults(r.faults)}, skipped ${r.skipped}; watch events/sessions ${watched}; healed in ${r.healSeconds.toFixed(1)} s)${problems.length ? ` ${problems.join('; ')}` : ''}`;
}

async function main(): Promise<number> {
  const runs = Number(arg('runs') ?? 1);
  const seconds = Number(arg('seconds') ?? 20);
  const seedArg = arg('seed');
  const startOptions = {
    mode: process.argv.includes('--bootstrap-expect') ? ('bootstrap-expect' as const) : ('first-host' as const),
    restartWithSeeds: process.argv.includes('--restart-with-seeds'),
    ...(arg('api-workers') === undefined ? {} : { apiWorkers: Number(arg('api-workers')) }),
  };
  const hosts = NetnsHosts.fromEnv();
  const firstSeed = seedArg === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedArg);
  let anomalies = 0;
  const allFaults: Fault[] = [];
  for (let k = 1; k <= runs; k++) {
    const seed = (firstSeed + k - 1) >>> 0;
    let r: RunResult;
    try {
      r = await runOnce({ seed, seconds, ...startOptions, hosts, injectStale: process.argv.includes('--inject-stale'), injectGap: process.argv.includes('--inject-gap') });
    } catch (err) {
      console.log(`run ${k} seed=${seed} ops=0 faults=0 verdict=unknown (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    console.log(runLine(k, r));
    allFaults.push(...r.faults);
    if (process.argv.includes('--errors')) {
      for (const [m, n] of [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${n}x ${m}`);
    }
    errorCounts.clear();
    const replay = replayCommand(r, seconds, { ...startOptions, netns: hosts !== undefined });
    if (r.verdict === 'ANOMALY') {
      anomalies++;
      const out = saveRun(r, seconds, replay);
      console.log(`  saved ${path.relative(process.cwd(), out)}; replay: ${replay}`);
    } else if (process.argv.includes('--keep')) {
      saveRun(r, seconds, replay);
    }
    fs.rmSync(r.dir, { recursive: true, force: true });
  }
  console.log(`faults in all runs: ${summarizeFaults(allFaults)}`);
  console.log(`${runs} runs, ${anomalies} anomalies`);
  return anomalies > 0 ? 1 : 0;
}

const hostsArg = arg('hosts');
if (hostsArg !== undefined && hostsArg !== 'netns' && hostsArg !== 'loopback') {
  console.error(`chaos: --hosts ${JSON.stringify(hostsArg)}: expected netns or loopback`);
  process.exit(2);
}
// --hosts netns: the outer runner makes the network and runs the real one inside it (which owns the agents).
const outer = hostsArg === 'netns' && !NetnsHosts.fromEnv();
if (!outer) {
  process.on('exit', killAllChildren);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}
(outer ? runInsideNetns(['h1', 'h2', 'h3', 'h4']) : main()).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    killAllChildren();
    process.exit(2);
  },
);

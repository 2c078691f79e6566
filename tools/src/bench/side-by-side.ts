/**
 * What the extra-row benchmarks (`bench-tls`, `bench-auth`) share: a
 * session (process registry, work directory, load generator), leader-first
 * endpoints, running one workload against etcd then mgmt, and the table
 * they print and write to tools/out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLeader, waitForVoters, type Cluster } from './cluster.js';
import { LoadGen } from './loadgen-client.js';
import { ProcessRegistry } from './processes.js';
import type { LatencySummary } from './stats.js';
import { makeWorkDir } from './workloads.js';

const OUT_DIR = path.resolve(import.meta.dirname, '../../out');

/** Logs a line with the time, on stderr. */
export const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A number with `digits` decimals; 'n/a' for what a run without samples reports (NaN, which IPC turns into null). */
const num = (x: number | null, digits: number) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** One row: a workload's summary on each system. */
export interface Row {
  workload: string;
  etcd: LatencySummary;
  mgmt: LatencySummary;
}

/** A benchmark session: its processes, work directory and load generator. */
export interface Session {
  readonly registry: ProcessRegistry;
  readonly workDir: string;
  readonly gen: LoadGen;
  readonly loadStart: number[];
  readonly rows: Row[];
  /** Runs `job` against etcd then mgmt, logs both and adds the row. */
  run(workload: string, job: (system: 'etcd' | 'mgmt') => Parameters<LoadGen['run']>[0]): Promise<void>;
  /** Stops every process and removes the work directory. */
  close(): void;
}

/** Starts a session; every process it starts is killed on exit or Ctrl-C. */
export function startSession(): Session {
  const registry = new ProcessRegistry();
  process.on('SIGINT', () => {
    registry.killAll();
    process.exit(130);
  });
  process.on('exit', () => registry.killAll());
  const workDir = makeWorkDir();
  const loadStart = os.loadavg();
  const gen = LoadGen.start(registry);
  const rows: Row[] = [];
  return {
    registry,
    workDir,
    gen,
    loadStart,
    rows,
    run: async (workload, job) => {
      const r = {} as { etcd: LatencySummary; mgmt: LatencySummary };
      for (const system of ['etcd', 'mgmt'] as const) {
        r[system] = await gen.run<LatencySummary>(job(system));
        log(`${system}: ${workload}: ${num(r[system].throughputPerSec, 0)}/s p50 ${num(r[system].p50Ms, 2)} ms p99 ${num(r[system].p99Ms, 2)} ms errors ${r[system].errors}`);
      }
      rows.push({ workload, ...r });
    },
    close: () => {
      gen.close();
      registry.killAll();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** The members' endpoints, the leader's first, once `cluster` has 3 voters. */
export async function leaderFirst(cluster: Cluster): Promise<string[]> {
  await waitForVoters(cluster, 3, 120_000);
  const leader = await findLeader(cluster, 30_000);
  return [leader, ...cluster.members.filter((m) => m !== leader)].map((m) => m.endpoint);
}

/** Prints the table with its context and writes it to tools/out/`file`. */
export function writeTable(o: { file: string; title: string; header: string; rows: readonly Row[]; loadStart: number[]; timing: { warmupMs: number; durationMs: number } }): void {
  const fmt = (s: LatencySummary) => `${num(s.throughputPerSec, 0)}/s, p50 ${num(s.p50Ms, 2)} ms, p99 ${num(s.p99Ms, 2)} ms${s.errors ? `, ${s.errors} errors` : ''}`;
  const table = [
    o.header,
    '|---|---|---|---|',
    ...o.rows.map((r) => `| ${r.workload} | ${fmt(r.etcd)} | ${fmt(r.mgmt)} | ${(r.mgmt.throughputPerSec / Math.max(1e-9, r.etcd.throughputPerSec)).toFixed(2)}x |`),
  ].join('\n');
  const context = `${os.cpus().length} cores, load average ${o.loadStart.map((x) => x.toFixed(2)).join(' ')} at start, ${o.timing.durationMs} ms per run after a ${o.timing.warmupMs} ms warm-up, 256-byte values, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
  console.log(`\n${context}\n\n${table}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, o.file), `# ${o.title}\n\n${context}\n\n${table}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_DIR)}/${o.file}`);
}

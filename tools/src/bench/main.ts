/**
 * The side-by-side benchmark (issue #10): the same workload, from the same
 * load-generator child process, against a 3-member etcd cluster and then a
 * 3-member mgmt cluster on loopback. Prints a table with both columns and
 * the ratio, and writes tools/out/bench.md, bench.json, bench.svg, bench.png.
 *
 * The `tls` section adds the put and read rows with TLS on both sides (etcd
 * with its TLS flags, mgmt with a join token); `--no-tls` skips it.
 *
 * Usage: npx tsx src/bench/main.ts [--quick] [--only puts,reads,watch,hour,idle,failover,formation,tls] [--no-tls]
 *          [--systems etcd,mgmt] [--put-clients 1,16,64,256] [--tls-put-clients 1,64] [--duration-ms N] [--hour-writes N] [--idle-window-ms N] [--cpu-prof DIR] [--keep]
 *          [--api-workers N]   (the mgmt members serve the etcd API from N worker threads; 0: the member's thread)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderChartSvg, svgToPng } from './chart.js';
import { LoadGen } from './loadgen-client.js';
import { ProcessRegistry, killChildrenOnExit } from './processes.js';
import { buildRows, describeContext, renderMarkdown, renderTable } from './report.js';
import type { RunContext, SystemResults } from './results.js';
import { SECTIONS, benchSystems, makeWorkDir, type Section, type WorkloadOptions } from './workloads.js';

const OUT_DIR = path.resolve(import.meta.dirname, '../../out');

interface CliOptions {
  quick: boolean;
  sections: Set<Section>;
  systems: Array<'etcd' | 'mgmt'>;
  putClients: number[];
  tlsPutClients: number[];
  durationMs?: number;
  cpuProf?: string;
  keep: boolean;
  hourWrites?: number;
  idleWindowMs?: number;
  /** The mgmt members' --api-workers (MGMT_API_WORKERS); absent: their default or the environment's. */
  apiWorkers?: number;
}

function parseOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      systems: { type: 'string', default: 'etcd,mgmt' },
      'duration-ms': { type: 'string' },
      'cpu-prof': { type: 'string' },
      keep: { type: 'boolean', default: false },
      'put-clients': { type: 'string', default: '1,16,64,256' },
      'tls-put-clients': { type: 'string', default: '1,64' },
      'no-tls': { type: 'boolean', default: false },
      'hour-writes': { type: 'string' },
      'idle-window-ms': { type: 'string' },
      'api-workers': { type: 'string' },
    },
  });
  const only = (values.only?.split(',').map((s) => s.trim()).filter(Boolean) ?? [...SECTIONS]).filter((s) => !(values['no-tls'] && s === 'tls'));
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section "${s}"; choose from ${SECTIONS.join(', ')}`);
  const systems = values.systems.split(',').map((s) => s.trim());
  for (const s of systems) if (s !== 'etcd' && s !== 'mgmt') throw new Error(`unknown system "${s}"`);
  if (values['hour-writes'] !== undefined && !(Number.isInteger(Number(values['hour-writes'])) && Number(values['hour-writes']) > 0)) throw new Error(`--hour-writes must be a positive integer, not "${values['hour-writes']}"`);
  if (values['idle-window-ms'] !== undefined && !(Number.isInteger(Number(values['idle-window-ms'])) && Number(values['idle-window-ms']) >= 1_000)) throw new Error(`--idle-window-ms must be an integer of at least 1000, not "${values['idle-window-ms']}"`);
  if (values['api-workers'] !== undefined && !/^\d+$/.test(values['api-workers'])) throw new Error(`--api-workers must be a whole number, not "${values['api-workers']}"`);
  return {
    ...(values['api-workers'] === undefined ? {} : { apiWorkers: Number(values['api-workers']) }),
    quick: values.quick,
    sections: new Set(only as Section[]),
    systems: systems as Array<'etcd' | 'mgmt'>,
    putClients: values['put-clients'].split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0),
    tlsPutClients: values['tls-put-clients'].split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0),
    durationMs: values['duration-ms'] ? Number(values['duration-ms']) : undefined,
    cpuProf: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
    keep: values.keep,
    hourWrites: values['hour-writes'] ? Number(values['hour-writes']) : undefined,
    idleWindowMs: values['idle-window-ms'] ? Number(values['idle-window-ms']) : undefined,
  };
}

function etcdVersion(): string {
  try {
    return /etcd Version: (\S+)/.exec(execFileSync('etcd', ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    throw new Error('etcd is not installed: apt-get install -y etcd-server (see the README)');
  }
}

function emptyResults(system: 'etcd' | 'mgmt'): SystemResults {
  return { system, puts: [], formation: [] };
}

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    process.exit(2);
  }
  const registry = new ProcessRegistry();
  killChildrenOnExit(registry);
  // The members inherit this process's environment (mgmt-cluster.ts).
  if (opts.apiWorkers !== undefined) process.env.MGMT_API_WORKERS = String(opts.apiWorkers);

  const ctx: RunContext = {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    loadStart: os.loadavg(),
    loadEnd: [],
    quick: opts.quick,
    startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    etcdVersion: etcdVersion(),
    nodeVersion: process.version,
    apiWorkers: Number(process.env.MGMT_API_WORKERS ?? 0) || 0,
  };
  const workDir = makeWorkDir();
  if (opts.cpuProf) fs.mkdirSync(opts.cpuProf, { recursive: true });
  const workload: WorkloadOptions = {
    putClients: opts.putClients,
    tlsPutClients: opts.tlsPutClients,
    readClients: 64,
    watchers: 100,
    watchWriters: 16,
    valueBytes: 256,
    keySpace: 10_000,
    warmupMs: opts.quick ? 300 : 1_000,
    durationMs: opts.durationMs ?? (opts.quick ? 1_500 : 5_000),
    formationSizes: [3, 5],
    failoverRuns: opts.quick ? 1 : 3,
    hourWrites: opts.hourWrites ?? (opts.quick ? 6_000 : 36_000),
    settleMs: opts.quick ? 2_000 : 6_000,
    idleWindowMs: opts.idleWindowMs ?? (opts.quick ? 5_000 : 20_000),
    sections: opts.sections,
    workDir,
    cpuProfileDir: opts.cpuProf,
    log: (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
  };
  workload.log(`bench on ${ctx.cores} cores, load average ${ctx.loadStart.map((x) => x.toFixed(2)).join(' ')}; work dir ${workDir}`);

  const gen = LoadGen.start(registry);
  const results: Record<'etcd' | 'mgmt', SystemResults> = { etcd: emptyResults('etcd'), mgmt: emptyResults('mgmt') };
  try {
    for (const [system, r] of await benchSystems(opts.systems, registry, gen, workload)) results[system] = r;
  } finally {
    gen.close();
    registry.killAll();
    if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
  ctx.loadEnd = os.loadavg();

  const rows = buildRows(results.etcd, results.mgmt);
  console.log(`\n${describeContext(ctx)}\n`);
  console.log(renderTable(rows));

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const svg = await renderChartSvg(rows, `etcd vs mgmt, ${ctx.startedAt}`);
  fs.writeFileSync(path.join(OUT_DIR, 'bench.svg'), svg);
  fs.writeFileSync(path.join(OUT_DIR, 'bench.png'), svgToPng(svg));
  fs.writeFileSync(path.join(OUT_DIR, 'bench.md'), renderMarkdown(rows, ctx, 'bench.png'));
  fs.writeFileSync(path.join(OUT_DIR, 'bench.json'), JSON.stringify({ context: ctx, results, rows }, null, 2));
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_DIR)}/bench.{md,json,svg,png}`);
}

await main();

/**
 * Clustering benchmark: real `mgmt run` processes on loopback, timed with
 * the real etcdctl. Prints a table:
 *   - formation: N agents started together (one bootstraps, the rest with
 *     --seeds) until `member list` shows N voters;
 *   - size change: idealClusterSize lowered and raised, until the voters match;
 *   - replacement: a member SIGKILLed (a spare volunteer waiting) until a
 *     new voter set of the ideal size without it is back;
 *   - replacement with and without a standby (issue 22): 3 voters and 2
 *     spares, `/_mgmt/idealStandbySize` 0 or 1; a follower voter SIGKILLed
 *     until 3 running voters without it are listed (a full voting set; the
 *     dead one may still be listed until it is removed).
 * Usage: npx tsx tools/src/cluster-bench.ts [--runs N] [--replacement-only]
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from '@mgmt/transport/testing';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const mgmt = path.join(root, 'node_modules/.bin/mgmt');

interface Proc {
  name: string;
  endpoint: string;
  child: ChildProcess;
}

async function start(dir: string, name: string, seed: string | undefined, ideal: number): Promise<Proc> {
  const c = await freePort();
  const p = await freePort();
  const args = ['run', '--hostname', name, '--client-urls', `http://127.0.0.1:${c}`, '--server-urls', `http://127.0.0.1:${p}`, '--data-dir', path.join(dir, name), '--ideal-cluster-size', String(ideal)];
  if (seed) args.push('--seeds', seed);
  const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(mgmt, args, { stdio: ['ignore', log, log], env: { ...process.env, MGMT_LOG_LEVEL: 'warn' } });
  fs.closeSync(log);
  return { name, endpoint: `127.0.0.1:${c}`, child };
}

async function voters(procs: Proc[], learners = false): Promise<string[] | undefined> {
  for (const p of procs) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
    try {
      const { stdout } = await run('etcdctl', ['--endpoints', p.endpoint, '--command-timeout=2s', 'member', 'list'], { env: { ...process.env, ETCDCTL_API: '3' } });
      const names = stdout.trim().split('\n').map((l) => l.split(', ')).filter((f) => f[5] === String(learners) && f[1] === 'started').map((f) => f[2] ?? '');
      if (names.length > 0) return names.sort();
    } catch {
      // not serving (yet): ask the next one
    }
  }
  return undefined;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - t0;
}

async function put(procs: Proc[], key: string, value: string): Promise<void> {
  for (const p of procs) {
    try {
      await run('etcdctl', ['--endpoints', p.endpoint, '--command-timeout=2s', 'put', key, value], { env: { ...process.env, ETCDCTL_API: '3' } });
      return;
    } catch {
      // try the next member
    }
  }
  throw new Error(`no member took the write of ${key}`);
}

async function scenario(agents: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-bench-'));
  const procs: Proc[] = [];
  try {
    const t0 = performance.now();
    const first = await start(dir, 'h1', undefined, agents);
    procs.push(first);
    for (let i = 2; i <= agents + 1; i++) procs.push(await start(dir, `h${i}`, `http://${first.endpoint}`, agents));
    await until(`${agents} voters`, async () => (await voters(procs))?.length === agents);
    const formation = performance.now() - t0;

    await put(procs, '/_mgmt/idealClusterSize', String(agents - 2));
    const shrink = await until('shrink', async () => (await voters(procs))?.length === agents - 2);
    await put(procs, '/_mgmt/idealClusterSize', String(agents));
    const grow = await until('grow', async () => (await voters(procs))?.length === agents);

    const current = (await voters(procs)) ?? [];
    const victim = procs.find((p) => current.includes(p.name) && p.name !== 'h1')!;
    victim.child.kill('SIGKILL');
    const replace = await until('replacement', async () => {
      const v = await voters(procs);
      return v !== undefined && v.length === agents && !v.includes(victim.name);
    });
    return { formation, shrink, grow, replace };
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 22: 3 voters + 2 spares, `standbys` standbys; a follower voter SIGKILLed until 3 running voters without it. */
async function replacementScenario(standbys: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-bench-standby-'));
  const procs: Proc[] = [];
  try {
    const first = await start(dir, 'h1', undefined, 3);
    procs.push(first);
    for (let i = 2; i <= 5; i++) procs.push(await start(dir, `h${i}`, `http://${first.endpoint}`, 3));
    await until('3 voters', async () => (await voters(procs))?.length === 3);
    await put(procs, '/_mgmt/idealStandbySize', String(standbys));
    await until('3 voters and the standbys', async () => (await voters(procs))?.length === 3 && ((await voters(procs, true)) ?? []).length === standbys);
    // Let the learners settle (caught up and stable) as they would in a running fleet.
    await new Promise((r) => setTimeout(r, 2_000));
    const current = (await voters(procs)) ?? [];
    const victim = procs.find((p) => current.includes(p.name) && p.name !== 'h1')!;
    victim.child.kill('SIGKILL');
    const running = new Set(procs.filter((p) => p !== victim).map((p) => p.name));
    return await until('a full voting set without the killed voter', async () => ((await voters(procs)) ?? []).filter((v) => running.has(v)).length === 3);
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
const rows: string[] = [];
// --replacement-only: just the rows of replacement with and without a standby.
const sizes = process.argv.includes('--replacement-only') ? [] : [3, 5];
for (const agents of sizes) {
  for (let r = 0; r < runs; r++) {
    const t = await scenario(agents);
    const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
    rows.push(`| ${agents} (+1 spare) | ${s(t.formation)} | ${s(t.shrink)} | ${s(t.grow)} | ${s(t.replace)} |`);
    console.error(`done: ${agents} agents, run ${r + 1}`);
  }
}
console.log(`cluster benchmark on ${os.cpus().length} cores (real processes, real etcdctl; lease TTL 5 s decides replacement time)\n`);
if (sizes.length > 0) {
  console.log('| ideal size | form from start | shrink by 2 | grow back | replace a SIGKILLed member |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

const standbyRows: string[] = [];
for (const standbys of [0, 1]) {
  for (let r = 0; r < runs; r++) {
    const ms = await replacementScenario(standbys);
    standbyRows.push(`| ${standbys === 0 ? 'no standby (a spare volunteer is added, catches up, is promoted)' : '1 standby (promoted)'} | ${(ms / 1000).toFixed(2)} s |`);
    console.error(`done: replacement with ${standbys} standby, run ${r + 1}`);
  }
}
console.log('\nreplacing a SIGKILLed voter (3 voters, 2 spares; failure timeout 2 s): kill to a full voting set\n');
console.log('| replacement | full voting set after |');
console.log('|---|---|');
for (const row of standbyRows) console.log(row);

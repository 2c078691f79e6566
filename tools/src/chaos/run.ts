/**
 * One chaos run: form a cluster of 3 voters + 1 spare volunteer of real
 * `mgmt run` agents, run clients, two watchers and the nemesis for S
 * seconds, heal, then check (see README.md): the cluster is back at its
 * ideal size, the history is linearizable, the store's history agrees
 * across voters and with every acknowledged write, and the watchers saw
 * exactly that history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkHistory, formatReport, type CheckResult, type Operation } from '@mgmt/testkit/linearizability';
import { checkWatch, checkWrites, compareReplicas } from './checks.js';
import { Cluster, sleep } from './cluster.js';
import { PeerNetwork } from './network.js';
import type { NetnsHosts } from './netns-hosts.js';
import { describeFaults, startNemesis, summarizeFaults, type Fault } from './nemesis.js';
import { mulberry32 } from './rng.js';
import { lastPrefixRevision, PrefixWatcher, readStoreHistory, type WatchEvent } from './watch.js';
import { finalReads, startWorkload } from './workload.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** The workload's keys; all start with `KEY_PREFIX`, which nothing else writes. */
export const KEYS = ['k0', 'k1', 'k2'];
const KEY_PREFIX = 'k';
const WATCHERS = 2;
/** Bounds after the heal: back to the ideal size, then watchers and voters caught up. */
const HEAL_TIMEOUT_MS = 60_000;
const CATCH_UP_TIMEOUT_MS = 20_000;

/** How a run starts its hosts (see RunOptions.mode). */
export type StartMode = 'first-host' | 'bootstrap-expect';

/** Options of one run. */
export interface RunOptions {
  seed: number;
  seconds: number;
  /**
   * How the hosts are started, and so restarted (always exactly as started):
   * `first-host` (default): h1 without seeds bootstraps, h2-h4 join with
   * --seeds, as in the reference; `bootstrap-expect`: every host has the
   * same command, --seeds naming all four and --bootstrap-expect 3.
   */
  mode?: StartMode;
  /** The old way: give h1 every other agent as seeds when it is restarted (not as first started). */
  restartWithSeeds?: boolean;
  /** Self-test: add a fabricated stale read; the run must say ANOMALY. */
  injectStale?: boolean;
  /** Self-test: forget one event a watcher saw; the run must say ANOMALY. */
  injectGap?: boolean;
  /** Fault kinds to strike first, in order, before the shuffled decks (the CI test spreads the kinds over its runs). */
  firstKinds?: readonly Fault['kind'][];
  /** `--hosts netns`: each agent on a network namespace of its own, real partitions (see netns-hosts.ts). */
  hosts?: NetnsHosts;
  /** The agents serve the etcd API from this many worker threads (`--api-workers`; absent: their default). */
  apiWorkers?: number;
}

/** What one run found. */
export interface RunResult {
  seed: number;
  ops: number;
  faults: Fault[];
  /** Fault turns the nemesis skipped to keep a majority. */
  skipped: number;
  /** Seconds from the heal until the voters matched the ideal size. */
  healSeconds: number;
  verdict: 'ok' | 'ANOMALY' | 'unknown';
  /** What makes the verdict ANOMALY. */
  anomalies: string[];
  /** Worth knowing, not an anomaly (checker budget, compaction, agents that exited on their own). */
  notes: string[];
  history: Operation[];
  check?: CheckResult;
  /** Watch events per watcher and the store history per voter, for reports. */
  watch: { watchers: { name: string; sessions: PrefixWatcher['sessions']; events: WatchEvent[] }[]; store: Record<string, WatchEvent[]> };
  /** Every fault rules file written, and each agent's peer URL. */
  rules: { peers: Record<string, string>; writes: PeerNetwork['writes'] };
  t0: number;
  dir: string;
  ms: number;
}

/** Runs once; see the module comment. Throws when the cluster does not form. */
export async function runOnce(o: RunOptions): Promise<RunResult> {
  const rng = mulberry32(o.seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chaos-${o.seed}-`));
  const cluster = new Cluster(dir, o.hosts, o.apiWorkers);
  const network = new PeerNetwork(cluster, o.hosts?.applyRules);
  const started = performance.now();
  const anomalies: string[] = [];
  const notes: string[] = [];
  try {
    const names = ['h1', 'h2', 'h3', 'h4'];
    await cluster.plan(names);
    const others = (n: string) => names.filter((x) => x !== n).map((x) => cluster.urlOf(x));
    if (o.mode === 'bootstrap-expect') {
      const all = names.map((n) => cluster.urlOf(n));
      for (const name of names) await cluster.start(name, 3, all, ['--bootstrap-expect', '3']);
    } else {
      const h1 = await cluster.start('h1', 3);
      if (o.restartWithSeeds) h1.restartSeeds = others('h1');
      for (const name of names.slice(1)) await cluster.start(name, 3, [cluster.urlOf('h1'), ...others(name).slice(1)]);
    }
    if (!(await cluster.until(async () => ((await cluster.voters())?.length ?? 0) >= 3, 120_000))) throw new Error('cluster did not form 3 voters in 120 s');

    const t0 = performance.now();
    const workload = startWorkload({ clients: 5, keys: KEYS, hosts: cluster.clientUrls(), rng: rng.fork() });
    const watchers = Array.from({ length: WATCHERS }, (_, i) => new PrefixWatcher(`w${i + 1}`, cluster.clientUrls(), KEY_PREFIX, 1, rng.fork()));
    for (const w of watchers) w.start();
    const nemesis = startNemesis(cluster, network, rng.fork(), o.firstKinds);
    await sleep(o.seconds * 1000);
    const faults = await nemesis.stop();
    network.heal();
    cluster.heal();
    const healStart = performance.now();

    let ideal: number | undefined;
    let voters: string[] | undefined;
    let serving = false;
    const selfExited = new Set<string>();
    const healed = await cluster.until(async () => {
      // like a supervisor (systemd Restart=always): an agent that exited on its own is started again, and noted
      for (const n of cluster.heal()) selfExited.add(n);
      ideal = await cluster.idealSize();
      voters = await cluster.voters();
      // a voter listed but not serving (dead, or restarted as a volunteer before its removal) is not back yet
      serving = voters !== undefined && (await cluster.allServe(voters));
      return ideal !== undefined && voters?.length === ideal && serving;
    }, HEAL_TIMEOUT_MS);
    if (!healed) anomalies.push(`cluster did not come back to its ideal size with every voter serving in ${HEAL_TIMEOUT_MS / 1000} s: ideal=${ideal ?? '?'} voters=${voters?.join(',') ?? '?'}${serving ? '' : ' (not all serving)'}`);
    const healSeconds = (performance.now() - healStart) / 1000;
    if (selfExited.size > 0) notes.push(`agents exited on their own after the heal and were restarted: ${[...selfExited].join(',')}`);
    await workload.stop();

    const history = workload.history;
    const finals = await finalReads(cluster.clientUrls(), KEYS, history);
    for (const k of KEYS) if (!finals.has(k)) anomalies.push(`final read of ${k} failed`);

    if (o.injectGap) watchers[0]?.events.splice(Math.floor((watchers[0]?.events.length ?? 0) / 2), 1);
    const watch = await checkStores(cluster, watchers, history, finals, anomalies, notes);

    if (o.injectStale) injectStaleRead(history);
    const check = checkHistory(history, { maxMs: 60_000 });
    if (!check.ok && check.status === 'not-linearizable') anomalies.unshift(`not linearizable: key ${check.key} (${check.kind})`);
    else if (!check.ok) notes.push(`checker gave up: ${check.reason}`);
    const verdict: RunResult['verdict'] = anomalies.length > 0 ? 'ANOMALY' : check.ok ? 'ok' : 'unknown';
    return { seed: o.seed, ops: history.length, faults, skipped: nemesis.skipped(), healSeconds, verdict, anomalies, notes, history, check, watch, rules: { peers: Object.fromEntries(cluster.agents.map((a) => [a.name, a.peerUrl])), writes: network.writes }, t0, dir, ms: performance.now() - started };
  } finally {
    await cluster.stopAll();
  }
}

/**
 * After the heal: the store history of the keys from every voter (they must
 * agree and be complete), checked against the client operations, and each
 * watcher (it must catch up with the history and have seen exactly it).
 */
async function checkStores(cluster: Cluster, watchers: PrefixWatcher[], history: Operation[], finals: Map<string, string | null>, anomalies: string[], notes: string[]): Promise<RunResult['watch']> {
  const report: RunResult['watch'] = { watchers: [], store: {} };
  const target = await lastPrefixRevision(cluster.clientUrls(), KEY_PREFIX);
  if (target === undefined) {
    for (const w of watchers) await w.stop();
    anomalies.push('could not read the last revision of the keys after the heal');
    return report;
  }
  for (const w of watchers) {
    if (!(await w.reach(target, CATCH_UP_TIMEOUT_MS)) && w.compactRevision === undefined) anomalies.push(`watcher ${w.name} did not reach revision ${target} within ${CATCH_UP_TIMEOUT_MS / 1000} s (saw up to ${w.lastRevision()})`);
    await w.stop();
    report.watchers.push({ name: w.name, sessions: w.sessions, events: w.events });
  }
  const stores = new Map<string, WatchEvent[]>();
  let compacted = watchers.some((w) => w.compactRevision !== undefined);
  // the voters now (the nominator may have changed them since the heal check)
  const voters = (await cluster.voters()) ?? [];
  if (voters.length === 0) anomalies.push('no voter listed for the store-history checks');
  for (const name of voters) {
    const agent = cluster.agents.find((a) => a.name === name);
    if (!agent) continue;
    const r = await readStoreHistory(agent.clientUrl, KEY_PREFIX, 1, target, CATCH_UP_TIMEOUT_MS);
    if (r.compactRevision !== undefined) compacted = true;
    else if (!r.complete && !((await cluster.voters()) ?? []).includes(name)) notes.push(`${name} stopped being a voter while its history was read`);
    else if (!r.complete) anomalies.push(`voter ${name} did not serve the keys' history up to revision ${target} within ${CATCH_UP_TIMEOUT_MS / 1000} s (got up to ${r.events[r.events.length - 1]?.revision ?? 0}; ${r.end})`);
    stores.set(name, r.events);
    report.store[name] = r.events;
  }
  if (compacted) {
    notes.push('revisions were compacted before the checks read them: store history and watch checks skipped');
    return report;
  }
  anomalies.push(...compareReplicas(stores));
  const reference = [...stores.values()].sort((a, b) => b.length - a.length)[0];
  if (reference === undefined) {
    anomalies.push('no voter served the keys history');
    return report;
  }
  anomalies.push(...checkWrites(reference, history, finals));
  for (const w of watchers) anomalies.push(...checkWatch(w.name, w.events, reference, w.startRevision));
  return report;
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

/** The replay command of a run. */
export function replayCommand(r: { seed: number }, seconds: number, o: { mode?: StartMode; restartWithSeeds?: boolean; netns?: boolean; apiWorkers?: number } = {}): string {
  const flags = `${o.netns ? ' --hosts netns' : ''}${o.mode === 'bootstrap-expect' ? ' --bootstrap-expect' : ''}${o.restartWithSeeds ? ' --restart-with-seeds' : ''}${o.apiWorkers === undefined ? '' : ` --api-workers ${o.apiWorkers}`}`;
  return `cd tools && npx tsx src/chaos/main.ts --runs 1 --seconds ${seconds} --seed ${r.seed}${flags}`;
}

/**
 * Saves everything about a run into tools/out/chaos-<seed>/ (history, report,
 * faults, fault rules, watch events and store histories, agent logs); returns the folder.
 */
export function saveRun(r: RunResult, seconds: number, replay: string): string {
  const out = path.join(root, 'tools/out', `chaos-${r.seed}`);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'history.json'), JSON.stringify(r.history, null, 1));
  const report = [
    `seed=${r.seed} seconds=${seconds} ops=${r.ops} verdict=${r.verdict}`,
    `replay: ${replay}`,
    ...r.anomalies.map((a) => `ANOMALY: ${a}`),
    ...r.notes.map((n) => `note: ${n}`),
    '',
    'faults (seconds since the workload started):',
    describeFaults(r.faults, r.t0),
    summarizeFaults(r.faults),
    '',
    `history times are performance.now() ms; the workload started at ${r.t0.toFixed(1)}`,
    r.check ? formatReport(r.history, r.check) : '',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'report.txt'), report);
  fs.writeFileSync(path.join(out, 'faults.json'), JSON.stringify({ t0: r.t0, faults: r.faults }, null, 1));
  fs.writeFileSync(path.join(out, 'rules.json'), JSON.stringify({ t0: r.t0, ...r.rules }, null, 1));
  fs.writeFileSync(path.join(out, 'watch.json'), JSON.stringify(r.watch));
  for (const f of fs.readdirSync(r.dir)) if (f.endsWith('.log') || f.endsWith('.faults.json')) fs.copyFileSync(path.join(r.dir, f), path.join(out, f));
  return out;
}

/**
 * Turns both systems' results into rows (metric, etcd, mgmt, ratio, target)
 * and renders them as a console table and as Markdown (pure functions).
 */
import type { RunContext, SystemResults } from './results.js';

/** One compared figure. */
export interface Row {
  metric: string;
  unit: 'ops/s' | 'ms' | 'events/s' | 'MB' | '% of a core';
  etcd: number | undefined;
  mgmt: number | undefined;
  /** Whether a higher figure is better (throughput) or a lower one (latency, memory). */
  higherIsBetter: boolean;
  /** The target in words, when the issue sets one. */
  target?: string;
  /** Whether mgmt meets the target; undefined without a target or a figure. */
  met?: boolean;
}

/** mgmt / etcd, undefined when either is missing or etcd's is zero. */
export function ratio(row: Pick<Row, 'etcd' | 'mgmt'>): number | undefined {
  if (row.etcd === undefined || row.mgmt === undefined || !Number.isFinite(row.etcd) || !Number.isFinite(row.mgmt) || row.etcd === 0) return undefined;
  return row.mgmt / row.etcd;
}

const MB = 1024 * 1024;

/** The median (the mean of the middle two for an even count); undefined without values. */
export function median(xs: readonly number[] | undefined): number | undefined {
  if (!xs || xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function check(target: string, test: (etcd: number, mgmt: number) => boolean, etcd: number | undefined, mgmt: number | undefined): Pick<Row, 'target' | 'met'> {
  if (mgmt === undefined || !Number.isFinite(mgmt)) return { target };
  if (etcd === undefined || !Number.isFinite(etcd)) return { target, met: test(Number.NaN, mgmt) };
  return { target, met: test(etcd, mgmt) };
}

/** The rows of the comparison, in the order, with the targets. */
export function buildRows(etcd: SystemResults, mgmt: SystemResults): Row[] {
  const rows: Row[] = [];
  for (const { clients, summary: e } of etcd.puts) {
    const m = mgmt.puts.find((p) => p.clients === clients)?.summary;
    const bigLoad = clients >= 64;
    rows.push({
      metric: `put ${clients} clients: throughput`,
      unit: 'ops/s',
      etcd: e.throughputPerSec,
      mgmt: m?.throughputPerSec,
      higherIsBetter: true,
      ...(bigLoad ? check('>= 1.5x etcd', (a, b) => b >= 1.5 * a, e.throughputPerSec, m?.throughputPerSec) : {}),
    });
    rows.push({
      metric: `put ${clients} clients: p50`,
      unit: 'ms',
      etcd: e.p50Ms,
      mgmt: m?.p50Ms,
      higherIsBetter: false,
      ...(clients === 1 ? check('<= etcd', (a, b) => b <= a, e.p50Ms, m?.p50Ms) : {}),
    });
    rows.push({ metric: `put ${clients} clients: p99`, unit: 'ms', etcd: e.p99Ms, mgmt: m?.p99Ms, higherIsBetter: false, ...check('<= etcd', (a, b) => b <= a, e.p99Ms, m?.p99Ms) });
  }
  if (etcd.reads || mgmt.reads) {
    const n = etcd.reads?.clients ?? mgmt.reads?.clients;
    // Issue 21: linearizable reads at least 2x etcd's, serializable at least 1.5x.
    for (const [kind, factor] of [['linearizable', 2], ['serializable', 1.5]] as const) {
      const e = etcd.reads?.[kind].throughputPerSec;
      const m = mgmt.reads?.[kind].throughputPerSec;
      rows.push({ metric: `${kind} read ${n} clients: throughput`, unit: 'ops/s', etcd: e, mgmt: m, higherIsBetter: true, ...check(`>= ${factor}x etcd`, (a, b) => b >= factor * a, e, m) });
      rows.push({ metric: `${kind} read ${n} clients: p99`, unit: 'ms', etcd: etcd.reads?.[kind].p99Ms, mgmt: mgmt.reads?.[kind].p99Ms, higherIsBetter: false });
    }
  }
  if (etcd.watch || mgmt.watch) {
    const n = etcd.watch?.watchers ?? mgmt.watch?.watchers;
    rows.push({ metric: `watch fan-out ${n} watchers: events delivered`, unit: 'events/s', etcd: etcd.watch?.eventsPerSec, mgmt: mgmt.watch?.eventsPerSec, higherIsBetter: true });
  }
  if (etcd.failoverRunsMs || mgmt.failoverRunsMs) {
    const e = median(etcd.failoverRunsMs);
    const m = median(mgmt.failoverRunsMs);
    const runs = Math.max(etcd.failoverRunsMs?.length ?? 0, mgmt.failoverRunsMs?.length ?? 0);
    rows.push({ metric: `failover: leader SIGKILL to next write, median of ${runs}`, unit: 'ms', etcd: e, mgmt: m, higherIsBetter: false, ...check('< 500 ms', (_a, b) => b < 500, e, m) });
  }
  for (const e of etcd.formation) {
    const m = mgmt.formation.find((f) => f.members === e.members);
    rows.push({ metric: `formation ${e.members} members: first write`, unit: 'ms', etcd: e.firstWriteMs, mgmt: m?.firstWriteMs, higherIsBetter: false });
    rows.push({
      metric: `formation ${e.members} members: all voters`,
      unit: 'ms',
      etcd: e.allVotersMs,
      mgmt: m?.allVotersMs,
      higherIsBetter: false,
      ...(e.members === 5 ? check('< 3000 ms', (_a, b) => b < 3000, e.allVotersMs, m?.allVotersMs) : {}),
    });
  }
  rows.push(...tlsRows(etcd, mgmt));
  if (etcd.memoryBeforeBytes || mgmt.memoryBeforeBytes) {
    // What each runtime holds with an empty store: the rows below less this are what the puts added.
    rows.push({ metric: 'resident memory per member (max) before the puts', unit: 'MB', etcd: maxMb(etcd.memoryBeforeBytes), mgmt: maxMb(mgmt.memoryBeforeBytes), higherIsBetter: false });
  }
  if (etcd.memoryBytes || mgmt.memoryBytes) {
    const e = maxMb(etcd.memoryBytes);
    const m = maxMb(mgmt.memoryBytes);
    // At the end of the last run, before either system is idle: shown, not judged (the target is an idle member's, below).
    rows.push({ metric: 'resident memory per member (max) at the end of the puts', unit: 'MB', etcd: e, mgmt: m, higherIsBetter: false });
  }
  if (etcd.memoryIdle || mgmt.memoryIdle) {
    const e = maxMb(etcd.memoryIdle?.bytes);
    const m = maxMb(mgmt.memoryIdle?.bytes);
    const settleMs = etcd.memoryIdle?.settleMs ?? mgmt.memoryIdle?.settleMs ?? 0;
    rows.push({ metric: `resident memory per member (max) after puts, ${settleMs / 1000} s idle`, unit: 'MB', etcd: e, mgmt: m, higherIsBetter: false, ...check('<= etcd', (a, b) => b <= a, e, m) });
  }
  rows.push(...longRunRows(etcd, mgmt));
  return rows;
}

/** The largest of `xs` in MB (undefined for none). */
function maxMb(xs: number[] | undefined): number | undefined {
  return xs && xs.length > 0 ? Math.max(...xs) / MB : undefined;
}

/** Load averages (1 min) of both systems' measurements, for the metric's label: these rows are the noisiest. */
function loadLabel(etcd: number[] | undefined, mgmt: number[] | undefined): string {
  const one = (l: number[] | undefined) => (l && l.length > 0 ? l[0]!.toFixed(2) : '-');
  return `load ${one(etcd)} / ${one(mgmt)}`;
}

/** The hour-like memory row and the idle leader's CPU row, each with the load averages it was measured at. */
function longRunRows(etcd: SystemResults, mgmt: SystemResults): Row[] {
  const rows: Row[] = [];
  if (etcd.hour || mgmt.hour) {
    const e = maxMb(etcd.hour?.memoryBytes);
    const m = maxMb(mgmt.hour?.memoryBytes);
    const writes = Math.max(etcd.hour?.writes ?? 0, mgmt.hour?.writes ?? 0);
    const metric = `resident memory per member (max) after ${writes.toLocaleString('en-US')} writes (${loadLabel(etcd.hour?.loadAverage, mgmt.hour?.loadAverage)})`;
    rows.push({ metric, unit: 'MB', etcd: e, mgmt: m, higherIsBetter: false, ...check('<= etcd', (a, b) => b <= a, e, m) });
  }
  if (etcd.idle || mgmt.idle) {
    const e = etcd.idle?.leaderCorePercent;
    const m = mgmt.idle?.leaderCorePercent;
    const metric = `idle leader CPU (${loadLabel(etcd.idle?.loadAverage, mgmt.idle?.loadAverage)})`;
    rows.push({ metric, unit: '% of a core', etcd: e, mgmt: m, higherIsBetter: false, ...check('<= 2x etcd', (a, b) => b <= 2 * a, e, m) });
  }
  return rows;
}

/** The TLS rows (etcd with its TLS flags, mgmt with a join token): puts and reads, like the plaintext ones. */
function tlsRows(etcd: SystemResults, mgmt: SystemResults): Row[] {
  const rows: Row[] = [];
  for (const { clients, summary: e } of etcd.tls?.puts ?? []) {
    const m = mgmt.tls?.puts.find((p) => p.clients === clients)?.summary;
    rows.push({ metric: `TLS put ${clients} clients: throughput`, unit: 'ops/s', etcd: e.throughputPerSec, mgmt: m?.throughputPerSec, higherIsBetter: true });
    rows.push({ metric: `TLS put ${clients} clients: p50`, unit: 'ms', etcd: e.p50Ms, mgmt: m?.p50Ms, higherIsBetter: false });
    rows.push({ metric: `TLS put ${clients} clients: p99`, unit: 'ms', etcd: e.p99Ms, mgmt: m?.p99Ms, higherIsBetter: false });
  }
  const reads = { etcd: etcd.tls?.reads, mgmt: mgmt.tls?.reads };
  if (reads.etcd || reads.mgmt) {
    const n = reads.etcd?.clients ?? reads.mgmt?.clients;
    for (const kind of ['linearizable', 'serializable'] as const) {
      rows.push({ metric: `TLS ${kind} read ${n} clients: throughput`, unit: 'ops/s', etcd: reads.etcd?.[kind].throughputPerSec, mgmt: reads.mgmt?.[kind].throughputPerSec, higherIsBetter: true });
      rows.push({ metric: `TLS ${kind} read ${n} clients: p99`, unit: 'ms', etcd: reads.etcd?.[kind].p99Ms, mgmt: reads.mgmt?.[kind].p99Ms, higherIsBetter: false });
    }
  }
  return rows;
}

/** A figure with precision suited to its size. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '-';
  const a = Math.abs(n);
  if (a >= 100) return Math.round(n).toLocaleString('en-US');
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function formatRatio(row: Row): string {
  const r = ratio(row);
  return r === undefined ? '-' : `${r.toFixed(2)}x`;
}

function formatTarget(row: Row): string {
  if (!row.target) return '';
  if (row.met === undefined) return row.target;
  return `${row.target}: ${row.met ? 'met' : 'NOT met'}`;
}

function cells(row: Row): string[] {
  return [`${row.metric} (${row.unit})`, formatNumber(row.etcd), formatNumber(row.mgmt), formatRatio(row), formatTarget(row)];
}

const HEADER = ['metric', 'etcd', 'mgmt', 'mgmt/etcd', 'target'];

/** A fixed-width table for the terminal. */
export function renderTable(rows: readonly Row[]): string {
  const all = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** How the run was made, one line. */
export function describeContext(ctx: RunContext): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return (
    `${ctx.cores} cores (${ctx.cpuModel}), shared by both 3-member clusters (the systems take turns workload by workload), the load-generator process and anything else running on the machine; ` +
    `etcd ${ctx.etcdVersion}, Node ${ctx.nodeVersion}; load average ${load(ctx.loadStart)} at start, ${load(ctx.loadEnd)} at end` +
    (ctx.apiWorkers ? `; mgmt serves the etcd API from ${ctx.apiWorkers} worker thread${ctx.apiWorkers === 1 ? '' : 's'} per member` : '') +
    (ctx.quick ? '; --quick (short runs)' : '')
  );
}

/** The comparison as a Markdown section. */
export function renderMarkdown(rows: readonly Row[], ctx: RunContext, chartFile?: string): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [
    `## etcd vs mgmt (${ctx.startedAt})`,
    '',
    describeContext(ctx) + '.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i === 0 || i === 4 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ];
  if (chartFile) out.push('', `![etcd vs mgmt](${chartFile})`);
  return out.join('\n') + '\n';
}

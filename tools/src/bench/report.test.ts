/**
 * The benchmark's pure parts: nearest-rank percentiles, summaries, the
 * comparison rows with their targets, and the table/Markdown rendering.
 * No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { advantagePoints } from './chart.js';
import { buildRows, formatNumber, median, ratio, renderMarkdown, renderTable } from './report.js';
import type { RunContext, SystemResults } from './results.js';
import { percentile, summarize, type LatencySummary } from './stats.js';

function summary(throughputPerSec: number, p50Ms: number, p99Ms: number): LatencySummary {
  return { count: 1, throughputPerSec, p50Ms, p99Ms, maxMs: p99Ms, errors: 0 };
}

const etcd: SystemResults = {
  system: 'etcd',
  puts: [
    { clients: 1, summary: summary(800, 1.2, 3) },
    { clients: 64, summary: summary(10_000, 6, 12) },
  ],
  failoverRunsMs: [1300, 1200, 1500],
  formation: [{ members: 5, firstWriteMs: 600, allVotersMs: 800 }],
  memoryBeforeBytes: [25 * 2 ** 20, 24 * 2 ** 20],
  memoryBytes: [100 * 2 ** 20, 90 * 2 ** 20],
  memoryIdle: { bytes: [70 * 2 ** 20, 60 * 2 ** 20], settleMs: 6_000 },
};
const mgmt: SystemResults = {
  system: 'mgmt',
  puts: [
    { clients: 1, summary: summary(900, 1.0, 3.5) },
    { clients: 64, summary: summary(16_000, 4, 10) },
  ],
  failoverRunsMs: [400, 900, 300],
  formation: [{ members: 5, firstWriteMs: 2000, allVotersMs: 4000 }],
  memoryBeforeBytes: [85 * 2 ** 20],
  memoryBytes: [120 * 2 ** 20],
  memoryIdle: { bytes: [65 * 2 ** 20], settleMs: 6_000 },
};
const ctx: RunContext = { cores: 2, cpuModel: 'test cpu', loadStart: [1, 2, 3], loadEnd: [1.5, 2, 3], quick: false, startedAt: '2026-01-01T00:00:00Z', etcdVersion: '3.4.23', nodeVersion: 'v20' };

describe('the TLS rows', () => {
  it('compare the TLS puts and reads like the plaintext ones, after them', () => {
    const tls = (tput: number): SystemResults['tls'] => ({
      puts: [{ clients: 64, summary: summary(tput, 5, 20) }],
      reads: { clients: 64, linearizable: summary(tput * 2, 2, 9), serializable: summary(tput * 3, 1, 8) },
    });
    const rows = buildRows({ ...etcd, tls: tls(1000) }, { ...mgmt, tls: tls(800) });
    const put = rows.find((r) => r.metric === 'TLS put 64 clients: throughput');
    expect(put).toMatchObject({ etcd: 1000, mgmt: 800, higherIsBetter: true });
    expect(ratio(put!)).toBeCloseTo(0.8);
    expect(rows.find((r) => r.metric === 'TLS serializable read 64 clients: throughput')).toMatchObject({ etcd: 3000, mgmt: 2400 });
    expect(rows.map((r) => r.metric).indexOf('TLS put 64 clients: throughput')).toBeGreaterThan(rows.map((r) => r.metric).indexOf('put 64 clients: throughput'));
    expect(buildRows(etcd, mgmt).some((r) => r.metric.startsWith('TLS'))).toBe(false);
  });
});

describe('percentile (nearest rank)', () => {
  it('takes the smallest value with at least q of the samples at or below it', () => {
    const xs = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 0.99)).toBe(7);
  });
  it('is NaN without samples and refuses quantiles outside 0..1', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts, counts per second of the window, and keeps the errors', () => {
    const s = summarize([5, 1, 3, 2, 4], 500, 2);
    expect(s).toEqual({ count: 5, throughputPerSec: 10, p50Ms: 3, p99Ms: 5, maxMs: 5, errors: 2 });
  });
});

describe('comparison rows', () => {
  const rows = buildRows(etcd, mgmt);
  const row = (metric: string) => rows.find((r) => r.metric === metric)!;

  it('puts ratio as mgmt over etcd', () => {
    expect(ratio(row('put 64 clients: throughput'))).toBeCloseTo(1.6);
    expect(ratio({ etcd: 0, mgmt: 1 })).toBeUndefined();
    expect(ratio({ etcd: 1, mgmt: undefined })).toBeUndefined();
  });

  it('checks the issue targets', () => {
    expect(row('put 64 clients: throughput').met).toBe(true);
    expect(row('put 1 clients: p50').met).toBe(true);
    expect(row('put 1 clients: p99').met).toBe(false);
    expect(row('failover: leader SIGKILL to next write, median of 3').met).toBe(true);
    expect(row('formation 5 members: all voters').met).toBe(false);
    // Memory is judged on an idle member (issue 21): the figure at the end of the puts is shown without a target.
    expect(row('resident memory per member (max) after puts, 6 s idle')).toMatchObject({ etcd: 70, mgmt: 65, target: '<= etcd', met: true });
    expect(row('resident memory per member (max) at the end of the puts')).toMatchObject({ etcd: 100, mgmt: 120 });
    expect(row('resident memory per member (max) at the end of the puts').target).toBeUndefined();
    expect(row('resident memory per member (max) before the puts')).toMatchObject({ etcd: 25, mgmt: 85 });
    expect(row('resident memory per member (max) before the puts').target).toBeUndefined();
    expect(row('put 1 clients: throughput').target).toBeUndefined();
  });

  it('checks the read targets: linearizable at least 2x etcd, serializable at least 1.5x', () => {
    const reads = (lin: number, ser: number) => ({ clients: 64, linearizable: summary(lin, 1, 5), serializable: summary(ser, 1, 5) });
    const r = buildRows({ ...etcd, reads: reads(1000, 2000) }, { ...mgmt, reads: reads(2100, 2900) });
    expect(r.find((x) => x.metric === 'linearizable read 64 clients: throughput')).toMatchObject({ target: '>= 2x etcd', met: true });
    expect(r.find((x) => x.metric === 'serializable read 64 clients: throughput')).toMatchObject({ target: '>= 1.5x etcd', met: false });
  });

  it('charts mgmt advantage, inverting lower-is-better metrics', () => {
    const points = advantagePoints(rows);
    expect(points.find((p) => p.metric === 'put 64 clients: throughput')?.advantage).toBeCloseTo(1.6);
    expect(points.find((p) => p.metric === 'failover: leader SIGKILL to next write, median of 3')?.advantage).toBeCloseTo(3.25);
  });

  it('renders an aligned table and a Markdown table with both columns', () => {
    const table = renderTable(rows).split('\n');
    expect(table[0]).toMatch(/^metric\s+etcd\s+mgmt\s+mgmt\/etcd\s+target$/);
    expect(table.find((l) => l.startsWith('put 64 clients: throughput'))).toMatch(/10,000\s+16,000\s+1\.60x\s+>= 1\.5x etcd: met$/);

    const md = renderMarkdown(rows, ctx, 'bench.png');
    expect(md).toContain('| metric | etcd | mgmt | mgmt/etcd | target |');
    expect(md).toContain('| put 1 clients: p50 (ms) | 1.20 | 1.00 | 0.83x | <= etcd: met |');
    expect(md).toContain('load average 1.00 2.00 3.00 at start');
    expect(md).toContain('![etcd vs mgmt](bench.png)');
  });

  it('takes the median of the failover runs', () => {
    expect(median([400, 900, 300])).toBe(400);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('formats figures by size', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(undefined)).toBe('-');
  });
});

describe('the long-run rows', () => {
  it('compare memory after the hour-like writes (<= etcd) and the idle leader CPU (<= 2x etcd), with the load averages in the label', () => {
    const e: SystemResults = { ...etcd, hour: { writes: 36_000, replayMs: 20_000, memoryBytes: [120 * 2 ** 20, 110 * 2 ** 20], loadAverage: [1.25, 1, 1] }, idle: { leaderCorePercent: 1.5, memberCorePercents: [1.5, 1.4, 1.3], windowMs: 20_000, loadAverage: [0.5, 1, 1] } };
    const m: SystemResults = { ...mgmt, hour: { writes: 36_500, replayMs: 30_000, memoryBytes: [100 * 2 ** 20], loadAverage: [2, 1, 1] }, idle: { leaderCorePercent: 3.5, memberCorePercents: [3.5, 2, 2], windowMs: 20_000, loadAverage: [0.75, 1, 1] } };
    const rows = buildRows(e, m);
    const memory = rows.find((r) => r.metric.startsWith('resident memory per member (max) after 36,500 writes'))!;
    expect(memory.metric).toContain('load 1.25 / 2.00');
    expect(memory).toMatchObject({ etcd: 120, mgmt: 100, target: '<= etcd', met: true });
    const idle = rows.find((r) => r.metric.startsWith('idle leader CPU'))!;
    expect(idle).toMatchObject({ unit: '% of a core', etcd: 1.5, mgmt: 3.5, target: '<= 2x etcd', met: false });
    expect(idle.metric).toContain('load 0.50 / 0.75');
    expect(renderTable(rows)).toContain('idle leader CPU (load 0.50 / 0.75) (% of a core)');
  });

  it('are absent when neither system ran those sections', () => {
    expect(buildRows(etcd, mgmt).some((r) => r.metric.startsWith('idle') || r.metric.includes('writes'))).toBe(false);
  });
});

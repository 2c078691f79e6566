/**
 * WAL benchmark: durable appends per second and fsyncs per second with 1,
 * 16 and 256 concurrent proposers, 256-byte entries, on the real disk.
 * Each proposer loops: take the next index, save one entry, wait for the
 * fsync. Proposals that arrive while an fsync is in flight join the next
 * batch (group commit), so more proposers should mean more entries per
 * fsync, not more fsyncs.
 *
 *   npx tsx tools/src/wal-bench.ts [--seconds 3] [--dir /path/on/real/disk]
 *
 * The first row is the disk's own rate: one 4 KiB write + fdatasync at a time.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EntryType } from '@mgmt/raft';
import { DurableStorage, NodeFileSystem } from '@mgmt/wal';

const ENTRY_BYTES = 256;
const PROPOSERS = [1, 16, 256];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

interface Row {
  case: string;
  entriesPerSec: number;
  fsyncsPerSec: number;
  entriesPerFsync: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** The disk alone: sequential 4 KiB write + fdatasync. */
function rawFsync(base: string, seconds: number): Row {
  const file = join(base, 'raw');
  const fd = openSync(file, 'a');
  const block = new Uint8Array(4096).fill(1);
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    const t = performance.now();
    writeSync(fd, block);
    fdatasyncSync(fd);
    lat.push(performance.now() - t);
  }
  const elapsed = (performance.now() - t0) / 1000;
  closeSync(fd);
  lat.sort((a, b) => a - b);
  const rate = lat.length / elapsed;
  return { case: 'raw 4 KiB write+fdatasync', entriesPerSec: rate, fsyncsPerSec: rate, entriesPerFsync: 1, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99) };
}

async function walRun(base: string, proposers: number, seconds: number): Promise<Row> {
  const dir = join(base, `p${proposers}`);
  const storage = DurableStorage.open({ fs: new NodeFileSystem(), dir, identity: { clusterId: 'bench', memberId: 1 } });
  const data = new Uint8Array(ENTRY_BYTES).fill(7);
  let next = 1;
  let stop = false;
  const lat: number[] = [];
  const loop = async () => {
    while (!stop) {
      const index = next++;
      const t = performance.now();
      await storage.save({ entries: [{ index, term: 1, type: EntryType.ENTRY_NORMAL, data }] });
      lat.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  const syncs0 = storage.wal.stats.batchSyncs;
  const running = Array.from({ length: proposers }, loop);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  await Promise.all(running);
  const elapsed = (performance.now() - t0) / 1000;
  const syncs = storage.wal.stats.batchSyncs - syncs0;
  const entries = storage.wal.stats.entries;
  await storage.close();
  lat.sort((a, b) => a - b);
  return {
    case: `wal, ${proposers} proposer${proposers === 1 ? '' : 's'}`,
    entriesPerSec: entries / elapsed,
    fsyncsPerSec: syncs / elapsed,
    entriesPerFsync: entries / Math.max(1, syncs),
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
  };
}

function printTable(rows: Row[]): void {
  const header = ['case', 'durable entries/s', 'fsyncs/s', 'entries/fsync', 'p50 ms', 'p99 ms'];
  const cells = rows.map((r) => [
    r.case,
    Math.round(r.entriesPerSec).toLocaleString('en-US'),
    Math.round(r.fsyncsPerSec).toLocaleString('en-US'),
    r.entriesPerFsync.toFixed(1),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '3'));
  const base = mkdtempSync(join(arg('dir', tmpdir()), 'wal-bench-'));
  try {
    console.log(`wal-bench: ${ENTRY_BYTES}-byte entries, ${seconds} s per case, directory ${base}`);
    const rows = [rawFsync(base, seconds)];
    for (const p of PROPOSERS) rows.push(await walRun(base, p, seconds));
    printTable(rows);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

await main();

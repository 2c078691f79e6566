/**
 * Micro-benchmark of the Raft core under the production driver (RaftDriver,
 * its defaults and invariants on): committed entries per second through a
 * 3-node in-memory cluster (MemoryStorage, messages handed over directly, no
 * disk, no encoding). Run from the repository root:
 *
 *   npx tsx tools/src/raft-bench.ts [--entries N] [--json]
 *
 * Each row proposes `entries` entries of `payload` bytes on the leader,
 * `batch` proposals between two Ready rounds (so several batches are in
 * flight: pipelining), and reports the rate at which the leader applies them.
 */
import { ManualClock, MemoryStorage, RaftDriver, bootstrapNewCluster, mulberry32, type Message } from '@mgmt/raft';

interface Member {
  driver: RaftDriver;
  /** Normal entries applied (the leader's count is the benchmark's progress). */
  applied: number;
}

interface Row {
  mode: string;
  batch: number;
  payload: number;
  entries: number;
  seconds: number;
  entriesPerSec: number;
  msgs: number;
}

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : def;
}

/** Three members running the production driver (its defaults) over MemoryStorage; sends go to `out`. */
function makeCluster(clock: ManualClock, out: () => Message[]): Member[] {
  const ids = [1, 2, 3];
  return ids.map((id) => {
    const storage = new MemoryStorage();
    bootstrapNewCluster(storage, ids);
    const m: Member = { driver: undefined as unknown as RaftDriver, applied: 0 };
    m.driver = new RaftDriver({
      id,
      storage,
      clock,
      random: mulberry32(id),
      heartbeatTicks: 1,
      snapshotEveryEntries: 0,
      send: (msg) => {
        out().push(msg);
        return true;
      },
      stateMachine: {
        applyEntry: () => void m.applied++,
        applyConfChange: () => {},
        snapshotData: () => new Uint8Array(0),
        restore: () => {},
      },
    });
    return m;
  });
}

function run(mode: 'propose' | 'proposeBatch', batch: number, payload: number, total: number): Row {
  const clock = new ManualClock();
  let queue: Message[] = [];
  let next: Message[] = [];
  const members = makeCluster(clock, () => next);
  const byId = new Map(members.map((m) => [m.driver.id, m]));
  let msgs = 0;
  const leader = members[0]!;
  leader.driver.campaign();

  const round = (): void => {
    for (const m of members) m.driver.wake();
    clock.runDeferred();
    const q = next;
    next = queue;
    next.length = 0;
    queue = q;
    msgs += queue.length;
    for (let k = 0; k < queue.length; k++) {
      const msg = queue[k]!;
      byId.get(msg.to)!.driver.receive(msg);
    }
  };
  for (let k = 0; k < 20 && leader.driver.role !== 'leader'; k++) round();
  for (let k = 0; k < 10; k++) round();
  if (leader.driver.role !== 'leader') throw new Error('no leader');

  const data = new Uint8Array(payload).fill(7);
  const datas: Uint8Array[] = new Array(batch).fill(data);
  let proposed = 0;
  const t0 = process.hrtime.bigint();
  while (leader.applied < total) {
    if (proposed < total) {
      const n = Math.min(batch, total - proposed);
      if (mode === 'proposeBatch') leader.driver.proposeBatch(n === batch ? datas : datas.slice(0, n));
      else for (let k = 0; k < n; k++) leader.driver.propose(data);
      proposed += n;
    }
    round();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mode, batch, payload, entries: total, seconds, entriesPerSec: total / seconds, msgs };
}

const total = arg('entries', 200_000);
const rows: Row[] = [];
// Warm up the JIT.
run('proposeBatch', 256, 64, 50_000);
run('propose', 256, 64, 50_000);
for (const payload of [64, 256]) {
  for (const batch of [1, 16, 256, 1024]) {
    rows.push(run('propose', batch, payload, batch === 1 ? Math.min(total, 50_000) : total));
  }
  rows.push(run('proposeBatch', 1024, payload, total));
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  console.log('Raft core: 3-node in-memory cluster, committed entries/s on the leader (no disk, no encoding)');
  console.log('');
  console.log('| mode         | batch | payload B | entries   | seconds | entries/s   | msgs/entry |');
  console.log('|--------------|------:|----------:|----------:|--------:|------------:|-----------:|');
  for (const r of rows) {
    console.log(
      `| ${r.mode.padEnd(12)} | ${String(r.batch).padStart(5)} | ${String(r.payload).padStart(9)} | ${fmt(r.entries).padStart(9)} | ${r.seconds.toFixed(3).padStart(7)} | ${fmt(r.entriesPerSec).padStart(11)} | ${(r.msgs / r.entries).toFixed(3).padStart(10)} |`,
    );
  }
  const best = Math.max(...rows.filter((r) => r.batch >= 16).map((r) => r.entriesPerSec));
  console.log('');
  console.log(`best batched rate: ${fmt(best)} entries/s (target >= 200,000): ${best >= 200_000 ? 'PASS' : 'BELOW TARGET'}`);
}

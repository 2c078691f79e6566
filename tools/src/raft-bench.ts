/**
 * Micro-benchmark of the Raft core: committed entries per second through a
 * 3-node in-memory cluster (MemoryStorage, messages handed over directly, no
 * disk, no encoding). Run from the repository root:
 *
 *   npx tsx tools/src/raft-bench.ts [--entries N] [--json]
 *
 * Each row proposes `entries` entries of `payload` bytes on the leader,
 * `batch` proposals between two Ready rounds (so several batches are in
 * flight: pipelining), and reports the rate at which the leader applies them.
 */
import { MemoryStorage, RawNode, bootstrapNewCluster, mulberry32, type Message, type Ready } from '@mgmt/raft';

interface Member {
  raw: RawNode;
  storage: MemoryStorage;
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

function makeCluster(): Member[] {
  const ids = [1, 2, 3];
  return ids.map((id) => {
    const storage = new MemoryStorage();
    bootstrapNewCluster(storage, ids);
    const raw = new RawNode({
      id,
      electionTick: 10,
      heartbeatTick: 1,
      storage,
      random: mulberry32(id),
      maxSizePerMsg: 1024 * 1024,
      maxInflightMsgs: 256,
      maxUncommittedEntriesSize: 64 * 1024 * 1024,
      checkQuorum: true,
      preVote: true,
    });
    return { raw, storage };
  });
}

/** Handles one Ready of a member: persist, queue messages, count applied normal entries. */
function handle(m: Member, rd: Ready, out: Message[]): number {
  if (rd.snapshot) m.storage.applySnapshot(rd.snapshot);
  if (rd.entries.length > 0) m.storage.append(rd.entries);
  if (rd.hardState) m.storage.setHardState(rd.hardState);
  for (let k = 0; k < rd.messages.length; k++) out.push(rd.messages[k]!);
  let applied = 0;
  const ce = rd.committedEntries;
  for (let k = 0; k < ce.length; k++) if (ce[k]!.data.byteLength > 0) applied++;
  m.raw.advance(rd);
  return applied;
}

function run(mode: 'propose' | 'proposeBatch', batch: number, payload: number, total: number): Row {
  const members = makeCluster();
  const byId = new Map(members.map((m) => [m.raw.id, m]));
  let queue: Message[] = [];
  let next: Message[] = [];
  let msgs = 0;
  let leaderApplied = 0;
  const leader = members[0]!;
  leader.raw.campaign();

  const round = (): void => {
    for (const m of members) {
      if (m.raw.hasReady()) {
        const a = handle(m, m.raw.ready(), next);
        if (m === leader) leaderApplied += a;
      }
    }
    const q = next;
    next = queue;
    next.length = 0;
    queue = q;
    msgs += queue.length;
    for (let k = 0; k < queue.length; k++) {
      const msg = queue[k]!;
      byId.get(msg.to)!.raw.step(msg);
    }
  };
  for (let k = 0; k < 20 && leader.raw.status().role !== 'leader'; k++) round();
  for (let k = 0; k < 10; k++) round();
  if (leader.raw.status().role !== 'leader') throw new Error('no leader');

  const data = new Uint8Array(payload).fill(7);
  const datas: Uint8Array[] = new Array(batch).fill(data);
  let proposed = 0;
  const t0 = process.hrtime.bigint();
  while (leaderApplied < total) {
    if (proposed < total) {
      const n = Math.min(batch, total - proposed);
      if (mode === 'proposeBatch') leader.raw.proposeBatch(n === batch ? datas : datas.slice(0, n));
      else for (let k = 0; k < n; k++) leader.raw.propose(data);
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

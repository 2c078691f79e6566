// The short chaos run for CI (issue 11): a few runs of real `mgmt run`
// agents under every fault kind (kill, pause, partition, one-way cut,
// move-leader, ideal size, and a client's del-mgmt, revoke-lease, garbage), each ending with no anomaly: linearizable
// history, the store history agreeing across voters and holding every
// acknowledged write, gapless watches, the cluster back at its ideal size.
// The second run's agents serve the etcd API from a worker thread
// (--api-workers 1, kv's workers/api-pool.ts), the others from the member's
// thread. CHAOS_SEED, CHAOS_RUNS, CHAOS_SECONDS override the defaults; a failure
// prints the seed, the anomalies, where the files were saved and the
// command to replay. At most 4 agents run at a time.
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { killAllChildren } from './cluster.js';
import { FAULT_KINDS } from './nemesis.js';
import { replayCommand, runOnce, saveRun } from './run.js';

const RUNS = Number(process.env.CHAOS_RUNS ?? 3);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 40);
const FIRST_SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

afterAll(() => killAllChildren());

it(`${RUNS} chaos runs of ${SECONDS} s with every fault kind find no anomaly (first seed ${FIRST_SEED})`, { timeout: RUNS * (SECONDS + 150) * 1000 }, async () => {
  const kinds = new Set<string>();
  const failures: string[] = [];
  for (let k = 0; k < RUNS; k++) {
    const seed = (FIRST_SEED + k) >>> 0;
    // each run starts with the next kinds.length/RUNS kinds, so the runs together surely strike every kind
    const shift = (Math.ceil(FAULT_KINDS.length / RUNS) * k) % FAULT_KINDS.length;
    const firstKinds = [...FAULT_KINDS.slice(shift), ...FAULT_KINDS.slice(0, shift)];
    // Hosts are restarted exactly as first started; the last run starts them all with one command (--bootstrap-expect).
    const mode = k === RUNS - 1 ? ('bootstrap-expect' as const) : ('first-host' as const);
    const apiWorkers = k === 1 ? 1 : undefined;
    const r = await runOnce({ seed, seconds: SECONDS, firstKinds, mode, ...(apiWorkers ? { apiWorkers } : {}) });
    for (const f of r.faults) kinds.add(f.kind);
    const replay = replayCommand(r, SECONDS, { mode, ...(apiWorkers ? { apiWorkers } : {}) });
    console.log(`chaos seed=${seed}${apiWorkers ? ` api-workers=${apiWorkers}` : ''} ops=${r.ops} faults=${r.faults.length} verdict=${r.verdict} ${[...r.anomalies, ...r.notes].join('; ')}`);
    if (r.verdict === 'ANOMALY') failures.push(`seed ${seed}: ${r.anomalies.join('; ')} (saved ${saveRun(r, SECONDS, replay)}; replay: ${replay})`);
    fs.rmSync(r.dir, { recursive: true, force: true });
  }
  expect(failures).toEqual([]);
  expect([...kinds].sort()).toEqual([...FAULT_KINDS].sort());
});
